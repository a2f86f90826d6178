/**
 * Every SPEC §4 field of a shipping rule, plus the CSV and Parquet options of §3.
 */
import { useShallow } from 'zustand/react/shallow';
import { useMemo } from 'react';
import { ruleValidate } from '../../../core/shipping';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { RuleFormatFields } from './RuleFormatFields';

/** The field form. */
export function RuleFields() {
  const t = useT();
  const { rule, patch } = useStore(useShallow((s) => ({ rule: s.rule, patch: s.rulePatch })));
  // Fields with an error are marked where they are typed, not only in the problems panel.
  const invalid = useMemo(
    () =>
      new Set(
        ruleValidate(rule)
          .filter((i) => i.severity === 'error')
          .map((i) => i.field),
      ),
    [rule],
  );
  const mark = (field: string, base = '') => ({
    className: `${base}${invalid.has(field) ? ' invalid' : ''}`.trim() || undefined,
    'aria-invalid': invalid.has(field) || undefined,
  });
  const text = (name: 'name' | 'bucket' | 'prefix' | 'partitionFormat' | 'roleArn' | 'timeZone', label: string, testId?: string) => (
    <label className="field">
      {label}
      <input
        {...mark(name, 'mono')}
        aria-label={label}
        value={rule[name]}
        onChange={(e) => patch({ [name]: e.target.value })}
        data-testid={testId}
      />
    </label>
  );
  return (
    <div className="rule-fields">
      {text('name', t('rules.name'), 'rule-name')}
      {text('bucket', t('rules.bucket'), 'rule-bucket')}
      {text('prefix', t('rules.prefix'), 'rule-prefix')}
      {text('partitionFormat', t('rules.partitionFormat'), 'rule-partition-format')}
      {text('roleArn', t('rules.roleArn'))}
      {text('timeZone', t('rules.timeZone'), 'rule-time-zone')}
      <label className="field">
        {t('rules.bufferSize')}
        <input
          type="number"
          {...mark('bufferSizeMb')}
          aria-label={t('rules.bufferSize')}
          value={rule.bufferSizeMb}
          onChange={(e) => patch({ bufferSizeMb: Number(e.target.value) })}
        />
      </label>
      <label className="field">
        {t('rules.bufferInterval')}
        <input
          type="number"
          {...mark('bufferIntervalSec')}
          aria-label={t('rules.bufferInterval')}
          value={rule.bufferIntervalSec}
          onChange={(e) => patch({ bufferIntervalSec: Number(e.target.value) })}
        />
      </label>
      <RuleFormatFields />
    </div>
  );
}
