/**
 * What `shiplens forward` does with its flags: resolve the range, the sink and the secrets,
 * run the replay, show progress and the counters on stderr. Loaded on demand by forwardCommand.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { ShiplensError } from '../../core/errors';
import { forwardCheckpointDefaultPath } from '../forward/forwardCheckpoint';
import { forwardReplayRun, forwardSinkCheck } from '../forward/forwardRun';
import type { ForwardReplayResult } from '../forward/forwardRun';
import type { SinkSettings } from '../forward/forwardSinks';
import type { ForwardCounters } from '../forward/forwardTypes';
import { sinkSettingsBuild } from '../forward/sinkSettings';
import { sinkTargetParse } from '../forward/sinkTarget';
import type { SinkTarget } from '../forward/sinkTarget';
import { rangeRuleFromOptions, rangeRuleFromShippingRule, rangeSpecCreate } from '../range/rangeSpec';
import type { RangeRule } from '../range/rangeSpec';
import { dataDirResolve } from '../services/dataDir';
import { fsReadErrorToShiplens } from '../fileByteSource';
import { CliUsageError } from './cliErrors';
import type { CliContext } from './cliOptions';
import { cliGlobals } from './cliOptions';
import { ruleRead } from './cliRule';
import { cliLocationParse, cliStorageOpen } from './cliSources';
import { cliTimeMs, cliZoneCheck } from './cliTime';
import type { ForwardFlags } from './forwardFlags';
import { forwardHecToken } from './forwardToken';

async function ruleOf(flags: ForwardFlags, ctx: CliContext): Promise<RangeRule> {
  if (flags.rule && flags.partitionFormat) throw new CliUsageError('--rule and --partition-format exclude each other');
  if (flags.rule) {
    const rule = await ruleRead(path.resolve(ctx.io.cwd, flags.rule), flags.rule);
    return rangeRuleFromShippingRule(flags.timeZone ? { ...rule, timeZone: cliZoneCheck(flags.timeZone) } : rule, flags.rule);
  }
  if (!flags.partitionFormat) throw new CliUsageError('a replay needs --rule <file> or --partition-format <fmt>');
  return rangeRuleFromOptions({ partitionFormat: flags.partitionFormat, storage: flags.storage, timeZone: flags.timeZone });
}

async function caOf(flags: ForwardFlags, ctx: CliContext): Promise<string | undefined> {
  if (!flags.ca) return undefined;
  const file = path.resolve(ctx.io.cwd, flags.ca);
  return readFile(file, 'utf8').catch((error: unknown) => {
    throw fsReadErrorToShiplens(error, flags.ca as string);
  });
}

async function sinkSettings(flags: ForwardFlags, target: SinkTarget, source: string, ctx: CliContext): Promise<SinkSettings> {
  if (flags.format === 'hec' && target.kind === 'syslog')
    throw new CliUsageError('--format hec is for file: and - sinks; syslog takes rfc5424 or rfc3164');
  const options = {
    ...flags,
    gzip: flags.gzip === true,
    ack: flags.hecAck === true,
    token: await forwardHecToken(flags, target, ctx),
    ca: await caOf(flags, ctx),
    insecure: flags.insecure === true,
    timeoutSec: flags.timeout,
    udpMaxBytes: flags.udpMaxBytes,
  };
  return sinkSettingsBuild(options, target, source, ctx.io.now());
}

/** The counters line printed last (and as progress on a terminal). */
export function forwardCountersText(c: ForwardCounters): string {
  return `read ${c.read}, outside the window ${c.skipped}, sent ${c.sent}, acknowledged ${c.acknowledged}, retried ${c.retried}, dead-lettered ${c.deadLettered}`;
}

async function report(result: ForwardReplayResult, paths: { checkpoint: string; deadLetter: string }, ctx: CliContext): Promise<void> {
  const { counters } = result;
  if (result.alreadyDone) {
    // Objects shipped late (after the first replay) are only picked up by replaying again.
    await ctx.io.stderr.write(
      `forward: this range was already delivered (delete ${paths.checkpoint} to send it again): acknowledged ${counters.acknowledged}, dead-lettered ${counters.deadLettered}\n`,
    );
    return;
  }
  if (counters.deadLettered > 0) await ctx.io.stderr.write(`forward: refused events are in ${paths.deadLetter}\n`);
  await ctx.io.stderr.write(`forward: ${result.objects} objects; ${forwardCountersText(counters)}\n`);
  if (!result.complete) {
    throw new ShiplensError(
      'CANCELLED',
      'Stopped before the end of the range; every event sent so far is acknowledged and the checkpoint is saved.',
      { hint: 'Run the same command again to resume' },
    );
  }
}

