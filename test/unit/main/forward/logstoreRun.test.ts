import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShiplensError } from '../../../../core/errors';
import { forwardSinkCreate } from '../../../../main/forward/forwardSinks';
import type { SinkSettings } from '../../../../main/forward/forwardSinks';
import type { ForwardSink } from '../../../../main/forward/forwardTypes';
import { logstoreForwardRun } from '../../../../main/forward/logstoreRun';
import type { LogstoreForward } from '../../../../main/forward/logstoreRun';
import { sinkTargetParse } from '../../../../main/forward/sinkTarget';
import { cgCursor } from '../../../servers/slsConsumerGroups';
import type { SeededLogGroup } from '../../../servers/slsConsumerGroups';
import { startSlsTestServer } from '../../../servers/slsServer';
import type { SlsTestServer } from '../../../servers/slsServer';

const shard0: SeededLogGroup[] = [
  {
    receiveSec: 1000,
    Topic: 'web',
    Source: '10.0.0.1',
    LogTags: [{ Key: '__hostname__', Value: 'web-1' }],
    Logs: [
      {
        Time: 1700000000,
        Contents: [
          { Key: 'status', Value: '200' },
          { Key: 'path', Value: '/a' },
        ],
      },
      { Time: 1700000001, Time_ns: 500000000, Contents: [{ Key: 'status', Value: '404' }] },
    ],
  },
  { receiveSec: 2000, Logs: [{ Time: 1700000002, Contents: [{ Key: 'msg', Value: 'x' }] }] },
];
const shard1: SeededLogGroup[] = [
  { receiveSec: 1500, Source: '10.0.0.2', Logs: [{ Time: 1700000003, Contents: [{ Key: 'k', Value: 'v' }] }] },
];

// The syslog lines these logs must become (facility user, severity info, tags as SD, MSG key=value joined by ||).
const lines = {
  s0a: '<14>1 2023-11-14T22:13:20Z h - - - [tags@32473 __hostname__="web-1"] __time__=1700000000||__topic__=web||__source__=10.0.0.1||status=200||path=/a',
  s0b: '<14>1 2023-11-14T22:13:21.500000Z h - - - [tags@32473 __hostname__="web-1"] __time__=1700000001||__time_ns_part__=500000000||__topic__=web||__source__=10.0.0.1||status=404',
  s0c: '<14>1 2023-11-14T22:13:22Z h - - - - __time__=1700000002||msg=x',
  s1a: '<14>1 2023-11-14T22:13:23Z h - - - - __time__=1700000003||__source__=10.0.0.2||k=v',
};

let server: SlsTestServer;
let dir: string;

beforeEach(async () => {
  server = await startSlsTestServer({ taskCount: 0 });
  server.state.consumerGroups.shards.set(
    'app-log',
    new Map([
      [0, shard0],
      [1, shard1],
    ]),
  );
  dir = await mkdtemp(join(tmpdir(), 'shiplens-cg-'));
});

afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

function settings(out: string): SinkSettings {
  return {
    target: sinkTargetParse(`file:${out}`, dir),
    fileFormat: 'syslog',
    hec: { mode: 'json', separator: '||', source: 'p/l', expand: {}, gzip: false, ack: false, ackTimeoutMs: 1000, ackPollMs: 10 },
    syslog: {
      format: 'rfc5424',
      facility: 'user',
      severity: 'info',
      hostname: 'h',
      tag: '-',
      msgid: '-',
      structuredData: 'tags',
      message: 'kv',
      separator: '||',
      nowMs: 0,
      maxDatagramBytes: 1400,
    },
    insecure: false,
    timeoutMs: 5000,
  };
}

function run(out: string, extra: Partial<LogstoreForward> = {}): ReturnType<typeof logstoreForwardRun> {
  return logstoreForwardRun({
    conn: { endpoint: server.endpoint, project: server.project, accessKeyId: server.accessKeyId, accessKeySecret: server.accessKeySecret },
    logstore: 'app-log',
    group: 'siem',
    consumer: 'c1',
    cursor: 'begin',
    sink: settings(out),
    deadLetterPath: join(dir, 'dead.jsonl'),
    batchEvents: 100,
    batchBytes: 1 << 20,
    pullCount: 1,
    rate: {},
    retry: { attempts: 2, baseMs: 1, maxMs: 1 },
    policy: { maxAttempts: 1 },
    idleMs: 0,
    untilCaughtUp: true,
    stdout: { write: async () => undefined },
    stop: new AbortController().signal,
    ...extra,
  });
}

const checkpoints = (): [number, string][] =>
  [...(server.state.consumerGroups.groups.get('app-log')?.get('siem')?.checkpoints ?? new Map<number, { checkpoint: string }>())].map(
    ([s, c]) => [s, c.checkpoint],
  );

