/**
 * The export dialog's fields: columns, format, file name and folder, the CSV options, and
 * which rows (every row of the object, or the grid's filtered/sorted rows).
 */
import type { TableInfo } from '../../../main/api/contract';
import { DelimiterSelect } from '../../components/DelimiterSelect';
import { LabelledInput } from '../../components/LabelledInput';
import { LabelledSelect } from '../../components/LabelledSelect';
import { RadioChoices } from '../../components/RadioChoices';
import { useT } from '../../i18n';

/** Export targets; main picks the writer by the file name's extension. */
export const exportFormats = ['csv', 'jsonl', 'parquet'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** The dialog's choices besides the columns. */
export interface ExportOptions {
  format: ExportFormat;
  fileName: string;
  outDir: string;
  delimiter: string;
  bom: boolean;
  formulaGuard: boolean;
  nullText: string;
  /** Every row of the object in file order, or the rows of the grid's sort and filter. */
  rows: 'all' | 'view';
}

interface FieldsProps {
  options: ExportOptions;
  patch: (change: Partial<ExportOptions>) => void;
}

/** The columns to write, with All and None. */
export function ExportColumns({
  table,
  columns,
  onColumns,
}: {
  table: TableInfo;
  columns: Set<string>;
  onColumns: (c: Set<string>) => void;
}) {
  const t = useT();
  const toggle = (name: string) => {
    const next = new Set(columns);
    if (next.has(name)) next.delete(name);
    else next.add(name);
    onColumns(next);
  };
  return (
    <>
      <div className="row small">
        <strong>{t('export.columns')}</strong>
        <button type="button" className="link" onClick={() => onColumns(new Set(table.columns.map((c) => c.name)))}>
          {t('export.all')}
        </button>
        <button type="button" className="link" onClick={() => onColumns(new Set())}>
          {t('export.none')}
        </button>
      </div>
      <div className="column-picks">
        {table.columns.map((c) => (
          <label key={c.name} className="check small mono">
            <input type="checkbox" checked={columns.has(c.name)} onChange={() => toggle(c.name)} /> {c.name}
          </label>
        ))}
      </div>
    </>
  );
}

/** The format (the file name's extension follows it), file name and delimiter. */
export function ExportTarget({ options, patch, onFormat }: FieldsProps & { onFormat: (format: ExportFormat) => void }) {
  const t = useT();
  return (
    <>
      <LabelledSelect
        label={t('export.format')}
        value={options.format}
        options={exportFormats.map((f) => ({ value: f, label: t(`export.format.${f}`) }))}
        onChange={onFormat}
        testId="export-format"
      />
      <div className="grid-2">
        <LabelledInput
          label={t('export.fileName')}
          className="mono"
          value={options.fileName}
          onValue={(fileName) => patch({ fileName })}
          testId="export-file-name"
        />
        {options.format === 'csv' && (
          <label className="field">
            {t('export.delimiter')}
            <DelimiterSelect label={t('export.delimiter')} value={options.delimiter} onChange={(delimiter) => patch({ delimiter })} />
          </label>
        )}
      </div>
    </>
  );
}

/** The null marker, output folder, BOM and formula guard (CSV's only where marked). */
export function ExportCsvOptions({ options, patch }: FieldsProps) {
  const t = useT();
  const csv = options.format === 'csv';
  return (
    <>
      <label className="field" hidden={!csv}>
        {t('export.nullMarker')}
        <input
          aria-label={t('export.nullMarker')}
          className="mono"
          value={options.nullText}
          maxLength={64}
          placeholder="NULL"
          onChange={(e) => patch({ nullText: e.target.value.replace(/[\r\n]/g, '') })}
          data-testid="export-null-text"
        />
      </label>
      <LabelledInput
        label={t('export.outDir')}
        className="mono"
        value={options.outDir}
        onValue={(outDir) => patch({ outDir })}
        testId="export-out-dir"
      />
      <label className="check" hidden={!csv}>
        <input type="checkbox" checked={options.bom} onChange={(e) => patch({ bom: e.target.checked })} /> {t('export.bom')}
      </label>
      <label className="check" hidden={!csv}>
        <input type="checkbox" checked={options.formulaGuard} onChange={(e) => patch({ formulaGuard: e.target.checked })} />{' '}
        {t('export.formulaGuard')}
      </label>
    </>
  );
}

/** All rows, or only the grid's filtered/sorted rows (offered while a sort or filter is set). */
export function ExportRows({ options, patch, viewSet, viewRows }: FieldsProps & { viewSet: boolean; viewRows: number | null }) {
  const t = useT();
  const view = options.rows === 'view';
  return (
    <fieldset className="row small export-rows">
      <legend>{t('export.rows')}</legend>
      <RadioChoices
        name="export-rows"
        value={options.rows}
        choices={[
          { value: 'all', label: t('export.rowsAll'), testId: 'export-rows-all' },
          {
            value: 'view',
            label: viewRows === null ? t('export.rowsView') : t('export.rowsViewCount', { n: viewRows.toLocaleString() }),
            disabled: !viewSet,
            testId: 'export-rows-view',
          },
        ]}
        onChange={(rows) => patch({ rows })}
      />
      <p className="muted small" data-testid="export-rows-note">
        {t(view ? 'export.rowsNoteView' : 'export.rowsNote')}
      </p>
    </fieldset>
  );
}
