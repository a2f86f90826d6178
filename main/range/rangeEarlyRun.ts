/**
 * The early path of a range query (rangeEarly.ts decides which SQL may take it): a row-by-row
 * query with `LIMIT n` runs over each object in plan order as it is decoded and stops the
 * fetch once it has its n rows — the first n rows of the first objects.
 *
 * The view's columns are the union of the objects read so far, so a field missing from the
 * first object still selects and filters as it does over the whole range:
 * - n ≤ 10,000: an object that brings a field (or a type) the earlier ones lacked re-creates
 *   `logs` over all of them and runs the query again; rows are handed on once the answer is
 *   complete, so a re-run never leaves rows of the narrower view behind.
 * - larger n, SQL without `*`: rows stream as each object answers; a new field widens the view
 *   (the columns already seen keep their types, as the whole range's sampled types do), which
 *   changes neither the result's columns nor the rows already out. With `*` such a query runs
 *   over the whole range instead.
 * A failure before any row is out (a column no object read so far has, say) falls back to the
 * whole range, which reports it properly.
 */
import path from 'node:path';
import type { Storage } from '../storage/storage';
import type { RangeColumnType } from './rangeView';
import { rangeEarlyHasStar, rangeEarlyLimit } from './rangeEarly';
import type { RangeDeps, RangeOpenOptions } from './rangeEngine';
import { rangeFetch } from './rangeFetch';
import type { RangeFetchResult, RangeFile } from './rangeFetch';
import type { RangePlan } from './rangePlan';
import { RangeSession } from './rangeQuery';
import type { RangeRowsHandler, RangeRunResult } from './rangeResult';
import type { RangeCell, RangeColumn } from './rangeValues';

/** Beyond this LIMIT the answer is streamed over the whole range instead of held until complete. */
export const rangeEarlyMaxRows = 10_000;

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

/** How `sql` may answer early, judged by DuckDB's parse tree, or null (the whole range answers). */
async function earlyMode(session: RangeSession, sql: string): Promise<{ limit: number; stream: boolean } | null> {
  const tree = await session.parse(sql);
  const limit = rangeEarlyLimit(tree, await session.scalarFunctions());
  if (limit === null) return null;
  if (limit <= rangeEarlyMaxRows) return { limit, stream: false };
  return rangeEarlyHasStar(tree) ? null : { limit, stream: true };
}

/**
 * Run `sql` early; null (nothing handed on) when it is not row-by-row, or when it fails over
 * the objects read so far — the caller then runs it over the whole range.
 */
