/**
 * The action of `shiplens query` (loaded on demand by queryCommand.ts): resolve the range,
 * plan it, then print the plan (--dry-run), the hand-off (--emit) or the SQL result (stdout
 * text, --json lines, or -o file through a part file + commit, never overwriting).
 */
import path from 'node:path';
import type { Command } from 'commander';
import { ShiplensError } from '../../core/errors';
import { maxDecodeBytesDefault } from '../../core/model';
import { rangeConvertLocked, rangeConvertMode, rangePackAsk, rangeConvertSpawn } from '../range/rangeConvertRun';
import { rangeDepsCreate, rangeOpen } from '../range/rangeEngine';
import type { RangeDeps } from '../range/rangeEngine';
import { rangeExport, rangeExportPrepare } from '../range/rangeExport';
import type { RangeOpened } from '../range/rangeEngine';
import type { RangeFetchProgress, RangeFetchResult, RangeFile } from '../range/rangeFetch';
import { rangeQuery } from '../range/rangeRun';
import type { RangeRowsHandler, RangeRunResult } from '../range/rangeRun';
import { rangePlan } from '../range/rangePlan';
import type { RangePlan } from '../range/rangePlan';
import { rangeCellText, rangeRowJson } from '../range/rangeValues';
import { dataDirResolve, workerPathDefault } from '../services/dataDir';
import { CliUsageError } from './cliErrors';
import type { CliContext } from './cliOptions';
import { cliGlobals } from './cliOptions';
import { queryRangeResolve } from './queryRange';
import type { QueryFlags } from './queryFlags';
import { queryEmit } from './queryEmit';

/** Beyond these a plan is announced as big before anything is read (issue 15 point 4). */
const bigObjects = 2000;
const bigBytes = 20 * 1024 ** 3;

function flagsCheck(flags: QueryFlags): void {
  if ((flags.rule === undefined) === (flags.partitionFormat === undefined))
    throw new CliUsageError('give exactly one of --rule <file> and --partition-format <fmt>');
  if (flags.rule !== undefined && (flags.storage !== undefined || flags.compression !== undefined))
    throw new CliUsageError('--storage and --compression go with --partition-format (a rule says them)');
  if (flags.json && flags.output !== undefined) throw new CliUsageError('--json and -o exclude each other');
  if (!flags.dryRun && flags.emit === undefined && flags.sql === undefined)
    throw new CliUsageError('--sql is required (or --dry-run, --emit)');
}

async function dryRun(plan: RangePlan, flags: QueryFlags, ctx: CliContext): Promise<void> {
  const lines = plan.objects.map((o) => (flags.json ? `${JSON.stringify({ key: o.key, size: o.size })}\n` : `${o.key}\t${o.size}\n`));
  if (lines.length > 0) await ctx.io.stdout.write(lines.join(''));
  const t = plan.totals;
  await ctx.io.stdout.write(
    flags.json ? `${JSON.stringify({ totals: t })}\n` : `total: ${t.objects} objects, ${t.bytes} bytes, ${t.partitions} partitions\n`,
  );
}

function progressWriter(ctx: CliContext): { line(text: string): void; end(): Promise<void> } {
  let last = 0;
  let drawn = false;
  return {
    line(text) {
      if (!ctx.io.stderrIsTTY || ctx.io.now() - last < 200) return;
      last = ctx.io.now();
      drawn = true;
      void ctx.io.stderr.write(`\r\x1b[K${text}`).catch(() => undefined);
    },
    async end() {
      if (drawn) await ctx.io.stderr.write('\r\x1b[K').catch(() => undefined);
    },
  };
}

async function toFile(opened: RangeOpened, sql: string, output: string, ctx: CliContext): Promise<void> {
  const rows = await rangeExport(opened.session, sql, path.resolve(ctx.io.cwd, output), false, ctx.signal);
  await ctx.io.stderr.write(`${output}: ${rows} rows\n`);
}

/** Rows to stdout as they come (a LIMIT without ORDER BY answers from the first objects). */
async function toStdout(
  run: (onRows: RangeRowsHandler) => Promise<RangeRunResult>,
  flags: QueryFlags,
  ctx: CliContext,
  progress: ReturnType<typeof progressWriter>,
): Promise<RangeRunResult> {
  let header = !flags.json;
  let total = 0;
  const result = await run(async (rows, columns) => {
    const lines: string[] = [];
    if (header) lines.push(`${columns.map((c) => c.name).join('\t')}\n`);
    header = false;
    for (const row of rows) lines.push(flags.json ? rangeRowJson(columns, row) : `${row.map(rangeCellText).join('\t')}\n`);
    await ctx.io.stdout.write(lines.join(''));
    total += rows.length;
    progress.line(`rows: ${total}`);
  });
  if (header && !flags.json) await ctx.io.stdout.write(`${result.columns.map((c) => c.name).join('\t')}\n`);
  return result;
}

