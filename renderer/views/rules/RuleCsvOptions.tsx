/**
 * The CSV options of a shipping rule (SPEC §3): columns, dialect, and the HybridDB preset.
 */
import { csvHybridDbPreset } from '../../../core/shipping';
import type { ShippingRule } from '../../../core/model';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { ruleCsvDefaults } from './ruleFormatDefaults';

/** Columns, delimiter, quote, null text and header of a CSV rule. */
export function RuleCsvOptions({ rule }: { rule: ShippingRule }) {
  const t = useT();
  const patch = useStore((s) => s.rulePatch);
  const csv = ruleCsvDefaults(rule);
  const set = (p: Partial<typeof csv>) => patch({ csv: { ...csv, ...p } });
  return (
    <>
      <label className="field full">
        {t('rules.csvColumns')}
        <textarea
          rows={4}
          aria-label={t('rules.csvColumns')}
          value={csv.columns.join('\n')}
          onChange={(e) =>
            set({
              columns: e.target.value
                .split('\n')
                .map((c) => c.trim())
                .filter(Boolean),
            })
          }
        />
      </label>
      <label className="field">
        {t('rules.csvDelimiter')}
        <input aria-label={t('rules.csvDelimiter')} value={csv.delimiter} onChange={(e) => set({ delimiter: e.target.value })} />
      </label>
      <label className="field">
        {t('rules.csvQuote')}
        <input aria-label={t('rules.csvQuote')} value={csv.quote} onChange={(e) => set({ quote: e.target.value })} />
      </label>
      <label className="field">
        {t('rules.csvNull')}
        <input aria-label={t('rules.csvNull')} value={csv.nullValue} onChange={(e) => set({ nullValue: e.target.value })} />
      </label>
      <label className="check">
        <input type="checkbox" checked={csv.header} onChange={(e) => set({ header: e.target.checked })} /> {t('rules.csvHeader')}
      </label>
      <button
        type="button"
        data-testid="csv-preset-hybriddb"
        title={t('rules.csvPresetHybridDbHint')}
        onClick={() => set(csvHybridDbPreset(csv.columns))}
      >
        {t('rules.csvPresetHybridDb')}
      </button>
    </>
  );
}
