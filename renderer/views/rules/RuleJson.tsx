/**
 * Import / export the rule as Log Service JSON (classic shipper or OSS export job).
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ruleFromSlsJson, ruleToSlsJson } from '../../../core/shipping';
import type { SlsJsonKind } from '../../../core/shipping';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { CopyButton } from '../../components/CopyButton';

/** The JSON tab. */
export function RuleJson() {
  const t = useT();
  const { rule, ruleReplace } = useStore(useShallow((s) => ({ rule: s.rule, ruleReplace: s.ruleReplace })));
  const [kind, setKind] = useState<SlsJsonKind>('shipper');
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);
  let exported = '';
  try {
    exported = ruleToSlsJson(rule, kind);
  } catch (e) {
    exported = e instanceof Error ? e.message : String(e);
  }
  return (
    <div className="grid-2">
      <div className="stack">
        <textarea
          rows={14}
          aria-label={t('rules.jsonPlaceholder')}
          placeholder={t('rules.jsonPlaceholder')}
          value={input}
          onChange={(e) => setInput(e.target.value)}
        />
        <div className="row">
          <button
            type="button"
            className="primary"
            disabled={!input.trim()}
            onClick={() => {
              try {
                ruleReplace(ruleFromSlsJson(input));
                setError(null);
              } catch (e) {
                setError(e instanceof Error ? e.message : String(e));
              }
            }}
          >
            {t('rules.import')}
          </button>
        </div>
        {error && (
          <div className="danger small" role="alert">
            {error}
          </div>
        )}
      </div>
      <div className="stack">
        <div className="row">
          <span className="small muted">{t('rules.export')}</span>
          <select aria-label={t('rules.export')} value={kind} onChange={(e) => setKind(e.target.value as SlsJsonKind)}>
            <option value="shipper">shipper</option>
            <option value="ossExport">OSS export</option>
          </select>
          <span className="spacer" />
          <CopyButton text={exported} />
        </div>
        <pre className="code">{exported}</pre>
      </div>
    </div>
  );
}