/** The checkpoint (default: under the data folder, keyed by range and sink) and dead-letter file (beside it). */
function replayPaths(
  flags: ForwardFlags,
  rangeId: string,
  target: SinkTarget,
  ctx: CliContext,
): { checkpointPath: string; deadLetterPath: string } {
  const checkpointPath = flags.checkpoint
    ? path.resolve(ctx.io.cwd, flags.checkpoint)
    : forwardCheckpointDefaultPath(dataDirResolve(ctx.io.env, ctx.io.homeDir), rangeId, target.display);
  const deadLetterPath = flags.deadLetter
    ? path.resolve(ctx.io.cwd, flags.deadLetter)
    : `${checkpointPath.replace(/(\.checkpoint)?\.json$/, '')}.dead-letter.jsonl`;
  return { checkpointPath, deadLetterPath };
}

/** The counters redrawn on one stderr line, at most once a second, on a terminal only. */
function progressLine(ctx: CliContext): { update: (counters: ForwardCounters) => void; done: () => Promise<void> } {
  let lastDrawn = 0;
  return {
    update(counters) {
      if (!ctx.io.stderrIsTTY || ctx.io.now() - lastDrawn < 1000) return;
      lastDrawn = ctx.io.now();
      void ctx.io.stderr.write(`\r\x1b[Kforward: ${forwardCountersText(counters)}`).catch(() => undefined);
    },
    async done() {
      if (lastDrawn > 0) await ctx.io.stderr.write('\r\x1b[K');
    },
  };
}

/** Run `shiplens forward`. */
export async function forwardAction(
  locationText: string | undefined,
  flags: ForwardFlags,
  command: Command,
  ctx: CliContext,
): Promise<void> {
  const target = sinkTargetParse(flags.to, ctx.io.cwd);
  if ((flags.fromLogstore || flags.consumerGroup) && !flags.check) {
    if (locationText) throw new CliUsageError('give either <location> (a replay) or --from-logstore (live), not both');
    const { forwardLogstoreAction } = await import('./forwardLogstore');
    return forwardLogstoreAction(flags, command, ctx, (source) => sinkSettings(flags, target, source, ctx));
  }
  if (flags.check) {
    const settings = await sinkSettings(flags, target, locationText ?? 'shiplens', ctx);
    await ctx.io.stdout.write(`${await forwardSinkCheck(settings, { write: (c) => ctx.io.stdout.write(c) }, ctx.signal)}\n`);
    return;
  }
  if (!locationText || !flags.from || !flags.toTime) throw new CliUsageError('a replay needs <location>, --from and --to-time');
  if (flags.limit !== undefined && !flags.dryRun)
    throw new CliUsageError('--limit previews a dry run: add --dry-run (a real replay always sends the whole range)');
  const rule = await ruleOf(flags, ctx);
  const zone = flags.timeZone ?? rule.timeZone;
  const now = ctx.io.now();
  const location = cliLocationParse(locationText, ctx.io.cwd);
  ctx.source = location.display;
  const { storage, prefix } = await cliStorageOpen(location, cliGlobals(command), ctx.io);
  const spec = rangeSpecCreate({ prefix, rule, fromMs: cliTimeMs(flags.from, zone, now), toMs: cliTimeMs(flags.toTime, zone, now) });
  const rangeId = `${location.kind === 'oss' ? location.display : location.path}|${rule.partitionFormat}|${rule.format}|${spec.fromMs}|${spec.toMs}`;
  const { checkpointPath, deadLetterPath } = replayPaths(flags, rangeId, target, ctx);
  const progress = progressLine(ctx);
  const result = await forwardReplayRun({
    storage,
    spec,
    rangeId,
    sink: await sinkSettings(flags, target, location.display, ctx),
    checkpointPath,
    deadLetterPath,
    dryRun: flags.dryRun === true,
    limit: flags.limit,
    batchEvents: flags.batchEvents,
    batchBytes: flags.batchBytes,
    rate: { eventsPerSec: flags.rate, bytesPerSec: flags.rateMb ? flags.rateMb * 1024 * 1024 : undefined },
    stdout: { write: (chunk) => ctx.io.stdout.write(chunk) },
    stop: ctx.signal,
    onProgress: progress.update,
    onWarning: (text) => void ctx.io.stderr.write(`shiplens: warning: ${text}\n`).catch(() => undefined),
  });
  await progress.done();
  await report(result, { checkpoint: checkpointPath, deadLetter: deadLetterPath }, ctx);
}
