/**
 * The CSV options of a shipping rule (SPEC §3): columns, dialect, and the HybridDB preset.
 */
import { csvHybridDbPreset } from '../../../core/shipping';
import type { ShippingRule } from '../../../core/model';
import { LabelledInput, LabelledTextarea } from '../../components/LabelledInput';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { ruleCsvDefaults } from './ruleFormatDefaults';

/** The non-empty trimmed lines of a text (one column name a line). */
function lineList(text: string): string[] {
  return text
    .split('\n')
    .map((c) => c.trim())
    .filter(Boolean);
}

/** Columns, delimiter, quote, null text and header of a CSV rule. */
export function RuleCsvOptions({ rule }: { rule: ShippingRule }) {
  const t = useT();
  const patch = useStore((s) => s.rulePatch);
  const csv = ruleCsvDefaults(rule);
  const set = (p: Partial<typeof csv>) => patch({ csv: { ...csv, ...p } });
  return (
    <>
      <LabelledTextarea
        label={t('rules.csvColumns')}
        labelClass="field full"
        rows={4}
        value={csv.columns.join('\n')}
        onValue={(text) => set({ columns: lineList(text) })}
      />
      <LabelledInput label={t('rules.csvDelimiter')} value={csv.delimiter} onValue={(delimiter) => set({ delimiter })} />
      <LabelledInput label={t('rules.csvQuote')} value={csv.quote} onValue={(quote) => set({ quote })} />
      <LabelledInput label={t('rules.csvNull')} value={csv.nullValue} onValue={(nullValue) => set({ nullValue })} />
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