async function report(plan: RangePlan, f: RangeFetchResult, windowed: boolean, ctx: CliContext): Promise<void> {
  for (const failed of f.failed) await ctx.io.stderr.write(`shiplens: ${failed.key}: skipped: ${failed.error.message}\n`);
  if (!windowed)
    await ctx.io.stderr.write('shiplens: warning: the rows have no __time__ field; the time window selected objects by task time only\n');
  if (ctx.io.stderrIsTTY) {
    const unread = plan.totals.objects - f.files.length - f.failed.length;
    const cached = f.files.length - f.reads;
    await ctx.io.stderr.write(
      `${plan.totals.objects} objects (${f.reads} read, ${cached} cached, ${f.failed.length} skipped${unread > 0 ? `, ${unread} not needed` : ''}), ${f.bytesRead} bytes read\n`,
    );
  }
}

/** A plan beyond the scale-out budget is announced before anything is read. */
async function bigRangeSay(plan: RangePlan, location: string, ctx: CliContext): Promise<void> {
  if (plan.totals.objects <= bigObjects && plan.totals.bytes <= bigBytes) return;
  await ctx.io.stderr.write(
    `shiplens: ${location}: a big range (${plan.totals.objects} objects, ${plan.totals.bytes} bytes): reading it here; --emit maxcompute|spark|trino|duckdb hands it to a distributed engine\n`,
  );
}

/** After the answer: the cache's new JSON entries get their columnar forms, the range's objects a pack (rangeConvertRun.ts). */
async function convertAfter(deps: RangeDeps, files: readonly RangeFile[], ctx: CliContext): Promise<void> {
  const mode = rangeConvertMode(ctx.io.env);
  if (mode === 'off') return;
  const packing = await rangePackAsk(deps.cache, files);
  if (!packing && (await deps.cache.unconverted()).length === 0) return;
  if (mode === 'wait') await rangeConvertLocked(deps.cache, ctx.signal);
  else rangeConvertSpawn(deps.cache.dir, (await deps.cache.usage()).budgetBytes);
}

/** Run `shiplens query`. */
export async function queryAction(location: string, flags: QueryFlags, command: Command, ctx: CliContext): Promise<void> {
  flagsCheck(flags);
  ctx.source = location;
  const connection = cliGlobals(command);
  const { storage, spec } = await queryRangeResolve(location, flags, connection, ctx);
  const plan = await rangePlan(storage, spec, { signal: ctx.signal });
  if (flags.emit) return queryEmit(flags.emit, location, storage, plan, flags, connection, ctx);
  if (flags.maxObjects !== undefined && plan.totals.objects > flags.maxObjects) {
    throw new ShiplensError(
      'TOO_LARGE',
      `The range holds ${plan.totals.objects} objects (${plan.totals.bytes} bytes), more than --max-objects ${flags.maxObjects}.`,
      {
        source: location,
        hint: 'Narrow --from/--to, raise --max-objects, or hand it to a distributed engine with --emit maxcompute|spark|trino|duckdb.',
      },
    );
  }
  if (flags.dryRun) return dryRun(plan, flags, ctx);
  if (flags.output !== undefined) await rangeExportPrepare(path.resolve(ctx.io.cwd, flags.output), false);
  if (plan.objects.length === 0) {
    await ctx.io.stderr.write(`shiplens: ${location}: no objects in the range (listed ${plan.listing.prefixes.join(', ')})\n`);
    return;
  }
  await bigRangeSay(plan, location, ctx);
  const progress = progressWriter(ctx);
  const deps = rangeDepsCreate({
    dataDir: dataDirResolve(ctx.io.env, ctx.io.homeDir),
    workerPath: workerPathDefault(),
    maxDecodeBytes: maxDecodeBytesDefault,
  });
  const options = {
    onError: flags.onError,
    signal: ctx.signal,
    onProgress: (p: RangeFetchProgress) =>
      progress.line(`objects ${p.done}/${p.total}, ${p.bytesRead} bytes read, ${p.bytesReady} bytes decoded`),
    allowedDirs: flags.output === undefined ? [] : [path.dirname(path.resolve(ctx.io.cwd, flags.output))],
  };
  const sql = flags.sql as string;
  try {
    if (flags.output === undefined) {
      const result = await toStdout((onRows) => rangeQuery(storage, plan, deps, sql, onRows, options), flags, ctx, progress);
      await report(plan, result.fetched, result.windowed, ctx);
      await convertAfter(deps, result.fetched.files, ctx);
      return;
    }
    const opened = await rangeOpen(storage, plan, deps, options);
    try {
      await report(plan, opened.fetched, opened.session.windowed, ctx);
      await toFile(opened, sql, flags.output, ctx);
    } finally {
      opened.close();
    }
    await convertAfter(deps, opened.fetched.files, ctx);
  } finally {
    await progress.end();
  }
}
