/**
 * Inspect: the open object's schema (Parquet), rows, raw text (JSON/CSV), progress and errors.
 */
import { useCallback, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DataTable } from './grid/DataTable';
import { tableFrameGet } from './tableFrame';
import { DialectControls } from '../../components/DialectControls';
import { ErrorBox } from '../../components/ErrorBox';
import { JobProgress } from '../../components/JobProgress';
import { phaseText } from '../../components/ProgressBar';
import { SchemaPanel } from '../../components/SchemaPanel';
import { useT } from '../../i18n';
import type { Translate } from '../../i18n';
import { tableRowCap } from './tableState';
import { useStore } from '../../state/store';
import { ExportDialog } from './ExportDialog';
import type { ObjectInspection, TableInfo } from '../../../main/api/contract';

/**
 * The compression as a user means it: a Parquet file is not compressed as a whole, its column
 * chunks are (SNAPPY, ZSTD …), so those codecs are named instead of "none".
 */
export function compressionText(
  inspection: { format: string; compression: string; snappyVariant?: string | null },
  codecs: readonly string[] | undefined,
  t: Translate,
): string {
  const compressed = (codecs ?? []).filter((c) => c !== 'UNCOMPRESSED');
  if (inspection.format === 'parquet' && codecs)
    return compressed.length > 0 ? t('inspect.columnCodecs', { codecs: compressed.join(', ') }) : t('inspect.columnsUncompressed');
  return inspection.compression + (inspection.snappyVariant ? ` (${inspection.snappyVariant})` : '');
}

/** The open object as InspectView reads it from the store. */
interface Opened {
  key: string;
  inspection: ObjectInspection | null;
  table: TableInfo | null;
}

/** The key, what was detected and loaded, Raw/Table and Export. */
function InspectHeader({ opened, onExport }: { opened: Opened; onExport: () => void }) {
  const t = useT();
  const v = useStore(
    useShallow((st) => ({ rows: st.rowsLoaded, rawVisible: st.rawVisible, rawToggle: st.rawToggle, codecs: st.schema?.codecs })),
  );
  const s = { ...opened, ...v };
  return (
    <div className="row inspect-head">
      <div style={{ minWidth: 0, flex: '1 1 240px' }}>
        <div className="mono" style={{ wordBreak: 'break-all', fontWeight: 600 }} data-testid="inspect-key">
          {s.key}
        </div>
        {s.inspection && (
          <div className="muted small">
            {t('inspect.detected', {
              format: s.inspection.format,
              compression: compressionText(s.inspection, s.codecs, t),
              by: s.inspection.detectedBy,
            })}
            {s.table &&
              ` · ${t('inspect.loadedRows', { loaded: s.rows.toLocaleString(), total: s.table.numRows === null ? '?' : s.table.numRows.toLocaleString() })}`}
          </div>
        )}
      </div>
      {s.table?.hasRaw && (
        <button type="button" aria-pressed={s.rawVisible} onClick={() => void s.rawToggle()} data-testid="raw-toggle">
          {s.rawVisible ? t('inspect.table') : t('inspect.raw')}
        </button>
      )}
      {s.table && (
        <button type="button" className="primary" onClick={onExport} data-testid="export-open">
          {t('inspect.export')}
        </button>
      )}
    </div>
  );
}

/** What reading the table warned about (the first 50). */
function InspectWarnings({ warnings }: { warnings: TableInfo['warnings'] }) {
  const t = useT();
  if (warnings.length === 0) return null;
  return (
    <details className="small warn">
      <summary>{t(warnings.length === 1 ? 'inspect.warningOne' : 'inspect.warnings', { n: warnings.length })}</summary>
      <ul>
        {warnings.slice(0, 50).map((w, i) => (
          <li key={i}>
            {w.line !== undefined ? t('inspect.warningLine', { n: w.line }) : ''}
            {w.message}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The schema panel (collapsible) beside the rows or the raw text. */
function InspectBody() {
  const t = useT();
  const s = useStore(
    useShallow((st) => ({
      table: st.table,
      schema: st.schema,
      rowsLoaded: st.rowsLoaded,
      more: st.tableMore,
      rawVisible: st.rawVisible,
      rawText: st.rawText,
    })),
  );
  const [schemaOpen, setSchemaOpen] = useState(true);
  const more = s.more;
  const onNeedMore = useCallback(() => void more(), [more]);
  const frame = s.table ? tableFrameGet(s.table.tableId) : undefined;
  const whole = useStore((st) => st.gridView !== null);
  return (
    <>
      {s.schema && (
        <button
          type="button"
          className="link small side-toggle"
          aria-expanded={schemaOpen}
          onClick={() => setSchemaOpen(!schemaOpen)}
          data-testid="schema-toggle"
        >
          {schemaOpen ? t('inspect.schemaHide') : t('inspect.schemaShow')}
        </button>
      )}
      <div className={s.schema && schemaOpen ? 'inspect-body' : 'inspect-body wide'}>
        {s.schema && schemaOpen && <SchemaPanel schema={s.schema} />}
        {s.rawVisible ? (
          <pre className="raw-text" data-testid="raw-text">
            {s.rawText ?? t('common.loading')}
          </pre>
        ) : (
          s.table && (
            <div className="stack" style={{ minHeight: 0 }}>
              {frame && <DataTable key={s.table.tableId} table={s.table} frame={frame} loaded={s.rowsLoaded} onNeedMore={onNeedMore} />}
              {!whole && s.rowsLoaded >= tableRowCap && (
                <div className="muted small">{t('inspect.rowCap', { n: tableRowCap.toLocaleString() })}</div>
              )}
            </div>
          )
        )}
      </div>
    </>
  );
}

/** The Inspect view. */
export function InspectView() {
  const t = useT();
  const s = useStore(
    useShallow((st) => ({
      key: st.openKey,
      inspection: st.inspection,
      table: st.table,
      pending: st.tablePending,
      error: st.tableError,
      progress: st.tableProgress,
      cancel: st.tableCancel,
      dialect: st.dialect,
      tableOpen: st.tableOpen,
    })),
  );
  const [exporting, setExporting] = useState(false);
  if (!s.key) return <div className="panel muted">{t('inspect.none')}</div>;
  const csv = s.inspection?.format === 'csv' || s.table?.format === 'csv';
  return (
    <div className="inspect">
      <InspectHeader opened={{ key: s.key, inspection: s.inspection, table: s.table }} onExport={() => setExporting(true)} />
      {s.pending && (
        <JobProgress progress={s.progress} label={phaseText(t, s.progress?.phase) ?? t('common.loading')} onCancel={s.cancel} />
      )}
      {s.error && <ErrorBox error={s.error} />}
      {csv && s.key && (
        <DialectControls key={s.key} dialect={s.dialect} onApply={(dialect) => s.key && void s.tableOpen(s.key, { dialect })} />
      )}
      {s.table && <InspectWarnings warnings={s.table.warnings} />}
      <InspectBody />
      {exporting && s.table && <ExportDialog table={s.table} onClose={() => setExporting(false)} />}
    </div>
  );
}
