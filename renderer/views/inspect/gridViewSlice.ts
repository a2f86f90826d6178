/**
 * The grid's sort, filter and "go to row" over the whole object (issue 18): while either is set
 * (or a row past the loaded ones is asked for), the grid reads a view frame over table.query
 * instead of the loaded rows. A newer sort or filter aborts the query it supersedes (main
 * interrupts DuckDB); the first view copies the object into the engine once, a job of its own
 * with progress and cancel that a newer view waits for instead of restarting.
 */
import type { StateCreator } from 'zustand';
import type { ErrorInfo } from '../../../core/errors';
import { apiCall, apiCancel, apiJobId } from '../../api/client';
import type { Progress } from '../../state/progress';
import type { GridSort } from './grid/gridTypes';
import { FrameError } from './tableFrame';
import { tablePageSize, tableRowCap } from './tableState';
import type { TableSlice } from './tableState';
import { viewFrameGet, viewFrameOpen, viewFrameSet } from './tableViewFrame';
import type { ViewRead } from './tableViewFrame';

/** Why the view shows no rows, or not the row asked for (the toolbar says it in the UI language). */
export type GridProblem =
  | { kind: 'failed'; error: ErrorInfo }
  | { kind: 'cancelled' }
  | { kind: 'rowMissing'; row: number }
  | { kind: 'rowOutside'; row: number; total: number | null };

export interface GridViewState {
  gridSort: GridSort | null;
  /** The filter as typed (`status>=500`, `null`, or text); applied after a short pause. */
  gridFilter: string;
  /** The whole object in file order: go-to-row asked for a row past the loaded ones. */
  gridWhole: boolean;
  /** The view frame in use (`viewFrameGet`), null while the grid shows the loaded rows. */
  gridView: { numRows: number; totalRows: number; seq: number } | null;
  gridPending: boolean;
  /** The job copying the object into the engine (progress in rows, cancel). */
  gridJobId: string | null;
  gridProgress: Progress | null;
  gridProblem: GridProblem | null;
  /** A position to bring into sight and make active (go to row); `seq` tells repeats apart. */
  gridTarget: { at: number; seq: number } | null;
}

export interface GridViewSlice extends GridViewState {
  gridSortSet(sort: GridSort | null): void;
  gridFilterSet(text: string): void;
  /** Go to the row numbered `row` (1-based, the grid's row numbers) in the current view. */
  gridGoTo(row: number): Promise<void>;
  gridCancel(): void;
  gridProgressSet(progress: Progress): void;
  gridProblemSet(problem: GridProblem | null): void;
}

type State = GridViewSlice & TableSlice;

/** A sort by column name and a filter text, as the API takes them. */
export interface GridViewQuery {
  sort?: { column: string; desc: boolean };
  filter?: string;
}
type Get = () => State;
type Set = (partial: Partial<State>) => void;

/** How long typing pauses before the filter runs. */
export const gridFilterDelay = 200;

const gridInitial: GridViewState = {
  gridSort: null,
  gridFilter: '',
  gridWhole: false,
  gridView: null,
  gridPending: false,
  gridJobId: null,
  gridProgress: null,
  gridProblem: null,
  gridTarget: null,
};

let current: AbortController | null = null;
let filterTimer: ReturnType<typeof setTimeout> | undefined;
let seq = 0;
// The engine copy of each table, shared by every view of it (made again after a failure).
const engines = new Map<string, Promise<ErrorInfo | null>>();

/** The grid's state for a newly opened (or closed) table; stops what the previous one ran. */
export function gridViewReset(tableId?: string): GridViewState {
  current?.abort();
  current = null;
  clearTimeout(filterTimer);
  if (tableId) {
    viewFrameSet(tableId, null);
    engines.delete(tableId);
  }
  return gridInitial;
}

function errorOf(error: unknown): ErrorInfo {
  return error instanceof FrameError ? error.info : { code: 'INTERNAL', message: String(error) };
}

/** One table.query call; aborting `signal` cancels its job in main. */
function viewReader(tableId: string, view: GridViewQuery): ViewRead {
  return async (request, signal) => {
    const jobId = apiJobId('view');
    const cancel = () => void apiCancel(jobId);
    signal?.addEventListener('abort', cancel, { once: true });
    try {
      return await apiCall('table.query', { tableId, ...view, ...request, jobId });
    } finally {
      signal?.removeEventListener('abort', cancel);
    }
  };
}

/** The object copied into the engine (once per table): null when ready, else why not. */
function engineReady(get: Get, set: Set, tableId: string): Promise<ErrorInfo | null> {
  const found = engines.get(tableId);
  if (found) return found;
  const jobId = apiJobId('index');
  set({ gridJobId: jobId, gridProgress: null });
  const made = apiCall('table.query', { tableId, rowStart: 0, rowEnd: 0, jobId }).then((r) => {
    if (get().gridJobId === jobId) set({ gridJobId: null, gridProgress: null });
    if (r.ok) return null;
    if (engines.get(tableId) === made) engines.delete(tableId);
    return r.error;
  });
  engines.set(tableId, made);
  return made;
}

