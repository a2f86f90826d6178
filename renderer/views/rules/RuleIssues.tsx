/**
 * Live validation of the edited rule, in the UI language, plus a one-line path preview.
 */
import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { objectKeyBuild, ruleValidate } from '../../../core/shipping';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { usePrefixExists } from './usePrefixExists';
import { ruleFieldLabelKey } from '../../components/ruleFieldLabel';

/** The issues panel. */
export function RuleIssues() {
  const t = useT();
  const { rule, language, bucket } = useStore(useShallow((s) => ({ rule: s.rule, language: s.language, bucket: s.connection?.bucket })));
  const prefixExists = usePrefixExists(bucket, rule.bucket, rule.prefix);
  const [now] = useState(() => Date.now());
  const issues = useMemo(() => ruleValidate(rule), [rule]);
  const fieldLabel = (field: string) => {
    const key = ruleFieldLabelKey(field);
    return key ? t(key) : field;
  };
  const example = useMemo(() => {
    try {
      return objectKeyBuild(rule, BigInt(now) * 1_000_000n, 1);
    } catch {
      return null;
    }
  }, [rule, now]);
  return (
    <section className="panel" aria-label={t('rules.issues')} data-testid="rule-issues">
      <h3>{t('rules.issues')}</h3>
      {issues.length === 0 && prefixExists !== false && <div className="ok">{t('rules.valid')}</div>}
      {prefixExists === false && (
        <div className="issue" data-code="PREFIX_NOT_FOUND" data-testid="rule-issue">
          <span className="warn" aria-label="warning">
            ▲
          </span>
          <span className="issue-field">{t('rules.prefix')}</span>
          <span>{t('rules.prefixMissing', { prefix: rule.prefix, bucket: rule.bucket })}</span>
        </div>
      )}
      {issues.map((issue, i) => (
        <div key={i} className="issue" data-code={issue.code} data-testid="rule-issue">
          <span className={issue.severity === 'error' ? 'danger' : 'warn'} aria-label={issue.severity}>
            {issue.severity === 'error' ? '●' : '▲'}
          </span>
          <span className="issue-field" title={issue.field}>
            {fieldLabel(issue.field)}
          </span>
          <span>{issue.message[language]}</span>
        </div>
      ))}
      {example && (
        <>
          <h3 style={{ marginTop: 14 }}>{t('rules.objectKey')}</h3>
          <div className="preview-path">
            oss://{rule.bucket || '<bucket>'}/{example}
          </div>
        </>
      )}
    </section>
  );
}