export async function rangeEarlyRun(
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
  const stop = new AbortController();
  let fetching: Promise<RangeFetchResult> | null = null;
  try {
    const mode = await earlyMode(session, sql);
    if (mode === null) return null;
    const queue = new ReadyQueue();
    fetching = rangeFetch(storage, plan, {
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
    const answer = await (mode.stream ? earlyStream : earlyRows)(
      session,
      queue,
      plan.objects.length,
      mode.limit,
      sql,
      onRows,
      options.signal,
    );
    if (answer === null) return null;
    stop.abort();
    const fetched = await fetching;
    if (!mode.stream && answer.rows.length > 0) await onRows(answer.rows, answer.columns);
    const early = fetched.files.length + fetched.failed.length < plan.objects.length;
    return { columns: answer.columns, rows: answer.count, fetched, windowed: session.windowed, early };
  } finally {
    session.close();
    if (!stop.signal.aborted) stop.abort();
    await fetching?.catch(() => undefined);
    deps.cache.release();
  }
}

/** True when every column of `own` is in `union` with the same type. */
const covers = (union: readonly RangeColumnType[], own: readonly RangeColumnType[]): boolean =>
  own.every((c) => union.some((u) => u.name === c.name && u.type === c.type));

/** The same columns in the same order. */
const same = (a: readonly RangeColumnType[], b: readonly RangeColumnType[]): boolean =>
  a.length === b.length && a.every((c, i) => c.name === b[i]?.name && c.type === b[i]?.type);

/** An early answer: its columns, the rows held (buffered mode) and how many there were. */
interface EarlyAnswer {
  columns: RangeColumn[];
  rows: RangeCell[][];
  count: number;
}

/**
 * The first `limit` rows over the objects in plan order, held until complete, the view
 * widened (and the query run again) as objects bring new columns; null when the query still
 * fails (a SQL error) after the last object, or no object was ready. A failure before then may
 * be a field no object read so far has (`WHERE ua = 'x'` over an object without `ua`): the next
 * object that widens the view runs it again over every object read, in plan order.
 */
async function earlyRows(
  session: RangeSession,
  queue: ReadyQueue,
  objects: number,
  limit: number,
  sql: string,
  _onRows: RangeRowsHandler,
  signal: AbortSignal | undefined,
): Promise<EarlyAnswer | null> {
  const read: RangeFile[] = [];
  let union: RangeColumnType[] | null = null;
  let rows: RangeCell[][] = [];
  let columns: RangeColumn[] | null = null;
  const json = session.spec.rule.format === 'json';
  let failed = false;
  const collect = async (into: RangeCell[][]): Promise<void> => {
    if (failed) return;
    try {
      const take = async (chunk: RangeCell[][]): Promise<void> => void into.push(...chunk.slice(0, limit - into.length));
      columns = (await session.query(sql, take, signal)).columns;
    } catch (error) {
      if (signal?.aborted) throw error;
      failed = true;
    }
  };
  try {
    for (let index = 0; index < objects && rows.length < limit; index++) {
      const file = await queue.at(index);
      if (file === null) continue;
      read.push(file);
      const own = await session.filesColumns([file]);
      // JSON is read with the union's columns; CSV and Parquet views take their reader's.
      if (union !== null && (json ? covers(union, own) : same(union, own))) {
        await session.attach([file], union);
        await collect(rows);
        continue;
      }
      union = union === null ? own : await session.filesColumns(read);
      rows = [];
      failed = false;
      if (json) {
        // Object by object, so the rows keep plan order (a view over several may interleave them).
        for (const f of read) {
          if (rows.length >= limit) break;
          await session.attach([f], union);
          await collect(rows);
        }
      } else {
        await session.attach(read, union);
        await collect(rows);
      }
    }
  } catch (error) {
    if (signal?.aborted) throw error;
    return null;
  }
  return columns === null || failed ? null : { rows, columns, count: rows.length };
}

/** The union of `union` and `own`: new columns appended, the ones already there keep their types. */
const widen = (union: readonly RangeColumnType[], own: readonly RangeColumnType[]): RangeColumnType[] => [
  ...union,
  ...own.filter((c) => !union.some((u) => u.name === c.name)),
];

/**
 * The first `limit` rows streamed to `onRows` as each object answers (SQL without `*`); null
 * when it fails before any row is out. After that a failure is the query's.
 */
async function earlyStream(
  session: RangeSession,
  queue: ReadyQueue,
  objects: number,
  limit: number,
  sql: string,
  onRows: RangeRowsHandler,
  signal: AbortSignal | undefined,
): Promise<EarlyAnswer | null> {
  let union: RangeColumnType[] | null = null;
  let columns: RangeColumn[] | null = null;
  let count = 0;
  try {
    for (let index = 0; index < objects && count < limit; index++) {
      const file = await queue.at(index);
      if (file === null) continue;
      const own = await session.filesColumns([file]);
      union = union === null ? own : widen(union, own);
      await session.attach([file], union);
      const result = await session.query(
        sql,
        async (chunk, cols) => {
          const take = chunk.slice(0, limit - count);
          if (take.length === 0) return;
          count += take.length;
          await onRows(take, cols);
        },
        signal,
      );
      columns ??= result.columns;
    }
  } catch (error) {
    if (signal?.aborted || count > 0) throw error;
    return null;
  }
  return columns === null ? null : { rows: [], columns, count };
}
