/**
 * The grid's whole-object view as a data frame: the open table's rows under a sort and a
 * filter, fetched by position from table.query (DuckDB over every row of the object), so a
 * sorted million-row object scrolls as the loaded rows do. `numRows` is the query's count.
 * Rows are kept by position (a page may be shorter than asked: long text is bounded), at most
 * `cap` of them; the oldest fetched go first.
 */
import { lruCacheCreate } from '../../../core/bytes';
import type { ApiResponse, ApiResult, JsonCell } from '../../../main/api/contract';
import type { GridEntry } from './grid/gridTypes';
import type { GridRows } from './grid/gridRows';
import { FrameError } from './tableFrame';
import type { DataFrame } from './tableFrame';

/** One page of the view: rows `[rowStart, rowEnd)`, and where file row `locate` sits in it. */
export interface ViewRequest {
  rowStart: number;
  rowEnd: number;
  locate?: number;
}

export type ViewPage = ApiResult<'table.query'>;

/** One table.query call of the view; aborting `signal` cancels it. */
export type ViewRead = (request: ViewRequest, signal?: AbortSignal) => Promise<ApiResponse<ViewPage>>;

export interface ViewFrame extends DataFrame {
  numRows: number;
  /** Rows of the object (without the filter). */
  totalRows: number;
  /** The view as the grid reads it (positions, fetched rows). */
  rows(): GridRows;
  /** The position of file row `row` (0-based) in this view; null when the filter leaves it out. */
  locate(row: number, signal?: AbortSignal): Promise<number | null>;
  /**
   * Column `col` of the view's first `max` rows, in its order, read 10,000 rows a call (copy
   * column: every row of the view, not only the fetched ones; the grid's rows are not touched).
   */
  column(col: number, max: number, signal?: AbortSignal): Promise<JsonCell[]>;
}

// table.query answers at most 10,000 rows a call.
const spanMax = 10_000;

async function readPage(read: ViewRead, request: ViewRequest, signal?: AbortSignal): Promise<ViewPage> {
  signal?.throwIfAborted();
  const response = await read(request, signal);
  signal?.throwIfAborted();
  if (!response.ok) throw new FrameError(response.error);
  return response.value;
}

/** A frame over `read` holding `first` (the page of rows from position 0). */
export function viewFrameCreate(header: readonly string[], first: ViewPage, read: ViewRead, pageSize: number, cap: number): ViewFrame {
  // Rows by position in the one LRU: fetching sets a row (the newest), reading only peeks, so
  // the rows fetched longest ago go first.
  const kept = lruCacheCreate<number, GridEntry>({ maxCost: cap });
  const numRows = first.numRows;
  function keep(at: number, page: ViewPage): void {
    page.rows.forEach((row, i) => kept.set(at + i, { row, index: page.rowIndexes[i] ?? at + i }));
  }
  function list(start: number, end: number): GridEntry[] {
    const out: GridEntry[] = [];
    for (let at = start; at < Math.min(end, numRows); at++) {
      const entry = kept.peek(at);
      if (entry) out.push(entry);
    }
    return out;
  }
  keep(0, first);
  return {
    header,
    numRows,
    totalRows: first.totalRows,
    fetch: async ({ rowStart, rowEnd, signal }) => {
      const end = Math.min(rowEnd, numRows);
      for (let at = rowStart; at < end;) {
        if (kept.has(at)) {
          at++;
          continue;
        }
        const want = Math.min(numRows, Math.max(end, at + pageSize), at + spanMax);
        const page = await readPage(read, { rowStart: at, rowEnd: want }, signal);
        if (page.rows.length === 0) break;
        keep(at, page);
        at += page.rows.length;
      }
      return list(rowStart, end).map((e) => e.row);
    },
    rows: () => ({ count: numRows, at: (at) => kept.peek(at), list }),
    locate: async (row, signal) => (await readPage(read, { rowStart: 0, rowEnd: 0, locate: row }, signal)).located ?? null,
    column: async (col, max, signal) => {
      const end = Math.min(numRows, max);
      const values: JsonCell[] = [];
      while (values.length < end) {
        const page = await readPage(read, { rowStart: values.length, rowEnd: Math.min(end, values.length + spanMax) }, signal);
        if (page.rows.length === 0) break;
        for (const row of page.rows) values.push(row[col] ?? null);
      }
      return values;
    },
  };
}

/** Open the view: its first page (and where `locate` sits), then the frame. */
export async function viewFrameOpen(
  header: readonly string[],
  read: ViewRead,
  options: { pageSize: number; cap: number; locate?: number; signal?: AbortSignal },
): Promise<{ frame: ViewFrame; located?: number | null }> {
  const { pageSize, cap, locate, signal } = options;
  const first = await readPage(read, { rowStart: 0, rowEnd: pageSize, ...(locate !== undefined ? { locate } : {}) }, signal);
  return { frame: viewFrameCreate(header, first, read, pageSize, cap), located: first.located };
}

// The view of each open table (one at a time): the store names it, this holds its rows.
const views = new Map<string, ViewFrame>();

/** The whole-object view of `tableId`, if one is in use. */
export function viewFrameGet(tableId: string): ViewFrame | undefined {
  return views.get(tableId);
}

/** Use `frame` as the view of `tableId` (or none). */
export function viewFrameSet(tableId: string, frame: ViewFrame | null): void {
  if (frame) views.set(tableId, frame);
  else views.delete(tableId);
}
