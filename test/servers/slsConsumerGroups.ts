/**
 * The consumer-group part of the loopback Log Service (see slsServer.ts, which checks the
 * signature first): shards with seeded log groups, consumer groups (10 per Logstore, as the
 * service allows), heartbeat with shard allocation, GetCursor, PullLogs (LogGroupList protobuf,
 * LZ4 block) and checkpoints. Cursors are base64 of the log-group index, like the service's.
 * `denied` makes a call answer the RAM denial the service gives for a missing permission.
 */
import { compressBlock, compressBound } from 'lz4js';
import { logProto } from '../../main/forward/logstoreDecode';

/** One seeded log group, as the protobuf holds it, with its receive time (Unix seconds). */
export interface SeededLogGroup {
  receiveSec: number;
  Topic?: string;
  Source?: string;
  LogTags?: { Key: string; Value: string }[];
  Logs: { Time: number; Time_ns?: number; Contents: { Key: string; Value: string }[] }[];
}

interface Group {
  timeoutSec: number;
  checkpoints: Map<number, { checkpoint: string; consumer: string; updateTime: number }>;
  beats: Map<string, number>;
}

export interface ConsumerGroupState {
  /** logstore → shard id → its log groups in order. */
  shards: Map<string, Map<number, SeededLogGroup[]>>;
  /** logstore → group name → group. */
  groups: Map<string, Map<string, Group>>;
  /** API names (e.g. `ConsumerGroupUpdateCheckPoint`) answered with a RAM denial. */
  denied: Set<string>;
  /** Every accepted checkpoint update, in order. */
  checkpointLog: { group: string; shard: number; checkpoint: string }[];
}

export function consumerGroupStateNew(): ConsumerGroupState {
  return { shards: new Map(), groups: new Map(), denied: new Set(), checkpointLog: [] };
}

/**
 * Logstore `app-log` with three logs on two shards, the forward tests' Logstore: shard 0 one log
 * group from 10.0.0.1 (users alice, bob), shard 1 one of topic `audit` (carol).
 */
export function consumerGroupShardsSeed(state: ConsumerGroupState): void {
  state.shards.set(
    'app-log',
    new Map([
      [
        0,
        [
          {
            receiveSec: 100,
            Source: '10.0.0.1',
            Logs: [
              { Time: 1700000000, Contents: [{ Key: 'user', Value: 'alice' }] },
              { Time: 1700000001, Contents: [{ Key: 'user', Value: 'bob' }] },
            ],
          },
        ],
      ],
      [1, [{ receiveSec: 200, Topic: 'audit', Logs: [{ Time: 1700000002, Contents: [{ Key: 'user', Value: 'carol' }] }] }]],
    ]),
  );
}

/** Error with the service's status and code (slsServer turns it into its JSON answer). */
export class SlsCgError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A binary answer (PullLogs). */
export class SlsBinaryAnswer {
  constructor(
    readonly body: Buffer,
    readonly headers: Record<string, string>,
  ) {}
}

