/**
 * Every SPEC §4 field of a shipping rule, plus the CSV and Parquet options of §3.
 */
import { useShallow } from 'zustand/react/shallow';
import { useMemo } from 'react';
import { csvHybridDbPreset, ruleValidate } from '../../../core/shipping';
import { csvDialectDefault, parquetColumnTypes } from '../../../core/model';
import type { ParquetColumnType, ShippingRule } from '../../../core/model';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';

const parquetTypes: readonly ParquetColumnType[] = parquetColumnTypes;
const reservedColumns = ['__time__', '__topic__', '__source__'];

function csvDefaults(rule: ShippingRule): NonNullable<ShippingRule['csv']> {
  return rule.csv ?? { ...csvDialectDefault, columns: [...reservedColumns] };
}

function CsvOptions({ rule }: { rule: ShippingRule }) {
  const t = useT();
  const patch = useStore((s) => s.rulePatch);
  const csv = csvDefaults(rule);
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

function ParquetOptions({ rule }: { rule: ShippingRule }) {
  const t = useT();
  const patch = useStore((s) => s.rulePatch);
  const columns =
    rule.parquet?.columns ??
    reservedColumns.map((name) => ({ name, type: name === '__time__' ? ('int32' as const) : ('string' as const) }));
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

/** Switching format fills that format's options with the console defaults. */
function formatPatch(rule: ShippingRule, format: ShippingRule['format']): Partial<ShippingRule> {
  if (format === 'csv') return { format, csv: csvDefaults(rule) };
  if (format === 'parquet')
    return {
      format,
      parquet: rule.parquet ?? { columns: reservedColumns.map((name) => ({ name, type: name === '__time__' ? 'int32' : 'string' })) },
    };
  return { format };
}

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
      <label className="field">
        {t('rules.format')}
        <select
          aria-label={t('rules.format')}
          value={rule.format}
          onChange={(e) => patch(formatPatch(rule, e.target.value as ShippingRule['format']))}
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
      {rule.format === 'csv' && <CsvOptions rule={rule} />}
      {rule.format === 'parquet' && <ParquetOptions rule={rule} />}
    </div>
  );
}
