// shiplens tasks / tasks retry / rule import --from against the Log Service test server
// (signatures verified), run as a child process: exit codes and stderr as users see them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlsTestServer } from '../servers/slsServer';
import type { SlsTestServer } from '../servers/slsServer';
import { cliBuildEnsure, cliCapture, cliSpawn, oneLineError } from './cliHelpers';

let server: SlsTestServer;
let env: Record<string, string>;

function target(shipper = 'oss-json'): string {
  return `${server.project}/app-log/${shipper}`;
}

beforeAll(async () => {
  const build = cliBuildEnsure();
  server = await startSlsTestServer({ taskCount: 100, withMaxComputeShipper: true });
  env = { ALIBABA_CLOUD_ACCESS_KEY_ID: server.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: server.accessKeySecret };
  await build;
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('shiplens tasks', () => {
  it('lists failed tasks as JSON with advice (spawned)', async () => {
    const r = await cliSpawn(
      [
        'tasks',
        target(),
        '--status',
        'fail',
        '--json',
        '--endpoint',
        server.endpoint,
        '--from',
        String(server.state.nowSec - 2 * 86400),
        '--to',
        String(server.state.nowSec + 1),
      ],
      { env },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const value = JSON.parse(r.stdout);
    expect(value.tasks.map((t: { message: string }) => t.message)).toEqual(['Unauthorized', 'ConfigNotExist', 'InvalidOssBucket']);
    expect(value.tasks[0].advice.error).toBe('Unauthorized');
    expect(value.tasks.map((t: { type: string }) => t.type)).toEqual(['oss', 'oss', 'oss']);
    expect(value.statistics).toEqual({ running: 2, success: 95, fail: 3 });
  });

  it("gives each task its rule's target type, unless the wire task carries its own", async () => {
    const now = (server.state.nowSec + 1) * 1000;
    const json = await cliCapture(['tasks', target('mc-app'), '--json', '--endpoint', server.endpoint], { env, now });
    expect(json.code).toBe(0);
    const tasks = JSON.parse(json.stdout).tasks as { id: string; type: string }[];
    expect(tasks.map((t) => t.type)).toEqual(['odps', 'odps', 'odps', 'odps', 'odps', 'odps']);
    const wire = server.state.logstores.get('app-log')?.tasks.get('mc-app') ?? [];
    const first = wire[0];
    if (!first) throw new Error('no mc-app task seeded');
    first.taskType = 'oss';
    try {
      const table = await cliCapture(['tasks', target('mc-app'), '--tz', 'UTC', '--endpoint', server.endpoint], { env, now });
      expect(table.code).toBe(0);
      const rows = table.stdout.split('\n').slice(1, 7);
      expect(rows.map((row) => row.split(/ {2,}/)[2])).toEqual([
        'OSS',
        'MaxCompute',
        'MaxCompute',
        'MaxCompute',
        'MaxCompute',
        'MaxCompute',
      ]);
      expect(rows[0]?.startsWith(`${first.id}  running  OSS `)).toBe(true);
    } finally {
      delete first.taskType;
    }
  });

  it('prints the table in the chosen zone (in-process)', async () => {
    const r = await cliCapture(['tasks', 'list', target(), '--tz', 'UTC', '--endpoint', server.endpoint], {
      env,
      now: (server.state.nowSec + 1) * 1000,
    });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^ID +STATUS +TYPE +CREATED +FINISHED +LAST RECEIVED +LINES +MESSAGE$/);
    expect(r.stdout).toContain('100 of 100 tasks (times in UTC); statistics: success 95, running 2, fail 3');
  });

  it('retry --all-failed retries each failed task; no selector is a usage error', async () => {
    const usage = await cliSpawn(['tasks', 'retry', target(), '--endpoint', server.endpoint], { env });
    expect(usage.code).toBe(2);
    const r = await cliSpawn(['tasks', 'retry', target(), '--all-failed', '--endpoint', server.endpoint], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('3 of 3 tasks retried');
    expect(server.state.stats.retriedIds).toHaveLength(3);
  });

  it('unknown shipper, missing credentials, missing endpoint: exit 1 with one line', async () => {
    const unknown = await cliCapture(['tasks', target('nope'), '--endpoint', server.endpoint], { env });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(oneLineError);
    const noCreds = await cliSpawn(['tasks', target(), '--endpoint', server.endpoint]);
    expect(noCreds.code).toBe(1);
    expect(noCreds.stderr).toMatch(/^shiplens: [^\n]+\n$/);
    expect(noCreds.stderr).toContain('ALIBABA_CLOUD_ACCESS_KEY_ID');
    const noEndpoint = await cliCapture(['tasks', target()], { env });
    expect(noEndpoint.code).toBe(1);
    expect(noEndpoint.stderr).toContain('--region');
    expect((await cliCapture(['tasks', 'just-a-project', '--endpoint', server.endpoint], { env })).code).toBe(2);
  });
});

describe('shiplens rule import --from', () => {
  it('prints the rule in shiplens form', async () => {
    const r = await cliSpawn(['rule', 'import', '--from', target('oss-parquet'), '--endpoint', server.endpoint], { env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      name: 'oss-parquet',
      format: 'parquet',
      compression: 'snappy',
      prefix: 'shiplens/parquet',
    });
  });
});