export interface CgCtx {
  method: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** The cursor of log-group index `i`. */
export const cgCursor = (i: number): string => Buffer.from(String(i)).toString('base64');

function cursorIndex(cursor: string, length: number): number {
  const i = Number(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!Number.isInteger(i) || i < 0 || i > length || cgCursor(i) !== cursor)
    throw new SlsCgError(400, 'InvalidCursor', `cursor ${cursor} is invalid`);
  return i;
}

function deny(state: ConsumerGroupState, api: string, logstore: string): void {
  if (state.denied.has(api))
    throw new SlsCgError(
      401,
      'Unauthorized',
      `denied by sts or ram, action: log:${api}, resource: acs:log:*:*:project/*/logstore/${logstore}`,
    );
}

function jsonBody(ctx: CgCtx): unknown {
  try {
    return JSON.parse(ctx.body.toString('utf8'));
  } catch {
    throw new SlsCgError(400, 'PostBodyInvalid', 'The body is not JSON.');
  }
}

/** LZ4 block of `raw`: lz4js's, or one literal run when it finds nothing to compress (still a valid block). */
export function lz4Block(raw: Uint8Array): Buffer {
  const out = new Uint8Array(compressBound(raw.length) + 16);
  const n = raw.length > 0 ? compressBlock(raw, out, 0, raw.length, new Uint32Array(1 << 16)) : 0;
  if (n > 0) return Buffer.from(out.subarray(0, n));
  const head = [Math.min(raw.length, 15) << 4];
  for (let rest = raw.length - 15; rest >= 0; rest -= 255) head.push(Math.min(rest, 255));
  return raw.length === 0 ? Buffer.alloc(0) : Buffer.concat([Buffer.from(head), Buffer.from(raw)]);
}

/** A LogGroupList of `groups`, protobuf-encoded. */
export function logGroupListEncode(groups: readonly SeededLogGroup[]): Uint8Array {
  const type = logProto.lookupType('LogGroupList');
  const logGroupList = groups.map(({ receiveSec: _r, ...group }) => group);
  return type.encode(type.fromObject({ logGroupList })).finish();
}

function shardsOf(state: ConsumerGroupState, logstore: string): Map<number, SeededLogGroup[]> {
  const shards = state.shards.get(logstore);
  if (!shards) throw new SlsCgError(404, 'LogStoreNotExist', `logstore ${logstore} does not exist`);
  return shards;
}

function shardOf(state: ConsumerGroupState, logstore: string, id: string | undefined): { id: number; groups: SeededLogGroup[] } {
  const groups = shardsOf(state, logstore).get(Number(id));
  if (!groups) throw new SlsCgError(400, 'ShardNotExist', `shard ${id ?? ''} does not exist`);
  return { id: Number(id), groups };
}

function groupOf(state: ConsumerGroupState, logstore: string, name: string): Group {
  const group = state.groups.get(logstore)?.get(name);
  if (!group) throw new SlsCgError(400, 'ConsumerGroupNotExist', `consumer group ${name} does not exist`);
  return group;
}

function createGroup(state: ConsumerGroupState, ctx: CgCtx, logstore: string): null {
  deny(state, 'CreateConsumerGroup', logstore);
  shardsOf(state, logstore);
  const body = jsonBody(ctx) as { consumerGroup?: unknown; timeout?: unknown };
  if (typeof body.consumerGroup !== 'string' || typeof body.timeout !== 'number')
    throw new SlsCgError(400, 'ParameterInvalid', 'consumerGroup and timeout are required.');
  const groups = state.groups.get(logstore) ?? new Map<string, Group>();
  state.groups.set(logstore, groups);
  if (groups.has(body.consumerGroup))
    throw new SlsCgError(409, 'ConsumerGroupAlreadyExist', `consumer group ${body.consumerGroup} already exists`);
  if (groups.size >= 10) throw new SlsCgError(400, 'ConsumerGroupQuotaExceed', 'consumer group quota exceed, max 10 per logstore');
  groups.set(body.consumerGroup, { timeoutSec: body.timeout, checkpoints: new Map(), beats: new Map() });
  return null;
}

function heartbeat(state: ConsumerGroupState, ctx: CgCtx, logstore: string, group: Group): number[] {
  deny(state, 'ConsumerGroupHeartBeat', logstore);
  const consumer = ctx.query.get('consumer') ?? '';
  if (!consumer || !Array.isArray(jsonBody(ctx))) throw new SlsCgError(400, 'ParameterInvalid', 'consumer and a shard array are required.');
  const now = Date.now();
  group.beats.set(consumer, now);
  const live = [...group.beats]
    .filter(([, at]) => now - at <= group.timeoutSec * 1000)
    .map(([name]) => name)
    .sort();
  const ids = [...shardsOf(state, logstore).keys()].sort((x, y) => x - y);
  return ids.filter((_, i) => live[i % live.length] === consumer);
}

function checkpointSave(state: ConsumerGroupState, ctx: CgCtx, logstore: string, name: string, group: Group): null {
  deny(state, 'ConsumerGroupUpdateCheckPoint', logstore);
  const body = jsonBody(ctx) as { shard?: unknown; checkpoint?: unknown };
  const shard = shardOf(state, logstore, String(body.shard));
  if (typeof body.checkpoint !== 'string') throw new SlsCgError(400, 'ParameterInvalid', 'checkpoint is required.');
  cursorIndex(body.checkpoint, shard.groups.length);
  group.checkpoints.set(shard.id, {
    checkpoint: body.checkpoint,
    consumer: ctx.query.get('consumer') ?? '',
    updateTime: Math.floor(Date.now() / 1000),
  });
  state.checkpointLog.push({ group: name, shard: shard.id, checkpoint: body.checkpoint });
  return null;
}

function pull(state: ConsumerGroupState, ctx: CgCtx, logstore: string, shardId: string): SlsBinaryAnswer {
  deny(state, 'GetCursorOrData', logstore);
  if (ctx.headers['accept'] !== 'application/x-protobuf' || ctx.headers['accept-encoding'] !== 'lz4')
    throw new SlsCgError(400, 'ParameterInvalid', 'PullLogs needs Accept: application/x-protobuf and Accept-Encoding: lz4.');
  const { groups } = shardOf(state, logstore, shardId);
  const from = cursorIndex(ctx.query.get('cursor') ?? '', groups.length);
  const count = Number(ctx.query.get('count'));
  if (!Number.isInteger(count) || count < 1 || count > 1000) throw new SlsCgError(400, 'ParameterInvalid', 'count must be 1-1000.');
  const slice = groups.slice(from, from + count);
  const raw = slice.length ? logGroupListEncode(slice) : new Uint8Array(0);
  return new SlsBinaryAnswer(lz4Block(raw), {
    'x-log-cursor': cgCursor(from + slice.length),
    'x-log-count': String(slice.length),
    'x-log-bodyrawsize': String(raw.length),
    'x-log-compresstype': 'lz4',
  });
}

function cursorGet(state: ConsumerGroupState, ctx: CgCtx, logstore: string, shardId: string): { cursor: string } {
  deny(state, 'GetCursorOrData', logstore);
  const { groups } = shardOf(state, logstore, shardId);
  const from = ctx.query.get('from') ?? '';
  if (from === 'begin') return { cursor: cgCursor(0) };
  if (from === 'end') return { cursor: cgCursor(groups.length) };
  if (!/^\d+$/.test(from)) throw new SlsCgError(400, 'ParameterInvalid', `from ${from} is invalid`);
  const i = groups.findIndex((g) => g.receiveSec >= Number(from));
  return { cursor: cgCursor(i < 0 ? groups.length : i) };
}

/** Route `/logstores/{logstore}/{rest…}` for consumergroups and shards; undefined when not one of these calls. */
export function consumerGroupRoute(state: ConsumerGroupState, ctx: CgCtx, logstore: string, rest: string[]): unknown {
  const [kind, name] = rest;
  if (kind === 'consumergroups' && rest.length === 1 && ctx.method === 'POST') return createGroup(state, ctx, logstore);
  if (kind === 'consumergroups' && name !== undefined && rest.length === 2) {
    const group = groupOf(state, logstore, name);
    const type = ctx.query.get('type');
    if (ctx.method === 'POST' && type === 'heartbeat') return heartbeat(state, ctx, logstore, group);
    if (ctx.method === 'POST' && type === 'checkpoint') return checkpointSave(state, ctx, logstore, name, group);
    if (ctx.method === 'GET') {
      deny(state, 'GetConsumerGroupCheckPoint', logstore);
      const shard = ctx.query.get('shard');
      return [...group.checkpoints].filter(([id]) => shard === null || String(id) === shard).map(([id, c]) => ({ shard: id, ...c }));
    }
  }
  if (kind === 'shards' && rest.length === 1 && ctx.method === 'GET') {
    deny(state, 'ListShards', logstore);
    return [...shardsOf(state, logstore).keys()].map((shardID) => ({ shardID, status: 'readwrite' }));
  }
  if (kind === 'shards' && name !== undefined && rest.length === 2 && ctx.method === 'GET') {
    if (ctx.query.get('type') === 'cursor') return cursorGet(state, ctx, logstore, name);
    if (ctx.query.get('type') === 'logs') return pull(state, ctx, logstore, name);
  }
  return undefined;
}