/** The grid's sort and filter as table.query and table.export take them (none: `{}`). */
export function gridViewQuery(state: Pick<State, 'table' | 'gridSort' | 'gridFilter'>): GridViewQuery {
  const { table, gridSort, gridFilter } = state;
  const column = gridSort ? table?.columns[gridSort.col]?.name : undefined;
  const filter = gridFilter.trim();
  return { ...(gridSort && column ? { sort: { column, desc: gridSort.desc } } : {}), ...(filter ? { filter } : {}) };
}

const viewOf = (get: Get): GridViewQuery => gridViewQuery(get());

/** The position `located` of file row `row` as the grid's target, or why there is none. */
function targetOf(row: number, located: number | null, whole: boolean, total: number): Partial<State> {
  if (located !== null) return { gridTarget: { at: located, seq: ++seq }, gridProblem: null };
  return { gridProblem: whole ? { kind: 'rowOutside', row: row + 1, total } : { kind: 'rowMissing', row: row + 1 } };
}

/** Open the view the slice names (or go back to the loaded rows); `locate` is a file row to go to. */
async function viewApply(get: Get, set: Set, locate?: number): Promise<void> {
  current?.abort();
  const mine = (current = new AbortController());
  const table = get().table;
  if (!table) return;
  const view = viewOf(get);
  if (!view.sort && !view.filter && !get().gridWhole) {
    viewFrameSet(table.tableId, null);
    set({ gridView: null, gridPending: false, gridProblem: null });
    return;
  }
  set({ gridPending: true, gridProblem: null });
  const failed = await engineReady(get, set, table.tableId);
  if (mine.signal.aborted) return;
  if (failed) {
    set({ gridPending: false, gridProblem: failed.code === 'CANCELLED' ? { kind: 'cancelled' } : { kind: 'failed', error: failed } });
    return;
  }
  const header = table.columns.map((c) => c.name);
  const read = viewReader(table.tableId, view);
  try {
    const opened = await viewFrameOpen(header, read, { pageSize: tablePageSize, cap: tableRowCap, locate, signal: mine.signal });
    const { frame } = opened;
    viewFrameSet(table.tableId, frame);
    const target = locate === undefined ? {} : targetOf(locate, opened.located ?? null, !view.filter, frame.totalRows);
    set({ gridView: { numRows: frame.numRows, totalRows: frame.totalRows, seq: ++seq }, gridPending: false, ...target });
  } catch (error) {
    if (!mine.signal.aborted) set({ gridPending: false, gridProblem: { kind: 'failed', error: errorOf(error) } });
  }
}

/** Go to file row `row` (0-based): in the loaded rows, in the view, or in a new whole-object view. */
async function goTo(get: Get, set: Set, row: number): Promise<void> {
  const { table, gridView, gridPending, rowsLoaded } = get();
  if (!table) return;
  const total = gridView?.totalRows ?? table.numRows;
  if (row < 0 || (total !== null && row >= total)) {
    set({ gridProblem: { kind: 'rowOutside', row: row + 1, total } });
    return;
  }
  const frame = viewFrameGet(table.tableId);
  if (!gridView && !gridPending && row < rowsLoaded) {
    set({ gridTarget: { at: row, seq: ++seq }, gridProblem: null });
  } else if (gridView && frame && !gridPending) {
    try {
      const located = await frame.locate(row);
      if (get().gridView === gridView) set(targetOf(row, located, !viewOf(get).filter, frame.totalRows));
    } catch (error) {
      set({ gridProblem: { kind: 'failed', error: errorOf(error) } });
    }
  } else {
    if (!gridView && !viewOf(get).filter && !viewOf(get).sort) set({ gridWhole: true });
    await viewApply(get, set, row);
  }
}

/** The grid-view slice. */
export const createGridViewSlice: StateCreator<State, [], [], GridViewSlice> = (set, get) => ({
  ...gridInitial,
  gridSortSet: (sort) => {
    set({ gridSort: sort });
    void viewApply(get, set);
  },
  gridFilterSet: (text) => {
    set({ gridFilter: text });
    clearTimeout(filterTimer);
    filterTimer = setTimeout(() => void viewApply(get, set), gridFilterDelay);
  },
  gridGoTo: (row) => goTo(get, set, row - 1),
  gridCancel: () => {
    const jobId = get().gridJobId;
    if (jobId) void apiCancel(jobId);
    current?.abort();
    current = null;
    set({ gridPending: false, gridJobId: null, gridProgress: null, gridProblem: { kind: 'cancelled' } });
  },
  gridProgressSet: (progress) => {
    if (progress.jobId === get().gridJobId) set({ gridProgress: progress });
  },
  gridProblemSet: (problem) => set({ gridProblem: problem }),
});
