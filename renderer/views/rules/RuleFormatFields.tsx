/**
 * A shipping rule's format and compression, with the chosen format's options below them.
 */
import { useShallow } from 'zustand/react/shallow';
import type { ShippingRule } from '../../../core/model';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { RuleCsvOptions } from './RuleCsvOptions';
import { ruleFormatPatch } from './ruleFormatDefaults';
import { RuleParquetOptions } from './RuleParquetOptions';

/** Format and compression selects; switching format fills that format's defaults. */
export function RuleFormatFields() {
  const t = useT();
  const { rule, patch } = useStore(useShallow((s) => ({ rule: s.rule, patch: s.rulePatch })));
  return (
    <>
      <label className="field">
        {t('rules.format')}
        <select
          aria-label={t('rules.format')}
          value={rule.format}
          onChange={(e) => patch(ruleFormatPatch(rule, e.target.value as ShippingRule['format']))}
          data-testid="rule-format"
        >
          <option value="json">JSON</option>
          <option value="csv">CSV</option>
          <option value="parquet">Parquet</option>
        </select>
      </label>
      <label className="field">
        {t('rules.compression')}
        <select
          aria-label={t('rules.compression')}
          value={rule.compression}
          onChange={(e) => patch({ compression: e.target.value as ShippingRule['compression'] })}
          data-testid="rule-compression"
        >
          <option value="none">none</option>
          <option value="snappy">snappy</option>
        </select>
      </label>
      {rule.format === 'csv' && <RuleCsvOptions rule={rule} />}
      {rule.format === 'parquet' && <RuleParquetOptions rule={rule} />}
    </>
  );
}
