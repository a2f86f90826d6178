/**
 * range.* handlers (issue 15): plan a range of the current connection, query it as one SQL
 * table (a job: progress per object, then rows; cancel interrupts DuckDB), clear the cache.
 * DuckDB is loaded on the first query, not with the app.
 */
import { ruleFromJsonText } from '../../../core/shipping/ruleInput';
import type { RangeDeps } from '../../range/rangeEngine';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { RangeCache, rangeCacheBudgetDefault, rangeCacheFolder } from '../../range/rangeCache';
import { rangePlan } from '../../range/rangePlan';
import type { RangePlan } from '../../range/rangePlan';
import { rangeRuleFromOptions, rangeRuleFromShippingRule, rangeSpecCreate } from '../../range/rangeSpec';
import type { ApiServices } from '../../services/types';
import { cellClip } from '../cells';
import type { ApiParsed } from '../contract';
import type { HandlerGroup } from '../handlerTypes';
import type { RangeQueryInfo } from '../rangeContract';
import { outputDirResolve } from './outputDir';

type RangeArg = ApiParsed<'range.plan'> | ApiParsed<'range.query'> | ApiParsed<'range.export'>;

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
  const rule = arg.ruleText !== undefined
    ? rangeRuleFromShippingRule(ruleFromJsonText(arg.ruleText).rule, 'ruleText')
    : rangeRuleFromOptions({ partitionFormat: arg.rule?.partitionFormat ?? '', storage: arg.rule?.format, compression: arg.rule?.compression, timeZone: arg.rule?.timeZone, bufferIntervalSec: arg.rule?.bufferIntervalSec });
  const storage = await services.connections.storage();
  return rangePlan(storage, rangeSpecCreate({ prefix: arg.prefix, rule, fromMs: arg.from, toMs: arg.to }), { signal });
}

async function query(services: ApiServices, arg: ApiParsed<'range.query'>, signal: AbortSignal, progress: (phase: string, done: number, total: number | null) => void): Promise<RangeQueryInfo> {
  const plan = await planOf(services, arg, signal);
  const { rangeOpen } = await import('../../range/rangeEngine');
  const opened = await rangeOpen(await services.connections.storage(), plan, await deps(services), { onError: arg.onError, signal, onProgress: (p) => progress('fetch', p.done, p.total) });
  const rows: RangeQueryInfo['rows'] = [];
  try {
    const result = await opened.session.query(
      arg.sql,
      async (chunk) => {
        for (const row of chunk) {
          if (rows.length >= arg.maxRows) break;
          // Lists and structs travel as their JSON text; long text is clipped for the view.
          rows.push(row.map((cell) => (cell === null || typeof cell !== 'object' ? (typeof cell === 'string' ? cellClip(cell) : cell) : JSON.stringify(cell))));
        }
        progress('query', rows.length, null);
      },
      signal,
    );
    const f = opened.fetched;
    return { columns: result.columns.map((c) => ({ name: c.name, type: c.type })), rows, rowCount: result.rows, truncated: result.rows > rows.length, objects: plan.totals.objects, reads: f.reads, failed: f.failed, windowed: opened.session.windowed };
  } finally {
    opened.close();
  }
}

async function exportTo(services: ApiServices, arg: ApiParsed<'range.export'>, signal: AbortSignal, progress: (phase: string, done: number, total: number | null) => void): Promise<{ path: string; bytes: number; rows: number }> {
  const dir = await outputDirResolve(services, arg.outDir);
  const target = services.platform.safeJoin(dir, arg.fileName);
  const { rangeExport, rangeExportPrepare } = await import('../../range/rangeExport');
  await rangeExportPrepare(target, arg.overwrite, dir);
  const plan = await planOf(services, arg, signal);
  const { rangeOpen } = await import('../../range/rangeEngine');
  const opened = await rangeOpen(await services.connections.storage(), plan, await deps(services), { onError: arg.onError, signal, allowedDirs: [path.dirname(target)], onProgress: (p) => progress('fetch', p.done, p.total) });
  try {
    progress('export', 0, null);
    const rows = await rangeExport(opened.session, arg.sql, target, arg.overwrite, signal);
    return { path: target, bytes: (await stat(target)).size, rows };
  } finally {
    opened.close();
  }
}

/** Handlers for range.plan, range.query, range.export and range.cacheClear. */
export const rangeHandlers: HandlerGroup<'range.plan' | 'range.query' | 'range.export' | 'range.cacheClear'> = {
  'range.plan': async (services, arg) => {
    const plan = await planOf(services, arg);
    return {
      objects: plan.objects.slice(0, arg.maxObjects).map((o) => ({ key: o.key, size: o.size, taskTimeMs: o.taskTimeMs, partitionPath: o.partitionPath })),
      totals: plan.totals,
      prefixes: plan.listing.prefixes,
      explanation: plan.listing.explanation,
      skipped: plan.skipped,
    };
  },
  'range.query': (services, arg) => services.jobs.run(arg.jobId, (job) => query(services, arg, job.signal, (phase, done, total) => job.progress(phase, done, total))),
  'range.export': (services, arg) => services.jobs.run(arg.jobId, (job) => exportTo(services, arg, job.signal, (phase, done, total) => job.progress(phase, done, total))),
  'range.cacheClear': async (services) => (await deps(services)).cache.clear(),
};
