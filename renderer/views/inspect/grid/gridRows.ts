/**
 * The rows the grid shows, by position: the loaded rows in file order, or the whole-object
 * view (sorted, filtered) whose rows arrive page by page, so a position may not be fetched yet.
 */
import type { JsonCell } from '../../../../main/api/contract';
import type { GridEntry } from './gridTypes';

export interface GridRows {
  /** Rows in the view (the query's count for a whole-object view). */
  count: number;
  /** The row at position `at`, undefined while it is not fetched. */
  at(at: number): GridEntry | undefined;
  /** The fetched rows among positions `[start, end)`, in order. */
  list(start: number, end: number): GridEntry[];
}

/** The loaded rows in file order. */
export function gridRowsLoaded(rows: readonly JsonCell[][]): GridRows {
  const entries = rows.map((row, index) => ({ row, index }));
  return { count: entries.length, at: (at) => entries[at], list: (start, end) => entries.slice(start, end) };
}
