/**
 * range.* handlers (issue 15): plan a range of the current connection, query it as one SQL
 * table (a job: progress per object, then rows; cancel interrupts DuckDB), clear the cache.
 * DuckDB is loaded on the first query, not with the app.
 */
import { ruleFromJsonText } from '../../../core/shipping';
import type { RangeDeps } from '../../range/rangeEngine';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { RangeCache, rangeCacheBudgetDefault, rangeCacheFolder } from '../../range/rangeCache';
import { rangeConvertSchedule } from '../../range/rangeConvertRun';
import { rangePlan } from '../../range/rangePlan';
import type { RangePlan } from '../../range/rangePlan';
import { rangeSpecCreate } from '../../range/rangeSpec';
import type { ApiServices } from '../../services/types';
import { cellClip } from '../cells';
import type { ApiParsed } from '../contract';
import type { HandlerGroup } from '../handlerTypes';
import { rangeRuleOfArg } from './rangeRuleOfArg';
import type { RangeEmitInfo, RangeQueryInfo } from '../rangeContract';
import { outputDirResolve } from './outputDir';
import { rangeResultGet, rangeResultKeep, rangeResultStart } from './rangeResults';

type RangeArg = ApiParsed<'range.plan'> | ApiParsed<'range.query'> | ApiParsed<'range.export'> | ApiParsed<'range.emit'>;

const depsOf = new WeakMap<ApiServices, RangeDeps>();

/** One RangeDeps per app (its cache is shared by every query), with the current settings. */
async function deps(services: ApiServices): Promise<RangeDeps> {
  const settings = await services.settings.get();
  let found = depsOf.get(services);
  if (!found) {
    found = {
      cache: new RangeCache(path.join(services.dataDir, rangeCacheFolder), settings.rangeCacheBytes ?? rangeCacheBudgetDefault),
      decode: (bytes, options) => services.decoder.decode(bytes, options),
      maxDecodeBytes: settings.maxDecodeBytes,
    };
    depsOf.set(services, found);
  }
  found.maxDecodeBytes = settings.maxDecodeBytes;
  found.cache.budgetSet(settings.rangeCacheBytes ?? rangeCacheBudgetDefault);
  return found;
}

async function planOf(services: ApiServices, arg: RangeArg, signal?: AbortSignal): Promise<RangePlan> {
  const rule = rangeRuleOfArg(arg);
  const storage = await services.connections.storage();
  return rangePlan(storage, rangeSpecCreate({ prefix: arg.prefix, rule, fromMs: arg.from, toMs: arg.to }), { signal });
}

async function query(
  services: ApiServices,
  arg: ApiParsed<'range.query'>,
  signal: AbortSignal,
  progress: (phase: string, done: number, total: number | null) => void,
): Promise<RangeQueryInfo> {
  const plan = await planOf(services, arg, signal);
  const { rangeQuery } = await import('../../range/rangeRun');
  const rows: RangeQueryInfo['rows'] = [];
  const rangeDeps = await deps(services);
  // Every row goes to the spool (range.rows scrolls through them); the first maxRows come back.
  const spool = await rangeResultStart(services);
  let result;
  try {
    // A LIMIT without ORDER BY answers from the first objects (rangeRun.ts); the rest waits for the range.
    result = await rangeQuery(
      await services.connections.storage(),
      plan,
      rangeDeps,
      arg.sql,
      async (chunk) => {
        // Lists and structs travel as their JSON text; long text is clipped for the view.
        const cells = chunk.map((row) =>
          row.map((cell) =>
            cell === null || typeof cell !== 'object' ? (typeof cell === 'string' ? cellClip(cell) : cell) : JSON.stringify(cell),
          ),
        );
        await spool.append(cells);
        rows.push(...cells.slice(0, Math.max(0, arg.maxRows - rows.length)));
        progress('query', spool.rowCount, null);
      },
      { onError: arg.onError, signal, onProgress: (p) => progress('fetch', p.done, p.total) },
    );
    await spool.commit();
  } catch (error) {
    await spool.discard();
    throw error;
  }
  await rangeResultKeep(services, spool);
  // Later queries over these objects read Parquet instead of parsing the JSON again.
  rangeConvertSchedule(rangeDeps.cache, result.fetched.files);
  const f = result.fetched;
  return {
    columns: result.columns.map((c) => ({ name: c.name, type: c.type })),
    rows,
    rowCount: result.rows,
    truncated: result.rows > rows.length,
    objects: plan.totals.objects,
    reads: f.reads,
    failed: f.failed,
    windowed: result.windowed,
    resultId: spool.id,
  };
}

