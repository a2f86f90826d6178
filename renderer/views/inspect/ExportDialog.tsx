/**
 * Export the open table as CSV, JSON lines or Parquet (table.export), streamed by main: every
 * row of the object in file order, or only the grid's filtered/sorted rows (its sort and filter
 * over the whole object, in its order).
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { TableInfo } from '../../../main/api/contract';
import { apiCancel } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorBox } from '../../components/ErrorBox';
import { ProgressBar } from '../../components/ProgressBar';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { keyBaseName } from '../../util/keyInfo';
import { useExportJob } from './exportJob';
import type { ExportChoice, ExportJob } from './exportJob';
import { ExportColumns, ExportCsvOptions, ExportRows, ExportTarget } from './ExportFields';
import type { ExportFormat, ExportOptions } from './ExportFields';
import { gridViewQuery } from './gridViewSlice';
import type { GridViewQuery } from './gridViewSlice';

/** `a/b/log_1_2.snappy.parquet` → `log_1_2.csv` (or `.jsonl`, `.parquet`). */
export function exportFileName(key: string, format: ExportFormat = 'csv'): string {
  const base = keyBaseName(key)
    .replace(/(\.snappy)?(\.csv|\.parquet|\.json|\.jsonl)?$/, '')
    .replace(/\.snappy$/, '');
  return `${base || 'export'}.${format}`;
}

/** The file name with its extension set to the format's (`x.csv` → `x.parquet`). */
export function exportNameFor(name: string, format: ExportFormat): string {
  const stem = name.trim().replace(/\.(csv|jsonl|parquet)$/i, '');
  return `${stem || 'export'}.${format}`;
}

/** What table.export is asked for: the chosen columns, the options, the grid's view when chosen. */
function exportChoice(table: TableInfo, columns: Set<string>, o: ExportOptions, view: GridViewQuery): ExportChoice {
  return {
    fileName: o.fileName,
    columns: table.columns.map((c) => c.name).filter((n) => columns.has(n)),
    delimiter: o.delimiter,
    bom: o.bom,
    formulaGuard: o.formulaGuard,
    nullText: o.nullText,
    ...(o.rows === 'view' ? view : {}),
    ...(o.outDir.trim() ? { outDir: o.outDir.trim() } : {}),
  };
}

/** Progress, errors, the overwrite question and the result line. */
function ExportStatus({ job, total }: { job: ExportJob; total: number | null }) {
  const t = useT();
  return (
    <>
      {job.jobId && (
        <ProgressBar
          done={job.progress?.done ?? 0}
          total={job.progress?.total ?? total}
          unit="rows"
          onCancel={() => job.jobId && void apiCancel(job.jobId)}
        />
      )}
      {job.error && <ErrorBox error={job.error} />}
      {job.exists && (
        <div className="row warn" role="alert">
          {t('export.exists')}
          <button type="button" className="primary" onClick={() => void job.start(true)}>
            {t('export.overwrite')}
          </button>
        </div>
      )}
      {job.done && (
        <div className="ok" role="status" data-testid="export-done" data-path={job.done.path}>
          {t('export.done', { rows: job.done.rows.toLocaleString(), path: job.done.path })}
        </div>
      )}
    </>
  );
}

/** The export dialog. */
export function ExportDialog({ table, onClose }: { table: TableInfo; onClose: () => void }) {
  const t = useT();
  const s = useStore(
    useShallow((st) => ({ outputDir: st.settings?.outputDir ?? '', gridSort: st.gridSort, gridFilter: st.gridFilter, view: st.gridView })),
  );
  const query = gridViewQuery({ table, gridSort: s.gridSort, gridFilter: s.gridFilter });
  const viewSet = Boolean(query.sort || query.filter);
  const [columns, setColumns] = useState(() => new Set(table.columns.map((c) => c.name)));
  const [options, setOptions] = useState<ExportOptions>(() => ({
    format: 'csv',
    fileName: exportFileName(table.key),
    outDir: s.outputDir,
    delimiter: ',',
    bom: false,
    formulaGuard: true,
    nullText: '',
    rows: 'all',
  }));
  const patch = (change: Partial<ExportOptions>) => setOptions((o) => ({ ...o, ...change }));
  const onFormat = (format: ExportFormat) => setOptions((o) => ({ ...o, format, fileName: exportNameFor(o.fileName, format) }));
  const rows = viewSet ? options.rows : 'all';
  const job = useExportJob(table, () => exportChoice(table, columns, { ...options, rows }, query));
  return (
    <Dialog titleId="export-title" testId="export-dialog" onClose={job.jobId ? null : onClose}>
      <h2 id="export-title">{t('export.title')}</h2>
      <div className="stack">
        <ExportColumns table={table} columns={columns} onColumns={setColumns} />
        <ExportTarget options={options} patch={patch} onFormat={onFormat} />
        <ExportCsvOptions options={options} patch={patch} />
        <ExportRows options={{ ...options, rows }} patch={patch} viewSet={viewSet} viewRows={s.view?.numRows ?? null} />
        <ExportStatus job={job} total={rows === 'view' ? (s.view?.numRows ?? null) : table.numRows} />
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose} disabled={!!job.jobId}>
          {t('common.close')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={!!job.jobId || columns.size === 0 || !options.fileName.trim()}
          onClick={() => void job.start(false)}
          data-testid="export-start"
        >
          {t('export.start')}
        </button>
      </div>
    </Dialog>
  );
}
