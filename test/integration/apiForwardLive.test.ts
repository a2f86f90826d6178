// forward.live over the API (direct dispatch) against the Log Service test server (consumer
// groups, signatures checked) and the loopback HEC server: the Log Service connection and the
// HEC token both come from a saved profile; a cancel finishes the pull in flight and
// checkpoints it in the group, and the next run goes on from there — every log once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiDispatch } from '../../main/api/dispatch';
import { servicesCreate } from '../../main/services/wiring';
import type { ApiServices } from '../../main/services/types';
import { HecServer } from '../servers/hecServer';
import { cgCursor, consumerGroupShardsSeed } from '../servers/slsConsumerGroups';
import { startSlsTestServer } from '../servers/slsServer';
import type { SlsTestServer } from '../servers/slsServer';

const token = 'f00dfeed-2222-4333-8444-api-live-token';
let root = '';
let sls: SlsTestServer;
let hecServer: HecServer;
let hec = '';
let services: ApiServices;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'api-forward-live-'));
  sls = await startSlsTestServer({ taskCount: 0 });
  consumerGroupShardsSeed(sls.state.consumerGroups);
  hecServer = new HecServer(token);
  hec = `hec://${await hecServer.start()}`;
  services = servicesCreate({ mode: 'browser', dataDir: join(root, 'data'), outputDir: join(root, 'out') });
});
afterAll(async () => {
  await hecServer.stop();
  await sls.close();
  rmSync(root, { recursive: true, force: true });
});

describe('forward.live', () => {
  it('keeps the HEC token sealed in the profile: never listed, used by forward.check', async () => {
    const saved = await apiDispatch(services, 'profiles.save', {
      name: 'siem',
      bucket: 'unused-bucket',
      accessKeyId: sls.accessKeyId,
      accessKeySecret: sls.accessKeySecret,
      slsEndpoint: sls.endpoint,
      slsProject: sls.project,
      hecToken: token,
    });
    expect(saved).toMatchObject({ ok: true, value: { name: 'siem', hasSecret: true, hasHecToken: true } });
    const listed = await apiDispatch(services, 'profiles.list', {});
    expect(JSON.stringify(listed)).not.toContain(token);
    expect(await apiDispatch(services, 'forward.check', { sink: { to: hec, tokenProfile: 'siem' } })).toMatchObject({ ok: true });
    // Without a token and without a profile holding one, HEC is never called without a token.
    const none = await apiDispatch(services, 'forward.check', { sink: { to: hec } });
    expect(none).toMatchObject({ ok: false, error: { code: 'CREDENTIALS_UNAVAILABLE' } });
    const unknown = await apiDispatch(services, 'forward.check', { sink: { to: hec, tokenProfile: 'nobody' } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // Saving the profile again without the token keeps it; '' removes it.
    const kept = await apiDispatch(services, 'profiles.save', {
      name: 'siem',
      bucket: 'unused-bucket',
      accessKeyId: sls.accessKeyId,
      slsEndpoint: sls.endpoint,
      slsProject: sls.project,
    });
    expect(kept).toMatchObject({ ok: true, value: { hasSecret: true, hasHecToken: true } });
  });

  it('delivers the consumer group to HEC; cancel checkpoints the pull in flight and the next run goes on from there', async () => {
    const push = hecServer.batches.push.bind(hecServer.batches);
    // Cancel as a batch arrives: no clock involved.
    let jobId = 'live1';
    hecServer.batches.push = (...batches) => {
      services.jobs.cancel(jobId);
      return push(...batches);
    };
    const phases: string[] = [];
    services.events.subscribe((_name, e) => phases.push(`${e.jobId}:${e.phase}`));
    const call = {
      profileName: 'siem',
      logstore: 'app-log',
      consumerGroup: 'siem-hec',
      sink: { to: hec, tokenProfile: 'siem', sourcetype: 'sls' },
    };
    const first = await apiDispatch(services, 'forward.live', { ...call, jobId });
    expect(first).toMatchObject({
      ok: true,
      value: { project: sls.project, created: true, counters: { read: 2, sent: 2, acknowledged: 2, deadLettered: 0 } },
    });
    expect(phases).toContain('live1:acknowledged');
    const group = sls.state.consumerGroups.groups.get('app-log')?.get('siem-hec');
    expect(group?.checkpoints.get(0)?.checkpoint).toBe(cgCursor(1));
    expect(group?.checkpoints.get(1)).toBeUndefined();
    jobId = 'live2';
    const second = await apiDispatch(services, 'forward.live', { ...call, jobId });
    expect(second).toMatchObject({ ok: true, value: { created: false, counters: { read: 1, acknowledged: 1 } } });
    hecServer.batches.push = push;
    expect(group?.checkpoints.get(1)?.checkpoint).toBe(cgCursor(1));
    expect(hecServer.events.map((e) => [(e.event as Record<string, unknown>).user, e.source, e.sourcetype, e.host])).toEqual([
      ['alice', `${sls.project}/app-log`, 'sls', '10.0.0.1'],
      ['bob', `${sls.project}/app-log`, 'sls', '10.0.0.1'],
      ['carol', `${sls.project}/app-log`, 'sls', undefined],
    ]);
    expect(JSON.stringify([first, second])).not.toContain(token);
  });

  it('names a missing logstore in Log Service terms, with the connection given in the call', async () => {
    const r = await apiDispatch(services, 'forward.live', {
      endpoint: sls.endpoint,
      project: sls.project,
      accessKeyId: sls.accessKeyId,
      accessKeySecret: sls.accessKeySecret,
      logstore: 'no-such-log',
      consumerGroup: 'g1',
      sink: { to: 'file:live.log' },
    });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('Logstore no-such-log does not exist') },
    });
    expect(JSON.stringify(r)).not.toContain(sls.accessKeySecret);
  });
});
