/**
 * Export the open table as CSV, JSON lines or Parquet (table.export): all rows streamed by
 * main, not only the loaded page (the grid's filter and sort are over loaded rows, so the
 * dialog says the file has every row).
 */
import { useEffect, useState } from 'react';
import type { ApiEvents, TableInfo } from '../../../main/api/contract';
import type { ErrorInfo } from '../../../core/errors';
import { apiCall, apiCancel, apiJobId, apiOn } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorBox } from '../../components/ErrorBox';
import { ProgressBar } from '../../components/ProgressBar';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { keyBaseName } from '../../util/keyInfo';
import { DelimiterSelect } from '../../components/DelimiterSelect';

/** Export targets; main picks the writer by the file name's extension. */
export const exportFormats = ['csv', 'jsonl', 'parquet'] as const;
export type ExportFormat = (typeof exportFormats)[number];

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

/** The export dialog. */
export function ExportDialog({ table, onClose }: { table: TableInfo; onClose: () => void }) {
  const t = useT();
  const outputDir = useStore((s) => s.settings?.outputDir ?? '');
  const [columns, setColumns] = useState(() => new Set(table.columns.map((c) => c.name)));
  const [delimiter, setDelimiter] = useState(',');
  const [bom, setBom] = useState(false);
  const [formulaGuard, setFormulaGuard] = useState(true);
  const [nullText, setNullText] = useState('');
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [fileName, setFileName] = useState(() => exportFileName(table.key));
  const [outDir, setOutDir] = useState(outputDir);
  const [jobId, setJobId] = useState<string | null>(null);
  const [progress, setProgress] = useState<ApiEvents['onJobProgress'] | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [exists, setExists] = useState(false);
  const [done, setDone] = useState<{ path: string; rows: number } | null>(null);

  useEffect(() => apiOn('onJobProgress', (p) => p.jobId === jobId && setProgress(p)), [jobId]);

  async function start(overwrite: boolean) {
    const id = apiJobId('export');
    setJobId(id);
    setError(null);
    setExists(false);
    setDone(null);
    setProgress(null);
    const picked = table.columns.map((c) => c.name).filter((n) => columns.has(n));
    const response = await apiCall('table.export', {
      tableId: table.tableId,
      fileName,
      columns: picked,
      delimiter,
      bom,
      formulaGuard,
      nullText,
      overwrite,
      jobId: id,
      ...(outDir.trim() ? { outDir: outDir.trim() } : {}),
    });
    setJobId(null);
    if (response.ok) setDone({ path: response.value.path, rows: response.value.rows });
    else if (response.error.code === 'FILE_EXISTS') setExists(true);
    else setError(response.error);
  }

  const toggle = (name: string) =>
    setColumns((set) => {
      const next = new Set(set);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });
  return (
    <Dialog titleId="export-title" testId="export-dialog" onClose={jobId ? null : onClose}>
      <h2 id="export-title">{t('export.title')}</h2>
      <div className="stack">
        <div className="row small">
          <strong>{t('export.columns')}</strong>
          <button type="button" className="link" onClick={() => setColumns(new Set(table.columns.map((c) => c.name)))}>
            {t('export.all')}
          </button>
          <button type="button" className="link" onClick={() => setColumns(new Set())}>
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
        <label className="field">
          {t('export.format')}
          <select
            aria-label={t('export.format')}
            value={format}
            data-testid="export-format"
            onChange={(e) => {
              const next = e.target.value as ExportFormat;
              setFormat(next);
              setFileName((name) => exportNameFor(name, next));
            }}
          >
            {exportFormats.map((f) => (
              <option key={f} value={f}>
                {t(`export.format.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="grid-2">
          <label className="field">
            {t('export.fileName')}
            <input
              aria-label={t('export.fileName')}
              className="mono"
              value={fileName}
              onChange={(e) => setFileName(e.target.value)}
              data-testid="export-file-name"
            />
          </label>
          {format === 'csv' && (
            <label className="field">
              {t('export.delimiter')}
              <DelimiterSelect label={t('export.delimiter')} value={delimiter} onChange={setDelimiter} />
            </label>
          )}
        </div>
        <label className="field" hidden={format !== 'csv'}>
          {t('export.nullMarker')}
          <input
            aria-label={t('export.nullMarker')}
            className="mono"
            value={nullText}
            maxLength={64}
            placeholder="NULL"
            onChange={(e) => setNullText(e.target.value.replace(/[\r\n]/g, ''))}
            data-testid="export-null-text"
          />
        </label>
        <label className="field">
          {t('export.outDir')}
          <input
            aria-label={t('export.outDir')}
            className="mono"
            value={outDir}
            onChange={(e) => setOutDir(e.target.value)}
            data-testid="export-out-dir"
          />
        </label>
        <label className="check" hidden={format !== 'csv'}>
          <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} /> {t('export.bom')}
        </label>
        <label className="check" hidden={format !== 'csv'}>
          <input type="checkbox" checked={formulaGuard} onChange={(e) => setFormulaGuard(e.target.checked)} /> {t('export.formulaGuard')}
        </label>
        <p className="muted small" data-testid="export-rows-note">
          {t('export.rowsNote')}
        </p>
        {jobId && (
          <ProgressBar
            done={progress?.done ?? 0}
            total={progress?.total ?? table.numRows}
            unit="rows"
            onCancel={() => void apiCancel(jobId)}
          />
        )}
        {error && <ErrorBox error={error} />}
        {exists && (
          <div className="row warn" role="alert">
            {t('export.exists')}
            <button type="button" className="primary" onClick={() => void start(true)}>
              {t('export.overwrite')}
            </button>
          </div>
        )}
        {done && (
          <div className="ok" role="status" data-testid="export-done" data-path={done.path}>
            {t('export.done', { rows: done.rows.toLocaleString(), path: done.path })}
          </div>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose} disabled={!!jobId}>
          {t('common.close')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={!!jobId || columns.size === 0 || !fileName.trim()}
          onClick={() => void start(false)}
          data-testid="export-start"
        >
          {t('export.start')}
        </button>
      </div>
    </Dialog>
  );
}
