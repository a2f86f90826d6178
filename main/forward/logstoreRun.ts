/**
 * Live forwarding from a Logstore by consumer group (the document's §5 consumer, without its
 * data loss): create or join the group, heartbeat to be allocated shards, start each shard at
 * the group's checkpoint (else at --cursor), pull log groups, hand them to the delivery engine,
 * and save the checkpoint to the server only once the sink acknowledged every event of the pull
 * (refused ones are in the dead-letter file by then). A stop finishes the pull in flight.
 */
import { hostname } from 'node:os';
import path from 'node:path';
import { ShiplensError } from '../../core/errors';
import type { SlsConnection, SlsRequestPolicy } from '../sls/signedRequest';
import { DeadLetterFile } from './deadLetterFile';
import { deliveryRun } from './deliveryEngine';
import { sleep } from './forwardPacing';
import type { RateLimit, RetryPolicy } from './forwardPacing';
import { forwardSinkCreate } from './forwardSinks';
import type { SinkSettings } from './forwardSinks';
import { forwardCountersNew } from './forwardTypes';
import type { ForwardCounters, ForwardItem, ForwardSink } from './forwardTypes';
import { consumerGroupCheckpoint, consumerGroupCheckpointSave, consumerGroupJoin, shardCursor } from './logstoreApi';
import { ConsumerHeartbeat } from './logstoreHeartbeat';
import type { ConsumerGroupRef } from './logstoreApi';
import { shardPull } from './logstorePull';
import type { ByteWriter } from './fileSink';

/** A live run. */
export interface LogstoreForward {
  conn: SlsConnection;
  logstore: string;
  group: string;
  consumer: string;
  /** Where a shard without a checkpoint starts: `begin`, `end` or Unix seconds. */
  cursor: string;
  sink: SinkSettings;
  deadLetterPath: string;
  batchEvents: number;
  batchBytes: number;
  /** Log groups per PullLogs call (1–1000). */
  pullCount: number;
  rate: RateLimit;
  retry?: RetryPolicy;
  policy?: SlsRequestPolicy;
  /** Heartbeat at least this often (the group's timeout is 3x this), default 20 s. */
  heartbeatMs?: number;
  /** Wait this long when every shard is caught up, default 1 s. */
  idleMs?: number;
  /** Tests and one-shot runs: return once every allocated shard is caught up. */
  untilCaughtUp?: boolean;
  stdout: ByteWriter;
  stop: AbortSignal;
  onProgress?: (counters: ForwardCounters) => void;
  onWarning?: (text: string) => void;
  /** Injected in tests. */
  sinkFactory?: (settings: SinkSettings, stdout: ByteWriter) => ForwardSink;
}

/** How a live run ended. */
export interface LogstoreForwardResult {
  counters: ForwardCounters;
  created: boolean;
  shards: number[];
}

function add(total: ForwardCounters, part: ForwardCounters): void {
  for (const key of Object.keys(total) as (keyof ForwardCounters)[]) total[key] += part[key];
}

/** Pull and deliver one batch of `shard`; returns the cursor to go on from, or null when stopped before the batch was acknowledged. */
async function shardRound(
  run: LogstoreForward,
  ref: ConsumerGroupRef,
  sink: ForwardSink,
  deadLetter: DeadLetterFile,
  shard: number,
  cursor: string,
  total: ForwardCounters,
): Promise<{ next: string; logs: number } | null> {
  const pulled = await shardPull(ref, shard, cursor, run.pullCount);
  if (pulled.records.length > 0) {
    const key = `${run.conn.project}/${run.logstore}#${shard}@${cursor}`;
    const items: ForwardItem[] = pulled.records.map((record, i) => ({ record, position: { key, line: i + 1 } }));
    const result = await deliveryRun(oneChunk(items), sink, {
      batchEvents: run.batchEvents,
      batchBytes: run.batchBytes,
      rate: run.rate,
      retry: run.retry,
      deadLetter,
      stop: run.stop,
      checkpoint: async () => undefined,
      onProgress: (c) => run.onProgress?.({ ...total, ...sumOf(total, c) }),
      onRetry: (e, attempt, delay) => run.onWarning?.(`retry ${attempt} in ${(delay / 1000).toFixed(1)} s: ${e.message}`),
    });
    add(total, result.counters);
    // Part of the pull unacknowledged: leave the server checkpoint where it was (resent on restart).
    if (!result.complete) return null;
  }
  if (pulled.nextCursor !== cursor) await consumerGroupCheckpointSave(ref, shard, pulled.nextCursor);
  return { next: pulled.nextCursor, logs: pulled.records.length };
}

