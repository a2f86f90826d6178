/**
 * One query over a range, shared by the CLI and the API: rows are handed on as DuckDB
 * produces them.
 *
 * - A row-by-row query with a small LIMIT (rangeEarly.ts) starts as soon as the first object
 *   is decoded and stops the fetch once it has its n rows (rangeEarlyRun.ts).
 * - Every other query waits for the whole range (rangeOpen) and runs once over all of it.
 */
import type { Storage } from '../storage/storage';
import { rangeMayBeEarly } from './rangeEarly';
import { rangeEarlyRun } from './rangeEarlyRun';
import { rangeOpen } from './rangeEngine';
import type { RangeDeps, RangeOpenOptions } from './rangeEngine';
import type { RangePlan } from './rangePlan';
import type { RangeRowsHandler, RangeRunResult } from './rangeResult';

export type { RangeRowsHandler, RangeRunResult } from './rangeResult';

/** Run `sql` over the range, streaming rows to `onRows`. */
export async function rangeQuery(
  storage: Storage,
  plan: RangePlan,
  deps: RangeDeps,
  sql: string,
  onRows: RangeRowsHandler,
  options: RangeOpenOptions = {},
): Promise<RangeRunResult> {
  if (rangeMayBeEarly(sql) && plan.objects.length > 1) {
    const early = await rangeEarlyRun(storage, plan, deps, sql, onRows, options);
    if (early) return early;
  }
  const opened = await rangeOpen(storage, plan, deps, options);
  try {
    const result = await opened.session.query(sql, onRows, options.signal);
    return { ...result, fetched: opened.fetched, windowed: opened.session.windowed, early: false };
  } finally {
    opened.close();
  }
}
