/**
 * The Parquet columns of a shipping rule (SPEC §3): names and types, added and removed.
 */
import { parquetColumnTypes } from '../../../core/model';
import type { ParquetColumnType, ShippingRule } from '../../../core/model';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { ruleParquetColumns } from './ruleFormatDefaults';

const parquetTypes: readonly ParquetColumnType[] = parquetColumnTypes;

/** One row per column: name, type, remove; then Add. */
export function RuleParquetOptions({ rule }: { rule: ShippingRule }) {
  const t = useT();
  const patch = useStore((s) => s.rulePatch);
  const columns = ruleParquetColumns(rule);
  const set = (next: typeof columns) => patch({ parquet: { columns: next } });
  return (
    <fieldset className="full stack" style={{ border: 'none', padding: 0, margin: 0 }}>
      <legend className="small muted">{t('rules.parquetColumns')}</legend>
      {columns.map((column, i) => (
        <div className="row" key={i}>
          <input
            className="mono"
            aria-label={`${t('rules.columnName')} ${i + 1}`}
            value={column.name}
            onChange={(e) => set(columns.map((c, j) => (j === i ? { ...c, name: e.target.value } : c)))}
          />
          <select
            aria-label={`${t('rules.columnType')} ${i + 1}`}
            value={column.type}
            onChange={(e) => set(columns.map((c, j) => (j === i ? { ...c, type: e.target.value as ParquetColumnType } : c)))}
          >
            {parquetTypes.map((type) => (
              <option key={type}>{type}</option>
            ))}
          </select>
          <button
            type="button"
            className="link"
            aria-label={`${t('common.remove')} ${column.name}`}
            onClick={() => set(columns.filter((_, j) => j !== i))}
          >
            ×
          </button>
        </div>
      ))}
      <div>
        <button type="button" onClick={() => set([...columns, { name: '', type: 'string' }])}>
          {t('common.add')}
        </button>
      </div>
    </fieldset>
  );
}
