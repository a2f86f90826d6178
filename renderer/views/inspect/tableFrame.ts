/**
 * The open table as a data frame (the shape hightable reads: `numRows`, `header`,
 * `fetch({ rowStart, rowEnd, signal })`), so the store keeps the table's id, counts and flags
 * and the rows live here, outside React state. The frame keeps the rows fetched so far as one
 * contiguous run from row 0 (pages may be shorter than asked, so rows are addressed by offset,
 * not page number), bounded by `cap`; rows past the cap are not fetched (export reads everything).
 */
import type { ApiResponse, JsonCell, TableInfo } from '../../../main/api/contract';
import type { ErrorInfo } from '../../../core/errors';

/** Reads rows `[offset, offset + limit)` of one table; a page may hold fewer (bounded by cells). */
export type RowsRead = (offset: number, limit: number) => Promise<ApiResponse<{ rows: JsonCell[][] }>>;

export interface FrameFetch {
  rowStart: number;
  rowEnd: number;
  signal?: AbortSignal;
}

export interface DataFrame {
  header: readonly string[];
  /** Rows in the table, null while unknown (a JSON file read to its end tells). */
  numRows: number | null;
  /** Rows `[rowStart, rowEnd)` (fewer at the end of the table or the cap). */
  fetch(range: FrameFetch): Promise<JsonCell[][]>;
}

export interface TableFrame extends DataFrame {
  /** Rows fetched so far: `[0, loaded)`. */
  loaded(): number;
  /** The fetched rows `[0, end)` without a request. */
  rowsLoaded(end?: number): JsonCell[][];
  /** True when no row is left to fetch (end of table or cap). */
  done(): boolean;
}

/** A failed read, in the domain's terms (the API's ErrorInfo). */
export class FrameError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
  }
}

/** A frame over `read`, fetching `pageSize` rows per call and keeping at most `cap`. */
export function tableFrameCreate(table: TableInfo, read: RowsRead, pageSize: number, cap: number): TableFrame {
  const rows: JsonCell[][] = [];
  let ended = false;
  const limit = () => (table.numRows === null ? cap : Math.min(cap, table.numRows));
  const done = () => ended || rows.length >= limit();

  async function readMore(signal?: AbortSignal): Promise<void> {
    const response = await read(rows.length, pageSize);
    signal?.throwIfAborted();
    if (!response.ok) throw new FrameError(response.error);
    const page = response.value.rows;
    // Only the row count, or an empty page, says the end: pages of wide tables are short.
    if (page.length === 0 || (table.numRows === null && page.length < pageSize)) ended = true;
    for (const row of page.slice(0, cap - rows.length)) rows.push(row);
  }

  return {
    header: table.columns.map((c) => c.name),
    numRows: table.numRows,
    fetch: async ({ rowStart, rowEnd, signal }) => {
      signal?.throwIfAborted();
      while (rows.length < rowEnd && !done()) await readMore(signal);
      return rows.slice(rowStart, Math.min(rowEnd, rows.length));
    },
    loaded: () => rows.length,
    rowsLoaded: (end = rows.length) => rows.slice(0, end),
    done,
  };
}

// Frames by table id: the store names the open table, this holds its rows.
const frames = new Map<string, TableFrame>();

/** The frame of an open table, made on first use. */
export function tableFrameOf(table: TableInfo, make: () => TableFrame): TableFrame {
  let frame = frames.get(table.tableId);
  if (!frame) {
    frame = make();
    frames.set(table.tableId, frame);
  }
  return frame;
}

/** The frame of `tableId` if one is open. */
export function tableFrameGet(tableId: string): TableFrame | undefined {
  return frames.get(tableId);
}

/** Forget a closed table's rows. */
export function tableFrameDrop(tableId: string): void {
  frames.delete(tableId);
}
