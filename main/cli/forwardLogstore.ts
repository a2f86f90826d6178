/**
 * `shiplens forward --from-logstore <project>/<logstore> --consumer-group <name>`: the live
 * source. Resolves the Log Service connection like `shiplens tasks`, then runs
 * logstoreForwardRun until SIGINT / SIGTERM (the pull in flight is finished and checkpointed)
 * or, with --until-caught-up, until every shard is caught up.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { ShiplensError } from '../../core/errors';
import { logstoreConsumerName, logstoreCursorCheck, logstoreDeadLetterDefaultPath, logstoreForwardRun } from '../forward/logstoreRun';
import type { SinkSettings } from '../forward/forwardSinks';
import { slsAddressParse } from '../sls/slsTarget';
import { dataDirResolve } from '../services/dataDir';
import { CliUsageError } from './cliErrors';
import type { CliContext } from './cliOptions';
import { cliTimeMs } from './cliTime';
import type { ForwardFlags } from './forwardFlags';
import { cliSlsConnection } from './slsActions';

function cursorOf(text: string | undefined, ctx: CliContext): string {
  if (text === undefined || text === 'begin' || text === 'end') return text ?? 'begin';
  return logstoreCursorCheck(String(Math.floor(cliTimeMs(text, 'UTC', ctx.io.now()) / 1000)));
}

/** --dead-letter, or one file per project/logstore/group in the data folder. */
function deadLetterPathOf(flags: ForwardFlags, project: string, logstore: string, ctx: CliContext): string {
  if (flags.deadLetter) return path.resolve(ctx.io.cwd, flags.deadLetter);
  return logstoreDeadLetterDefaultPath(dataDirResolve(ctx.io.env, ctx.io.homeDir), project, logstore, flags.consumerGroup ?? '');
}

/** Run the live source into the sink `sinkOf` builds (the same sink settings as a replay). */
export async function forwardLogstoreAction(
  flags: ForwardFlags & { untilCaughtUp?: boolean },
  command: Command,
  ctx: CliContext,
  sinkOf: (source: string) => Promise<SinkSettings>,
): Promise<void> {
  const address = flags.fromLogstore ?? '';
  const parsed = slsAddressParse(address);
  if (!parsed.logstore || parsed.shipper) throw new CliUsageError(`--from-logstore "${address}" must be <project>/<logstore>`);
  if (!flags.consumerGroup) throw new CliUsageError('--from-logstore needs --consumer-group <name>');
  if (flags.dryRun || flags.checkpoint)
    throw new CliUsageError('--dry-run and --checkpoint are for replays; a consumer group keeps its checkpoint in Log Service');
  ctx.source = address;
  const cursor = cursorOf(flags.cursor, ctx);
  // Resolved like `shiplens tasks` (flags, then ambient credentials).
  const conn = await cliSlsConnection(parsed.project, command, ctx);
  const deadLetterPath = deadLetterPathOf(flags, parsed.project, parsed.logstore, ctx);
  const result = await logstoreForwardRun({
    conn,
    logstore: parsed.logstore,
    group: flags.consumerGroup,
    consumer: logstoreConsumerName(),
    cursor,
    sink: await sinkOf(address),
    deadLetterPath,
    batchEvents: flags.batchEvents,
    batchBytes: flags.batchBytes,
    pullCount: 100,
    rate: { eventsPerSec: flags.rate, bytesPerSec: flags.rateMb ? flags.rateMb * 1024 * 1024 : undefined },
    untilCaughtUp: flags.untilCaughtUp === true,
    stdout: { write: (chunk) => ctx.io.stdout.write(chunk) },
    stop: ctx.signal,
    onWarning: (text) => void ctx.io.stderr.write(`shiplens: warning: ${text}\n`).catch(() => undefined),
  });
  const c = result.counters;
  if (c.deadLettered > 0) await ctx.io.stderr.write(`forward: refused events are in ${deadLetterPath}\n`);
  await ctx.io.stderr.write(
    `forward: consumer group ${flags.consumerGroup} ${result.created ? 'created' : 'joined'} on ${address}, shards ${result.shards.join(',') || 'none'}; read ${c.read}, sent ${c.sent}, acknowledged ${c.acknowledged}, retried ${c.retried}, dead-lettered ${c.deadLettered}\n`,
  );
  if (ctx.signal.aborted)
    throw new ShiplensError('CANCELLED', 'Stopped; every event acknowledged so far is checkpointed in the consumer group.', {
      hint: 'Run the same command again to go on',
    });
}
