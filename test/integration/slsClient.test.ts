import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slsClientCreate } from '../../main/sls/slsClient';
import type { SlsClient } from '../../main/sls/slsClient';
import type { SlsRequestPolicy } from '../../main/sls/signedRequest';
import { startSlsTestServer } from '../servers/slsServer';
import type { SlsTestServer } from '../servers/slsServer';

const fast: SlsRequestPolicy = { backoffBaseMs: 1, timeoutMs: 2_000, sleep: () => Promise.resolve() };

let server: SlsTestServer;
let client: SlsClient;

function connection(overrides: Partial<{ project: string; accessKeySecret: string; securityToken: string }> = {}) {
  return {
    endpoint: server.endpoint,
    project: server.project,
    accessKeyId: server.accessKeyId,
    accessKeySecret: server.accessKeySecret,
    ...overrides,
  };
}

beforeAll(async () => {
  server = await startSlsTestServer();
  client = slsClientCreate(connection(), fast);
});
afterAll(() => server.close());

describe('Log Service client against the test server', () => {
  it('lists logstores and shipping rules with verified signatures', async () => {
    expect(await client.listLogstores()).toEqual(['app-log', 'nginx-log', 'empty-log']);
    expect(await client.listShippers('app-log')).toEqual(['oss-json', 'oss-csv', 'oss-parquet']);
    expect(await client.listShippers('empty-log')).toEqual([]);
    expect(server.state.stats.signatureFailures).toBe(0);
  });

  it('gets a shipper config', async () => {
    const config = await client.getShipper('app-log', 'oss-csv');
    expect(config.shipperName).toBe('oss-csv');
    expect(config.targetConfiguration).toMatchObject({
      ossBucket: 'shiplens-sample',
      ossPrefix: 'shiplens/csv',
      pathFormat: '%Y/%m/%d/%H',
      compressType: 'none',
    });
    expect(config.targetConfiguration.storage).toMatchObject({ format: 'csv' });
  });

  it('pages through all tasks of two days and normalises them', async () => {
    const before = server.state.requests.length;
    const toMs = (server.state.nowSec + 1) * 1000;
    const list = await client.listShipperTasks('app-log', 'oss-json', { from: toMs - 2 * 86_400_000, to: toMs });
    expect(list.total).toBe(576);
    expect(list.tasks).toHaveLength(576);
    expect(new Set(list.tasks.map((t) => t.id)).size).toBe(576);
    expect(list.statistics).toEqual({ running: 2, success: 559, fail: 15 });
    const pages = server.state.requests.slice(before).filter((r) => r.path.endsWith('/tasks'));
    expect(pages.map((r) => r.query.offset)).toEqual(['0', '500']);
    const newest = list.tasks[0]!;
    expect(newest).toMatchObject({ status: 'running', createTime: server.state.nowSec * 1000, finishTime: 0, message: '' });
    const fails = list.tasks.filter((t) => t.status === 'fail').map((t) => t.message);
    expect(new Set(fails)).toEqual(new Set(['Unauthorized', 'ConfigNotExist', 'InvalidOssBucket', 'InternalServerError']));
  });

  it('filters by status with small pages', async () => {
    const list = await client.listShipperTasks('app-log', 'oss-json', {
      status: 'fail',
      pageSize: 4,
      to: (server.state.nowSec + 1) * 1000,
    });
    expect(list.tasks).toHaveLength(15);
    expect(list.tasks.every((t) => t.status === 'fail')).toBe(true);
  });

  it('retries failed tasks: state turns running, then success on the next poll', async () => {
    server.state.retryMode = 'successOnNextPoll';
    const to = (server.state.nowSec + 1) * 1000;
    const failed = (await client.listShipperTasks('app-log', 'oss-csv', { status: 'fail', to })).tasks;
    expect(failed.length).toBeGreaterThan(0);
    const ids = failed.map((t) => t.id);
    const results = await client.retryShipperTasks('app-log', 'oss-csv', ids);
    expect(results).toEqual(ids.map((id) => ({ id, ok: true })));
    expect(
      server.state.logstores
        .get('app-log')!
        .tasks.get('oss-csv')!
        .filter((t) => ids.includes(t.id))
        .map((t) => t.taskStatus),
    ).toEqual(ids.map(() => 'running'));
    const after = await client.listShipperTasks('app-log', 'oss-csv', { to });
    expect(after.tasks.filter((t) => ids.includes(t.id)).map((t) => t.status)).toEqual(ids.map(() => 'success'));
    expect(after.statistics.fail).toBe(0);
    server.state.retryMode = 'running';
  });

  it('sends at most 10 ids per retry request', async () => {
    const ids = Array.from({ length: 23 }, (_, i) => `nope-${i}`);
    const before = server.state.requests.length;
    const results = await client.retryShipperTasks('app-log', 'oss-json', ids);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(server.state.requests.slice(before).filter((r) => r.method === 'PUT')).toHaveLength(3);
  });

  it('lists and gets OSS export jobs', async () => {
    const all = await client.listOssExports();
    expect(all.map((x) => x.name)).toEqual(['export-nginx']);
    expect(await client.listOssExports({ logstore: 'app-log' })).toEqual([]);
    const job = await client.getOssExport('export-nginx');
    expect(job.configuration.logstore).toBe('nginx-log');
    expect(job.configuration.sink).toMatchObject({ timeZone: '+0800', contentType: 'parquet' });
  });

  it('reports a wrong secret as AUTH_FAILED without leaking it', async () => {
    const bad = slsClientCreate(connection({ accessKeySecret: 'wrong-secret-value' }), fast);
    const error = await bad.listLogstores().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'AUTH_FAILED' });
    expect(String((error as Error).message)).toContain('SignatureNotMatch');
    expect(JSON.stringify(error) + String((error as Error).message)).not.toContain('wrong-secret-value');
  });

  it('names the missing project, logstore, shipper and export job', async () => {
    const other = slsClientCreate(connection({ project: 'no-such-project' }), fast);
    await expect(other.listLogstores()).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('project no-such-project does not exist'),
    });
    await expect(client.listShippers('ghost')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('Logstore ghost does not exist in project shiplens-test'),
    });
    await expect(client.getShipper('app-log', 'ghost')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('Shipping rule ghost does not exist on logstore app-log'),
    });
    await expect(client.listShipperTasks('app-log', 'ghost')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(client.getOssExport('ghost')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('OSS export job ghost'),
    });
  });

  it('retries 5xx and 429 bursts, and gives up with SERVER_ERROR / THROTTLED', async () => {
    server.state.faults.status500 = 2;
    server.state.faults.status429 = 1;
    expect(await client.listLogstores()).toHaveLength(3);
    server.state.faults.serverBusy = 5;
    await expect(client.listLogstores()).rejects.toMatchObject({ code: 'THROTTLED' });
    server.state.faults.serverBusy = 0;
    server.state.faults.status500 = 4;
    await expect(client.listLogstores()).rejects.toMatchObject({ code: 'SERVER_ERROR' });
    expect(server.state.faults.status500).toBe(0);
  });

  it('times out a hanging server, then succeeds on retry', async () => {
    server.state.faults.hang = 1;
    server.state.faults.hangMs = 1_500;
    const quick = slsClientCreate(connection(), { ...fast, timeoutMs: 300 });
    expect(await quick.listLogstores()).toHaveLength(3);
    server.state.faults.hang = 2;
    const once = slsClientCreate(connection(), { ...fast, timeoutMs: 300, maxAttempts: 1 });
    await expect(once.listLogstores()).rejects.toMatchObject({ code: 'TIMEOUT' });
    server.state.faults.hang = 0;
  });

  it('backs off exponentially with jitter between attempts', async () => {
    const delays: number[] = [];
    const timed = slsClientCreate(connection(), { backoffBaseMs: 100, random: () => 0.5, sleep: async (ms) => void delays.push(ms) });
    server.state.faults.status500 = 3;
    expect(await timed.listLogstores()).toHaveLength(3);
    // equal jitter: half the capped delay fixed, plus random × half
    expect(delays).toEqual([75, 150, 300]);
  });

  it('stops with CANCELLED when the caller aborts', async () => {
    const controller = new AbortController();
    server.state.faults.hang = 1;
    server.state.faults.hangMs = 1_000;
    const pending = client.listLogstores(controller.signal);
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED' });
    server.state.faults.hang = 0;
  });

  it('maps an unreachable endpoint to NETWORK', async () => {
    const nowhere = slsClientCreate({ ...connection(), endpoint: 'http://127.0.0.1:1' }, { ...fast, maxAttempts: 2 });
    await expect(nowhere.listLogstores()).rejects.toMatchObject({ code: 'NETWORK' });
  });
});

describe('STS credentials', () => {
  let sts: SlsTestServer;
  beforeAll(async () => {
    sts = await startSlsTestServer({ securityToken: 'sts-token-123' });
  });
  afterAll(() => sts.close());

  it('signs x-acs-security-token, and a missing token is AUTH_FAILED', async () => {
    const base = { endpoint: sts.endpoint, project: sts.project, accessKeyId: sts.accessKeyId, accessKeySecret: sts.accessKeySecret };
    expect(await slsClientCreate({ ...base, securityToken: 'sts-token-123' }, fast).listLogstores()).toHaveLength(3);
    await expect(slsClientCreate(base, fast).listLogstores()).rejects.toMatchObject({ code: 'AUTH_FAILED' });
  });
});
