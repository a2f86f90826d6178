import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiDispatch } from '../../main/api/dispatch';
import type { ApiResponse, ApiResults } from '../../main/api/contract';
import { EventHub } from '../../main/services/eventHub';
import { JobRegistry } from '../../main/services/jobRegistry';
import type { ProfileWithSecret } from '../../main/services/platformTypes';
import type { ApiServices } from '../../main/services/types';
import { startSlsTestServer } from '../servers/slsServer';
import type { SlsTestServer } from '../servers/slsServer';

let server: SlsTestServer;
let services: ApiServices;

function fakeServices(profiles: Record<string, ProfileWithSecret>, currentProfile?: string): ApiServices {
  const events = new EventHub();
  return {
    connections: {
      info: async () => ({ kind: 'oss', label: 'oss://b', bucket: 'b', ...(currentProfile ? { profileName: currentProfile } : {}) }),
    },
    profiles: { get: async (name: string) => profiles[name] ?? null },
    platform: { ambientCredentials: async () => null },
    jobs: new JobRegistry(events as never),
  } as unknown as ApiServices;
}

async function call<M extends keyof ApiResults>(method: M, arg: unknown): Promise<ApiResponse<ApiResults[M]>> {
  return (await apiDispatch(services, method, arg)) as ApiResponse<ApiResults[M]>;
}

function ok<T>(response: ApiResponse<T>): T {
  if (!response.ok) throw new Error(`${response.error.code}: ${response.error.message}`);
  return response.value;
}

beforeAll(async () => {
  server = await startSlsTestServer();
  services = fakeServices(
    {
      work: {
        summary: {
          name: 'work',
          bucket: 'shiplens-sample',
          accessKeyId: server.accessKeyId,
          hasSecret: true,
          slsEndpoint: server.endpoint,
          slsProject: server.project,
        },
        accessKeySecret: server.accessKeySecret,
      },
    },
    'work',
  );
});
afterAll(() => server.close());

describe('sls.* API methods against the test server', () => {
  it("uses the current connection's profile for endpoint, project and keys", async () => {
    expect(ok(await call('sls.logstores', {}))).toEqual({ project: 'shiplens-test', logstores: ['app-log', 'nginx-log', 'empty-log'] });
    const shippers = ok(await call('sls.shippers', { logstore: 'app-log' }));
    expect(shippers.rules.map((r) => r.name)).toEqual(['oss-json', 'oss-csv', 'oss-parquet']);
  });

  it('imports a rule', async () => {
    const imported = ok(await call('sls.importRule', { logstore: 'app-log', shipper: 'oss-json' }));
    expect(imported).toMatchObject({ kind: 'shipper', project: 'shiplens-test', name: 'oss-json' });
    expect(imported.rule).toMatchObject({
      prefix: 'shiplens/json',
      format: 'json',
      compression: 'snappy',
      partitionFormat: '%Y/%m/%d/%H/%M',
    });
  });

  it('returns tasks with statistics and advice for failed ones', async () => {
    const to = (server.state.nowSec + 1) * 1000;
    const list = ok(await call('sls.tasks', { logstore: 'app-log', shipper: 'oss-json', to }));
    expect(list.from).toBe(to - 2 * 86_400_000);
    expect(list.tasks).toHaveLength(576);
    expect(list.statistics).toEqual({ running: 2, success: 559, fail: 15 });
    // SPEC §7: each task's type is its rule's target (GetShipper's targetType).
    expect(new Set(list.tasks.map((t) => t.type))).toEqual(new Set(['oss']));
    const failed = list.tasks.filter((t) => t.status === 'fail');
    expect(failed.every((t) => t.advice && t.advice.error === t.message)).toBe(true);
    expect(list.tasks.filter((t) => t.status !== 'fail').every((t) => t.advice === undefined && t.autoRetry === undefined)).toBe(true);
    // SPEC §7: every failed task says when Log Service stops retrying it (two days after creation).
    expect(failed.every((t) => t.autoRetry?.stopsMs === t.createTime + 2 * 86_400_000)).toBe(true);
    expect(
      failed.every(
        (t) =>
          t.autoRetry?.nextMs === null ||
          ((t.autoRetry?.nextMs ?? 0) > Date.now() - 60_000 && (t.autoRetry?.nextMs ?? 0) <= t.createTime + 2 * 86_400_000),
      ),
    ).toBe(true);
    const onlyFail = ok(await call('sls.tasks', { logstore: 'app-log', shipper: 'oss-json', to, status: 'fail' }));
    expect(onlyFail.tasks).toHaveLength(15);
  });

  it('retries all failed tasks, 10 per request, with a result per task', async () => {
    const to = (server.state.nowSec + 1) * 1000;
    const before = server.state.requests.length;
    const result = ok(await call('sls.retry', { logstore: 'app-log', shipper: 'oss-json', allFailed: true, to }));
    expect(result.retried).toBe(15);
    expect(result.failed).toBe(0);
    expect(result.results).toHaveLength(15);
    expect(server.state.requests.slice(before).filter((r) => r.method === 'PUT')).toHaveLength(2);
    const after = ok(await call('sls.tasks', { logstore: 'app-log', shipper: 'oss-json', to }));
    expect(after.statistics).toEqual({ running: 17, success: 559, fail: 0 });
  });

  it('refuses a retry without ids, and reports errors as typed responses', async () => {
    expect(await call('sls.retry', { logstore: 'app-log', shipper: 'oss-json' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect(await call('sls.shippers', { logstore: 'ghost' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('sls.logstores', { profileName: 'nobody' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('lets arguments override the profile, and never echoes a wrong secret', async () => {
    const response = await call('sls.logstores', { accessKeySecret: 'a-wrong-secret-1234' });
    expect(response).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
    expect(JSON.stringify(response)).not.toContain('a-wrong-secret-1234');
  });

  it('says what is missing without a profile', async () => {
    const bare = fakeServices({});
    const response = await apiDispatch(bare, 'sls.logstores', { endpoint: server.endpoint });
    expect(response).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', source: 'project' } });
    const noKeys = await apiDispatch(bare, 'sls.logstores', { endpoint: server.endpoint, project: server.project });
    expect(noKeys).toMatchObject({ ok: false, error: { code: 'CREDENTIALS_UNAVAILABLE' } });
  });

  it("types a MaxCompute rule's tasks `odps`, a wire task's own type winning, and '' when GetShipper is refused", async () => {
    const mc = await startSlsTestServer({ withMaxComputeShipper: true });
    try {
      const target = { endpoint: mc.endpoint, project: mc.project, accessKeyId: mc.accessKeyId, accessKeySecret: mc.accessKeySecret };
      const to = (mc.state.nowSec + 1) * 1000;
      const first = mc.state.logstores.get('app-log')?.tasks.get('mc-app')?.[1];
      if (!first) throw new Error('no mc-app task seeded');
      first.taskType = 'oss';
      const list = ok(await call('sls.tasks', { ...target, logstore: 'app-log', shipper: 'mc-app', to }));
      expect(list.tasks.map((t) => t.type)).toEqual(['odps', 'oss', 'odps', 'odps', 'odps', 'odps']);
      // A policy without log:GetShipper still lists the tasks, their type unknown.
      mc.state.faults.getShipperDenied = true;
      const refused = ok(await call('sls.tasks', { ...target, logstore: 'app-log', shipper: 'mc-app', to }));
      expect(refused.tasks.map((t) => t.type)).toEqual(['', 'oss', '', '', '', '']);
      expect(mc.state.requests.filter((r) => r.status === 403)).toHaveLength(1);
    } finally {
      await mc.close();
    }
  });
});
