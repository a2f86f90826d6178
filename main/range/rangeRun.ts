/**
 * One query over a range, shared by the CLI and the API: rows are handed on as DuckDB
 * produces them.
 *
 * - A row-by-row query with a LIMIT (rangeEarly.ts) starts as soon as the first object is
 *   decoded: it runs over each object in plan order while the others are still fetched, and
 *   stops the fetch once it has its n rows (the first n rows of the first objects).
 * - Every other query waits for the whole range (rangeOpen) and runs once over all of it.
 */
import path from 'node:path';
import type { Storage } from '../storage/storage';
import { rangeEarlyLimit, rangeMayBeEarly } from './rangeEarly';
import { rangeOpen } from './rangeEngine';
import type { RangeDeps, RangeOpenOptions } from './rangeEngine';
import { rangeFetch } from './rangeFetch';
import type { RangeFetchResult, RangeFile } from './rangeFetch';
import type { RangePlan } from './rangePlan';
import { RangeSession } from './rangeQuery';
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
    const early = await earlyRun(storage, plan, deps, sql, onRows, options);
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

/** Settled objects by plan index, awaited in plan order. */
class ReadyQueue {
  private readonly settled = new Map<number, RangeFile | null>();
  private wake: (() => void) | null = null;
  failure: unknown = null;
  done = false;

  put(index: number, file: RangeFile | null): void {
    this.settled.set(index, file);
    this.wake?.();
  }

  end(failure: unknown): void {
    this.done = true;
    this.failure = failure;
    this.wake?.();
  }

  /** The object at `index` (null: skipped or never fetched), or the fetch's failure. */
  async at(index: number): Promise<RangeFile | null> {
    for (;;) {
      if (this.settled.has(index)) return this.settled.get(index) ?? null;
      if (this.failure !== null) throw this.failure;
      if (this.done) return null;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}

/**
 * The early path: null (nothing read beyond the cache's own bookkeeping) when the SQL turns
 * out not to be row-by-row — the caller then runs it over the whole range.
 */
async function earlyRun(
  storage: Storage,
  plan: RangePlan,
  deps: RangeDeps,
  sql: string,
  onRows: RangeRowsHandler,
  options: RangeOpenOptions,
): Promise<RangeRunResult | null> {
  // DuckDB opens and judges the SQL before the fetch starts: once the first object is decoded,
  // only its view and the query remain.
  const session = await RangeSession.create(plan.spec, { tempDir: path.join(deps.cache.dir, 'spill'), allowedDirs: options.allowedDirs }, [
    path.normalize(deps.cache.dir),
  ]);
  let limit: number | null;
  try {
    limit = rangeEarlyLimit(await session.parse(sql), await session.scalarFunctions());
  } catch (error) {
    session.close();
    throw error;
  }
  if (limit === null) {
    session.close();
    return null;
  }
  const stop = new AbortController();
  const queue = new ReadyQueue();
  const fetching = rangeFetch(storage, plan, {
    cache: deps.cache,
    decode: deps.decode,
    maxDecodeBytes: deps.maxDecodeBytes,
    ...options,
    until: stop.signal,
    onReady: (index, file) => queue.put(index, file),
  });
  fetching.then(
    () => queue.end(null),
    (error: unknown) => queue.end(error ?? new Error('fetch failed')),
  );
  try {
    let index = 0;
    let first: RangeFile | null = null;
    while (first === null && index < plan.objects.length) first = await queue.at(index++);
    if (first === null) return null; // every object failed and was skipped: the whole path reports it
    await session.attach([first]);
    return await earlyRows(session, first, index, limit, queue, plan, sql, onRows, options.signal, async () => {
      stop.abort();
      return fetching;
    });
  } finally {
    session.close();
    if (!stop.signal.aborted) stop.abort();
    await fetching.catch(() => undefined);
    deps.cache.release();
  }
}

/** Run the SQL over each object in plan order until it has `limit` rows. */
async function earlyRows(
  session: RangeSession,
  first: RangeFile,
  next: number,
  limit: number,
  queue: ReadyQueue,
  plan: RangePlan,
  sql: string,
  onRows: RangeRowsHandler,
  signal: AbortSignal | undefined,
  finish: () => Promise<RangeFetchResult>,
): Promise<RangeRunResult> {
  let rows = 0;
  let columns: RangeColumn[] | null = null;
  let file: RangeFile | null = first;
  let index = next;
  for (;;) {
    if (file !== null) {
      if (file !== first) await session.attach([file], true);
      const result = await session.query(
        sql,
        async (chunk, cols) => {
          const take = chunk.slice(0, limit - rows);
          if (take.length === 0) return;
          rows += take.length;
          await onRows(take, cols);
        },
        signal,
      );
      columns ??= result.columns;
    }
    if (rows >= limit || index >= plan.objects.length) break;
    file = await queue.at(index++);
  }
  const fetched = await finish();
  const early = fetched.files.length + fetched.failed.length < plan.objects.length;
  return { columns: columns ?? [], rows, fetched, windowed: session.windowed, early };
}