async function exportTo(
  services: ApiServices,
  arg: ApiParsed<'range.export'>,
  signal: AbortSignal,
  progress: (phase: string, done: number, total: number | null) => void,
): Promise<{ path: string; bytes: number; rows: number }> {
  const dir = await outputDirResolve(services, arg.outDir);
  const target = services.platform.safeJoin(dir, arg.fileName);
  const { rangeExport, rangeExportPrepare } = await import('../../range/rangeExport');
  await rangeExportPrepare(target, arg.overwrite, dir);
  const plan = await planOf(services, arg, signal);
  const { rangeOpen } = await import('../../range/rangeEngine');
  const opened = await rangeOpen(await services.connections.storage(), plan, await deps(services), {
    onError: arg.onError,
    signal,
    allowedDirs: [path.dirname(target)],
    onProgress: (p) => progress('fetch', p.done, p.total),
  });
  try {
    progress('export', 0, null);
    const rows = await rangeExport(opened.session, arg.sql, target, arg.overwrite, signal);
    return { path: target, bytes: (await stat(target)).size, rows };
  } finally {
    opened.close();
  }
}

/**
 * The texts `shiplens query --emit` writes for this range: the bucket is the connection's (a
 * local folder stands for the rule's bucket, as the CLI's local location does), endpoint and
 * region given or the profile's. Reads at most the first planned object (JSON keys).
 */
async function emitTexts(services: ApiServices, arg: ApiParsed<'range.emit'>): Promise<RangeEmitInfo> {
  const plan = await planOf(services, arg);
  const [info, storage] = await Promise.all([services.connections.info(), services.connections.storage()]);
  const profile = info.profileName ? (await services.profiles.list()).find((p) => p.name === info.profileName) : undefined;
  const ruleBucket = arg.ruleText !== undefined ? ruleFromJsonText(arg.ruleText).rule.bucket : '';
  const [{ rangeEmit }, { rangeEmitColumns }] = await Promise.all([
    import('../../range/rangeEmit'),
    import('../../range/rangeEmitColumns'),
  ]);
  const target = {
    bucket: info.kind === 'oss' ? info.bucket : ruleBucket || '<bucket>',
    prefix: arg.prefix.replace(/\/+$/, ''),
    endpoint: arg.endpoint ?? profile?.endpoint,
    region: arg.region ?? profile?.region,
    columns: await rangeEmitColumns(storage, plan),
  };
  const sql = arg.sql ?? 'SELECT count(*) FROM logs';
  const texts = {
    maxcompute: rangeEmit('maxcompute', plan, target, sql),
    spark: rangeEmit('spark', plan, target, sql),
    trino: rangeEmit('trino', plan, target, sql),
    duckdb: rangeEmit('duckdb', plan, target, sql),
  };
  return { texts, totals: plan.totals };
}

/** Handlers for range.plan, range.query, range.export, range.cacheClear, range.rows and range.emit. */
export const rangeHandlers: HandlerGroup<'range.plan' | 'range.query' | 'range.export' | 'range.cacheClear' | 'range.rows' | 'range.emit'> =
  {
    'range.plan': async (services, arg) => {
      const plan = await planOf(services, arg);
      return {
        objects: plan.objects
          .slice(0, arg.maxObjects)
          .map((o) => ({ key: o.key, size: o.size, taskTimeMs: o.taskTimeMs, partitionPath: o.partitionPath })),
        totals: plan.totals,
        prefixes: plan.listing.prefixes,
        explanation: plan.listing.explanation,
        skipped: plan.skipped,
      };
    },
    'range.query': (services, arg) =>
      services.jobs.run(arg.jobId, (job) => query(services, arg, job.signal, (phase, done, total) => job.progress(phase, done, total))),
    'range.export': (services, arg) =>
      services.jobs.run(arg.jobId, (job) => exportTo(services, arg, job.signal, (phase, done, total) => job.progress(phase, done, total))),
    'range.cacheClear': async (services) => (await deps(services)).cache.clear(),
    'range.rows': async (services, arg) => {
      const spool = rangeResultGet(services, arg.resultId);
      return { rows: await spool.read(arg.rowStart, arg.rowEnd), rowCount: spool.rowCount };
    },
    'range.emit': (services, arg) => emitTexts(services, arg),
  };
