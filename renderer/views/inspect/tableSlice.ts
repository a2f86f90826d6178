/**
 * The open object: its table (id + columns), loaded row pages, schema, raw text, progress.
 */
import type { StateCreator } from 'zustand';
import { apiCall, apiCancel } from '../../api/client';
import { tableOpenedTake, tableOpeningStart } from './tableOpening';
import type { NavSlice } from '../../state/navSlice';
import { dialectDefault } from './tableState';
import type { FileTableSlice, TableSlice } from './tableState';

/** Rows fetched per `table.rows` call; more pages load as the user scrolls. */
export const tablePageSize = 500;
/** Rows kept in the renderer at most; beyond it the view says so (export reads everything). */
export const tableRowCap = 50_000;

/** The table slice. */
export const createTableSlice: StateCreator<TableSlice & FileTableSlice & NavSlice, [], [], TableSlice> = (set, get) => ({
  openKey: null,
  inspection: null,
  table: null,
  schema: null,
  rows: [],
  rowsDone: false,
  rowsPending: false,
  tablePending: false,
  tableError: null,
  tableJobId: null,
  tableProgress: null,
  dialect: dialectDefault,
  rawVisible: false,
  rawText: null,
  fileOpened: null,
  tableOpen: async (key, options) => {
    // Reopen (a new dialect) of a local file opened by table.openFile goes back to that file.
    const file = get().fileOpened;
    if (file && options?.dialect && file.label === key && get().openKey === key) return get().fileTableOpen(file, options.dialect);
    // A dialect chosen for one file (Reopen with "First line is a header") is not the next file's.
    const dialect = options?.dialect ?? (key === get().openKey ? get().dialect : dialectDefault);
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
  },
  tableMore: async () => {
    const { table, rows, rowsPending, rowsDone } = get();
    if (!table || rowsPending || rowsDone || rows.length >= tableRowCap) return;
    set({ rowsPending: true });
    const response = await apiCall('table.rows', { tableId: table.tableId, offset: rows.length, limit: tablePageSize });
    if (get().table?.tableId !== table.tableId) return;
    if (!response.ok) {
      set({ rowsPending: false, tableError: response.error });
      return;
    }
    const page = response.value.rows;
    const all = rows.concat(page);
    // Pages of wide tables or long cells are shorter than asked (bounded by cells): only the
    // row count, or an empty page, says the end.
    const done = page.length === 0 || (table.numRows !== null ? all.length >= table.numRows : page.length < tablePageSize);
    set({ rows: all, rowsPending: false, rowsDone: done });
  },
  tableCancel: () => {
    const jobId = get().tableJobId;
    if (jobId) void apiCancel(jobId);
    set({ tablePending: false, tableJobId: null, tableError: { code: 'CANCELLED', message: 'Loading was cancelled.' } });
  },
  tableClose: () => {
    const table = get().table;
    if (table) void apiCall('table.close', { tableId: table.tableId });
    set({
      openKey: null,
      inspection: null,
      table: null,
      schema: null,
      rows: [],
      rowsDone: false,
      tableError: null,
      tableJobId: null,
      rawText: null,
      rawVisible: false,
    });
  },
  tableProgressSet: (progress) => {
    if (progress.jobId === get().tableJobId) set({ tableProgress: progress });
  },
  dialectSet: (dialect) => set({ dialect }),
  rawToggle: async () => {
    const { table, rawVisible, rawText } = get();
    if (!table) return;
    set({ rawVisible: !rawVisible });
    if (rawVisible || rawText !== null) return;
    const response = await apiCall('table.raw', { tableId: table.tableId, offset: 0, length: 1 << 20 });
    if (response.ok) set({ rawText: response.value.text });
    else set({ tableError: response.error });
  },
});