async function* oneChunk(items: ForwardItem[]): AsyncGenerator<ForwardItem[]> {
  yield items;
}

function sumOf(a: ForwardCounters, b: ForwardCounters): ForwardCounters {
  const out = { ...a };
  add(out, b);
  return out;
}

/** Drop the shards no longer allocated; start the new ones at the group's checkpoint, else at `from`. */
async function cursorsFollow(
  cursors: Map<number, string>,
  allocated: readonly number[],
  ref: ConsumerGroupRef,
  from: string,
): Promise<void> {
  for (const shard of [...cursors.keys()]) if (!allocated.includes(shard)) cursors.delete(shard);
  for (const shard of allocated)
    if (!cursors.has(shard)) cursors.set(shard, (await consumerGroupCheckpoint(ref, shard)) ?? (await shardCursor(ref, shard, from)));
}

/** Forward until `stop` (or, with untilCaughtUp, until every shard is caught up). */
export async function logstoreForwardRun(run: LogstoreForward): Promise<LogstoreForwardResult> {
  const heartbeatMs = run.heartbeatMs ?? 20_000;
  const ref: ConsumerGroupRef = { conn: run.conn, logstore: run.logstore, group: run.group, consumer: run.consumer, policy: run.policy };
  const created = await consumerGroupJoin(ref, Math.ceil((heartbeatMs * 3) / 1000));
  if (run.sink.insecure)
    run.onWarning?.('TLS certificate verification is OFF (--insecure): anyone on the path can read and change what is sent.');
  const sink = (run.sinkFactory ?? forwardSinkCreate)(run.sink, run.stdout);
  const deadLetter = new DeadLetterFile(run.deadLetterPath);
  const total = forwardCountersNew();
  const cursors = new Map<number, string>();
  const heartbeat = new ConsumerHeartbeat(ref, () => [...cursors.keys()], heartbeatMs);
  try {
    await heartbeat.start();
    while (!run.stop.aborted) {
      if (heartbeat.failure) throw heartbeat.failure;
      await cursorsFollow(cursors, heartbeat.allocated, ref, run.cursor);
      let pulledAny = false;
      for (const [shard, cursor] of cursors) {
        if (run.stop.aborted) break;
        const round = await shardRound(run, ref, sink, deadLetter, shard, cursor, total);
        if (!round) break;
        cursors.set(shard, round.next);
        pulledAny ||= round.logs > 0;
      }
      if (!pulledAny && run.untilCaughtUp) break;
      if (!pulledAny) await sleep(run.idleMs ?? 1000, run.stop).catch(() => undefined);
    }
  } finally {
    heartbeat.stop();
    await sink.close();
    await deadLetter.close();
  }
  return { counters: total, created, shards: [...cursors.keys()].sort((a, b) => a - b) };
}

/** Where a group's refused events go unless told otherwise: `<data folder>/forward/<project>.<logstore>.<group>.dead-letter.jsonl`. */
export function logstoreDeadLetterDefaultPath(dataDir: string, project: string, logstore: string, group: string): string {
  return path.join(dataDir, 'forward', `${project}.${logstore}.${group}.dead-letter.jsonl`);
}

/** This process's consumer name in a group (unique per host and process, as the group requires). */
export function logstoreConsumerName(): string {
  return `${hostname() || 'shiplens'}-${process.pid}`;
}

/** A `--cursor` value: begin, end, or a time already turned into Unix seconds by the caller. */
export function logstoreCursorCheck(text: string): string {
  if (text === 'begin' || text === 'end' || /^\d{1,12}$/.test(text)) return text;
  throw new ShiplensError('INVALID_ARGUMENT', `--cursor ${text} is not begin, end or a time.`, {
    source: '--cursor',
    hint: 'Use begin, end, or a time such as 2026-11-23T08:00:00Z',
  });
}
