/** What a range query hands on and reports (rangeRun.ts, rangeEarlyRun.ts). */
import type { RangeFetchResult } from './rangeFetch';
import type { RangeQueryResult } from './rangeQuery';
import type { RangeCell, RangeColumn } from './rangeValues';

/** Rows of a query as they come (a chunk, with the result's columns). */
export type RangeRowsHandler = (rows: RangeCell[][], columns: RangeColumn[]) => Promise<void>;

/** What a finished query reports: its columns and rows, what was fetched, whether it was windowed. */
export interface RangeRunResult extends RangeQueryResult {
  fetched: RangeFetchResult;
  windowed: boolean;
  /** True when the query answered from the first objects and the rest of the range was not read. */
  early: boolean;
}
