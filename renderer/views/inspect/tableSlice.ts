/**
 * The open object: its table (id + columns), how many rows its frame holds, schema, raw text, progress.
 */
import type { StateCreator } from 'zustand';
import type { CsvDialect, ShippingRule } from '../../../main/api/contract';
import { apiCall, apiCancel } from '../../api/client';
import { tableOpenedTake, tableOpeningStart } from './tableOpening';
import type { NavSlice } from '../../state/navSlice';
import { csvDialectDefault } from '../../../core/model';
import { tableEmpty, tablePageSize } from './tableState';
import { FrameError, tableFrameDrop, tableFrameGet } from './tableFrame';
import type { FileTableSlice, TableSlice } from './tableState';
import { gridViewReset } from './gridViewSlice';
import { csvDialectIsDefault, ruleCsvDialect } from './ruleCsvDialect';
import type { GridViewSlice } from './gridViewSlice';

/** The rules a shipped CSV's column names can come from: the rule editor's and the one imported in Tasks. */
interface RuleSources {
  rule?: ShippingRule;
  slsRule?: { rule: ShippingRule } | null;
}

type State = TableSlice & FileTableSlice & NavSlice & GridViewSlice & RuleSources;
type Get = () => State;
type Set = (partial: Partial<State>) => void;

/** Open a bucket object: inspect it, read a Parquet schema, then table.open (a CSV with its dialect). */
async function tableOpenRun(get: Get, set: Set, key: string, options?: { dialect?: CsvDialect }): Promise<void> {
  // Reopen (a new dialect) of a local file opened by table.openFile goes back to that file.
  const file = get().fileOpened;
  if (file && options?.dialect && file.label === key && get().openKey === key) return get().fileTableOpen(file, options.dialect);
  // A dialect chosen for one file (Reopen with "First line is a header") is not the next file's;
  // a file without one takes its rule's (imported, else the editor's, when it covers the key).
  const kept = key === get().openKey ? get().dialect : null;
  const ruled = () => ruleCsvDialect([get().slsRule?.rule, get().rule], key);
  const dialect = options?.dialect ?? (kept && !csvDialectIsDefault(kept) ? kept : (ruled() ?? csvDialectDefault));
  const jobId = tableOpeningStart(get, set, key, dialect, null);
  const inspection = await apiCall('object.inspect', { key });
  if (get().tableJobId !== jobId) return;
  if (inspection.ok) set({ inspection: inspection.value });
  if (inspection.ok && inspection.value.format === 'parquet') {
    const schema = await apiCall('parquet.schema', { key });
    if (get().tableJobId !== jobId) return;
    if (schema.ok) set({ schema: schema.value });
    else set({ tablePending: false, tableError: schema.error });
  }
  const csv = inspection.ok && inspection.value.format === 'csv';
  await tableOpenedTake(get, set, jobId, await apiCall('table.open', { key, jobId, ...(csv ? { dialect } : {}) }));
}

/** Fetch the next page of loaded rows into the frame. */
async function tableMoreRun(get: Get, set: Set): Promise<void> {
  const { table, rowsPending, rowsDone } = get();
  const frame = table && tableFrameGet(table.tableId);
  if (!table || !frame || rowsPending || rowsDone) return;
  set({ rowsPending: true });
  const loaded = frame.loaded();
  const error = await frame.fetch({ rowStart: loaded, rowEnd: loaded + tablePageSize }).then(
    () => null,
    (e: unknown) => (e instanceof FrameError ? e.info : { code: 'INTERNAL' as const, message: String(e) }),
  );
  if (get().table?.tableId !== table.tableId) return;
  if (error) set({ rowsPending: false, tableError: error });
  else set({ rowsLoaded: frame.loaded(), rowsPending: false, rowsDone: frame.done() });
}

/** Close the open table in main and forget its rows and view. */
function tableCloseRun(get: Get, set: Set): void {
  const table = get().table;
  if (table) {
    void apiCall('table.close', { tableId: table.tableId });
    tableFrameDrop(table.tableId);
  }
  set({ ...gridViewReset(table?.tableId), ...tableEmpty, openKey: null, tableJobId: null });
}

/** Show or hide the raw text (the first MiB, read once). */
async function rawToggleRun(get: Get, set: Set): Promise<void> {
  const { table, rawVisible, rawText } = get();
  if (!table) return;
  set({ rawVisible: !rawVisible });
  if (rawVisible || rawText !== null) return;
  const response = await apiCall('table.raw', { tableId: table.tableId, offset: 0, length: 1 << 20 });
  if (response.ok) set({ rawText: response.value.text });
  else set({ tableError: response.error });
}

/** The table slice. */
export const createTableSlice: StateCreator<State, [], [], TableSlice> = (set, get) => ({
  ...tableEmpty,
  openKey: null,
  rowsPending: false,
  tablePending: false,
  tableJobId: null,
  tableProgress: null,
  dialect: csvDialectDefault,
  fileOpened: null,
  tableOpen: (key, options) => tableOpenRun(get, set, key, options),
  tableMore: () => tableMoreRun(get, set),
  tableCancel: () => {
    const jobId = get().tableJobId;
    if (jobId) void apiCancel(jobId);
    set({ tablePending: false, tableJobId: null, tableError: { code: 'CANCELLED', message: 'Loading was cancelled.' } });
  },
  tableClose: () => tableCloseRun(get, set),
  tableProgressSet: (progress) => {
    if (progress.jobId === get().tableJobId) set({ tableProgress: progress });
  },
  dialectSet: (dialect) => set({ dialect }),
  rawToggle: () => rawToggleRun(get, set),
});
