/**
 * The Log Service consumer-group calls, signed by main/sls/signedRequest.ts: create or join a
 * group, heartbeat (which also allocates shards), cursors, checkpoints, shards. PullLogs is in
 * logstorePull.ts (a binary answer). Errors name the call and say what to do.
 */
import { ShiplensError, isShiplensError } from '../../core/errors';
import { slsPath, slsRequest } from '../sls/signedRequest';
import type { SlsConnection, SlsRequest, SlsRequestPolicy } from '../sls/signedRequest';

/** One consumer of one group on one Logstore. */
export interface ConsumerGroupRef {
  conn: SlsConnection;
  logstore: string;
  group: string;
  /** This process's name in the group (shards are held per consumer). */
  consumer: string;
  policy?: SlsRequestPolicy;
  signal?: AbortSignal;
}

/** The RAM action each call needs, for the "missing permission" hint. */
const actionOf: Record<string, string> = {
  create: 'log:CreateConsumerGroup',
  heartbeat: 'log:ConsumerGroupHeartBeat',
  checkpoint: 'log:ConsumerGroupUpdateCheckPoint',
  getCheckpoint: 'log:GetConsumerGroupCheckPoint',
  cursor: 'log:GetCursorOrData',
  pull: 'log:GetCursorOrData',
  shards: 'log:ListShards',
};

/** Rewrite a Log Service error of a consumer-group call into what the user should do. */
export function consumerGroupError(error: unknown, ref: ConsumerGroupRef, call: keyof typeof actionOf): unknown {
  if (!isShiplensError(error)) return error;
  const where = `${ref.conn.project}/${ref.logstore}`;
  if (/ConsumerGroupQuotaExceed/.test(error.message)) {
    return new ShiplensError(
      'INVALID_ARGUMENT',
      `Logstore ${where} already has the most consumer groups allowed (10), so group ${ref.group} cannot be created.`,
      {
        source: ref.group,
        hint: 'Reuse an existing group with --consumer-group <name>, or delete one you no longer need in the Log Service console',
      },
    );
  }
  if (/ShardNotExist/.test(error.message)) {
    return new ShiplensError('NOT_FOUND', `A shard of ${where} no longer exists (it was split or merged).`, {
      source: ref.logstore,
      hint: 'Run the same command again: the group is re-read and the new shards are allocated',
    });
  }
  if (/ConsumerGroupNotExist/.test(error.message)) {
    return new ShiplensError('NOT_FOUND', `Consumer group ${ref.group} does not exist on ${where} (deleted while running?).`, {
      source: ref.group,
      hint: 'Run the same command again to create it (it starts from --cursor)',
    });
  }
  if (error.code === 'ACCESS_DENIED' || (error.code === 'AUTH_FAILED' && /Unauthorized/.test(error.message))) {
    return new ShiplensError('ACCESS_DENIED', `${error.message} — this step needs ${actionOf[call]}.`, {
      source: error.source,
      hint: 'Grant the RAM user or role log:CreateConsumerGroup, log:ConsumerGroupHeartBeat, log:ConsumerGroupUpdateCheckPoint, log:GetConsumerGroupCheckPoint, log:GetCursorOrData and log:ListShards on this Logstore',
    });
  }
  return error;
}

async function call<T>(ref: ConsumerGroupRef, which: keyof typeof actionOf, request: Omit<SlsRequest, 'signal' | 'what'>): Promise<T> {
  try {
    const answer = await slsRequest(ref.conn, { ...request, signal: ref.signal, what: { logstore: ref.logstore } }, ref.policy);
    return answer.body as T;
  } catch (error) {
    throw consumerGroupError(error, ref, which);
  }
}

const groupsPath = (ref: ConsumerGroupRef): string => slsPath`/logstores/${ref.logstore}/consumergroups`;
const groupPath = (ref: ConsumerGroupRef): string => slsPath`/logstores/${ref.logstore}/consumergroups/${ref.group}`;

/** CreateConsumerGroup; an existing group (ConsumerGroupAlreadyExist) is joined as it is. Returns true when created. */
export async function consumerGroupJoin(ref: ConsumerGroupRef, timeoutSec: number): Promise<boolean> {
  try {
    await call(ref, 'create', {
      method: 'POST',
      path: groupsPath(ref),
      body: { consumerGroup: ref.group, timeout: timeoutSec, order: false },
    });
    return true;
  } catch (error) {
    if (isShiplensError(error) && /ConsumerGroupAlreadyExist/.test(error.message)) return false;
    throw error;
  }
}

/** ConsumerGroupHeartBeat with the shards held; the answer is the shards this consumer is allocated. */
export async function consumerGroupHeartbeat(ref: ConsumerGroupRef, held: readonly number[]): Promise<number[]> {
  const body = await call<unknown>(ref, 'heartbeat', {
    method: 'POST',
    path: groupPath(ref),
    query: { type: 'heartbeat', consumer: ref.consumer },
    body: [...held],
  });
  if (!Array.isArray(body) || !body.every((s) => Number.isInteger(s)))
    throw new ShiplensError('SERVER_ERROR', `ConsumerGroupHeartBeat answered no shard list for group ${ref.group}.`, {
      hint: 'Try again later',
    });
  return body as number[];
}

/** The group's saved cursor for a shard, or null when none was saved yet. */
export async function consumerGroupCheckpoint(ref: ConsumerGroupRef, shard: number): Promise<string | null> {
  const body = await call<unknown>(ref, 'getCheckpoint', { method: 'GET', path: groupPath(ref), query: { shard } });
  const entry = Array.isArray(body) ? (body as { shard?: number; checkpoint?: string }[]).find((e) => e.shard === shard) : undefined;
  return entry?.checkpoint ? entry.checkpoint : null;
}

/** ConsumerGroupUpdateCheckPoint: everything before `cursor` on `shard` was acknowledged by the sink. */
export async function consumerGroupCheckpointSave(ref: ConsumerGroupRef, shard: number, cursor: string): Promise<void> {
  await call(ref, 'checkpoint', {
    method: 'POST',
    path: groupPath(ref),
    query: { type: 'checkpoint', consumer: ref.consumer, forceSuccess: 'true' },
    body: { shard, checkpoint: cursor },
  });
}

/** GetCursor: `begin`, `end` or a Unix time in seconds. */
export async function shardCursor(ref: ConsumerGroupRef, shard: number, from: string): Promise<string> {
  const body = await call<{ cursor?: unknown }>(ref, 'cursor', {
    method: 'GET',
    path: slsPath`/logstores/${ref.logstore}/shards/${String(shard)}`,
    query: { type: 'cursor', from },
  });
  if (typeof body?.cursor !== 'string')
    throw new ShiplensError('SERVER_ERROR', `GetCursor answered no cursor for shard ${shard}.`, { hint: 'Try again later' });
  return body.cursor;
}