describe('live forwarding by consumer group', () => {
  it('pulls every shard into the syslog file sink and checkpoints each pull to the server', async () => {
    const out = join(dir, 'out.log');
    const result = await run(out);
    expect(result.created).toBe(true);
    expect(result.shards).toEqual([0, 1]);
    // One log group per pull, shards in turn: shard 0 group 1, shard 1 group 1, shard 0 group 2.
    expect(await readFile(out, 'utf8')).toBe([lines.s0a, lines.s0b, lines.s1a, lines.s0c, ''].join('\n'));
    expect(result.counters).toMatchObject({ read: 4, acknowledged: 4, deadLettered: 0 });
    expect(server.state.consumerGroups.checkpointLog).toEqual([
      { group: 'siem', shard: 0, checkpoint: cgCursor(1) },
      { group: 'siem', shard: 1, checkpoint: cgCursor(1) },
      { group: 'siem', shard: 0, checkpoint: cgCursor(2) },
    ]);
    expect(server.state.stats.signatureFailures).toBe(0);
  });

  it('does not move the server checkpoint when the sink fails, and a restart resumes from the server checkpoint', async () => {
    let sends = 0;
    const failing = (s: SinkSettings, w: Parameters<typeof forwardSinkCreate>[1]): ForwardSink => {
      const real = forwardSinkCreate(s, w);
      return {
        label: real.label,
        encode: (r, j) => real.encode(r, j),
        close: () => real.close(),
        send: async (p, signal) => {
          if (++sends === 2) throw new ShiplensError('INVALID_ARGUMENT', 'receiver refused the batch');
          return real.send(p, signal);
        },
      };
    };
    const out = join(dir, 'out.log');
    await expect(run(out, { sinkFactory: failing })).rejects.toThrow('receiver refused the batch');
    // The first pull (shard 0) was acknowledged and checkpointed; shard 1's failed pull was not.
    expect(checkpoints()).toEqual([[0, cgCursor(1)]]);
    expect(await readFile(out, 'utf8')).toBe(`${lines.s0a}\n${lines.s0b}\n`);

    const again = await run(out);
    expect(again.created).toBe(false);
    expect(await readFile(out, 'utf8')).toBe([lines.s0a, lines.s0b, lines.s0c, lines.s1a, ''].join('\n'));
    expect(checkpoints()).toEqual([
      [0, cgCursor(2)],
      [1, cgCursor(1)],
    ]);
  });

  it('keeps heartbeating while the sink holds a batch (a slow sink does not lose the shards)', async () => {
    const beats = (): number => server.state.requests.filter((r) => r.query.type === 'heartbeat').length;
    const slow = (s: SinkSettings, w: Parameters<typeof forwardSinkCreate>[1]): ForwardSink => {
      const real = forwardSinkCreate(s, w);
      return {
        label: real.label,
        encode: (r, j) => real.encode(r, j),
        close: () => real.close(),
        send: async (p, signal) => {
          // Acknowledge only after two more heartbeats reached the server during this send.
          const target = beats() + 2;
          while (beats() < target) await new Promise((r) => setTimeout(r, 5));
          return real.send(p, signal);
        },
      };
    };
    const result = await run(join(dir, 'slow.log'), { sinkFactory: slow, heartbeatMs: 10 });
    expect(result.counters.acknowledged).toBe(4);
  }, 10_000);

  it('starts at the end or at a time when the group has no checkpoint', async () => {
    const out = join(dir, 'end.log');
    expect((await run(out, { cursor: 'end' })).counters.read).toBe(0);
    await rm(out, { force: true });
    const byTime = join(dir, 'time.log');
    expect((await run(byTime, { group: 'by-time', cursor: '1500' })).counters.read).toBe(2);
    expect(await readFile(byTime, 'utf8')).toBe(`${lines.s0c}\n${lines.s1a}\n`);
  });

  it('explains the consumer-group quota (10 per Logstore)', async () => {
    for (let i = 0; i < 10; i++) await run(join(dir, `g${i}.log`), { group: `g${i}`, cursor: 'end' });
    await expect(run(join(dir, 'x.log'), { group: 'eleventh' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'Logstore shiplens-test/app-log already has the most consumer groups allowed (10), so group eleventh cannot be created.',
      hint: 'Reuse an existing group with --consumer-group <name>, or delete one you no longer need in the Log Service console',
    });
    expect(server.state.requests.at(-1)).toMatchObject({ status: 400, errorCode: 'ConsumerGroupQuotaExceed' });
  });

  it('names the missing RAM permission', async () => {
    server.state.consumerGroups.denied.add('ConsumerGroupUpdateCheckPoint');
    const error = await run(join(dir, 'o.log')).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ACCESS_DENIED' });
    expect((error as Error).message).toMatch(
      /denied by sts or ram, action: log:ConsumerGroupUpdateCheckPoint.* — this step needs log:ConsumerGroupUpdateCheckPoint\.$/,
    );
    expect(checkpoints()).toEqual([]);
  });
});
