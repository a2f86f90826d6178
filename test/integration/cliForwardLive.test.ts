import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cgCursor, consumerGroupShardsSeed } from '../servers/slsConsumerGroups';
import { startSlsTestServer } from '../servers/slsServer';
import type { SlsTestServer } from '../servers/slsServer';
import { cliCapture } from './cliHelpers';

let server: SlsTestServer;
let dir: string;
let env: Record<string, string>;

beforeEach(async () => {
  server = await startSlsTestServer({ taskCount: 0 });
  consumerGroupShardsSeed(server.state.consumerGroups);
  dir = await mkdtemp(join(tmpdir(), 'shiplens-cli-live-'));
  env = { ALIBABA_CLOUD_ACCESS_KEY_ID: server.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: server.accessKeySecret };
});

afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('shiplens forward --from-logstore', () => {
  it('delivers every shard to the file sink, checkpoints in the group, and a rerun sends nothing again', async () => {
    const out = join(dir, 'out.log');
    const args = [
      'forward',
      '--to',
      `file:${out}`,
      '--from-logstore',
      `${server.project}/app-log`,
      '--consumer-group',
      'siem',
      '--until-caught-up',
      '--format',
      'rfc5424',
      '--hostname',
      'h',
      '--endpoint',
      server.endpoint,
    ];
    const first = await cliCapture(args, { env, home: dir });
    expect(first.stderr).toBe(
      `forward: consumer group siem created on ${server.project}/app-log, shards 0,1; read 3, sent 3, acknowledged 3, retried 0, dead-lettered 0\n`,
    );
    expect(first.code).toBe(0);
    expect(await readFile(out, 'utf8')).toBe(
      [
        '<14>1 2023-11-14T22:13:20Z h - - - - __time__=1700000000||__source__=10.0.0.1||user=alice',
        '<14>1 2023-11-14T22:13:21Z h - - - - __time__=1700000001||__source__=10.0.0.1||user=bob',
        '<14>1 2023-11-14T22:13:22Z h - - - - __time__=1700000002||__topic__=audit||user=carol',
        '',
      ].join('\n'),
    );
    const group = server.state.consumerGroups.groups.get('app-log')?.get('siem');
    expect([...(group?.checkpoints ?? [])].map(([s, c]) => [s, c.checkpoint])).toEqual([
      [0, cgCursor(1)],
      [1, cgCursor(1)],
    ]);
    const again = await cliCapture(args, { env, home: dir });
    expect(again.stderr).toBe(
      `forward: consumer group siem joined on ${server.project}/app-log, shards 0,1; read 0, sent 0, acknowledged 0, retried 0, dead-lettered 0\n`,
    );
    expect((await readFile(out, 'utf8')).split('\n')).toHaveLength(4);
  });

  it('explains a missing permission and a bad --cursor', async () => {
    server.state.consumerGroups.denied.add('CreateConsumerGroup');
    const denied = await cliCapture(
      ['forward', '--to', '-', '--from-logstore', `${server.project}/app-log`, '--consumer-group', 'g', '--endpoint', server.endpoint],
      { env, home: dir },
    );
    expect(denied.code).not.toBe(0);
    expect(denied.stderr).toMatch(
      /this step needs log:CreateConsumerGroup\. \(Grant the RAM user or role log:CreateConsumerGroup, log:ConsumerGroupHeartBeat, /,
    );
    const cursor = await cliCapture(
      [
        'forward',
        '--to',
        '-',
        '--from-logstore',
        `${server.project}/app-log`,
        '--consumer-group',
        'g',
        '--cursor',
        'yesterday-ish',
        '--endpoint',
        server.endpoint,
      ],
      { env, home: dir },
    );
    expect(cursor.code).not.toBe(0);
    expect(cursor.stderr).toMatch(/yesterday-ish/);
  });
});
