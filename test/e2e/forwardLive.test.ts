/**
 * Forward view, browser mode, live source: a Logstore of the Log Service test server (consumer
 * groups, signatures checked) consumed by a group into the loopback HEC server — every log
 * delivered, the counters shown while it runs, Stop ends it with each shard checkpointed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../renderer/i18n/en';
import { HecServer } from '../servers/hecServer';
import { cgCursor, consumerGroupShardsSeed } from '../servers/slsConsumerGroups';
import { startSlsTestServer } from '../servers/slsServer';
import type { SlsTestServer } from '../servers/slsServer';
import type { Harness } from './harness';
import { harnessStart, shot } from './harness';
import { slsProfileCreate } from './slsSteps';

const token = 'e2e-live-hec-token-2222-3333';
let h: Harness;
let sls: SlsTestServer;
let hec: HecServer;

beforeAll(async () => {
  [h, sls] = await Promise.all([harnessStart(), startSlsTestServer({ taskCount: 0 })]);
  consumerGroupShardsSeed(sls.state.consumerGroups);
  hec = new HecServer(token);
});
afterAll(async () => {
  await hec?.stop();
  await sls?.close();
  await h?.close();
});

describe('forward view, live source', () => {
  it('consumes the Logstore by consumer group into HEC, shows the counters, and Stop leaves every shard checkpointed', async () => {
    const host = await hec.start();
    const page = await h.page();
    await slsProfileCreate(page, sls);
    await page.getByRole('button', { name: en['nav.forward'] }).click();
    await page.getByTestId('forward-sourceKind').selectOption('live');
    await page.getByTestId('forward-liveProfile').fill('sls-test');
    await page.getByTestId('forward-liveLogstore').fill('app-log');
    await page.getByTestId('forward-consumerGroup').fill('e2e-siem');
    await page.getByTestId('forward-sinkTo').fill(`hec://${host}`);
    await page.getByTestId('forward-token').fill(token);
    await page.getByTestId('forward-sourcetype').fill('sls');
    await page.getByTestId('forward-start').click();
    // Still running (Stop enabled) while the counters reach every log of both shards (the
    // second shard is pulled after the next heartbeat assigns it: wait up to a minute).
    await expect
      .poll(() => page.getByTestId('forward-counters').textContent(), { timeout: 60_000 })
      .toBe('Read 3 · outside the window 0 · sent 3 · acknowledged 3 · retried 0 · dead-lettered 0');
    expect(await page.getByTestId('forward-stop').isEnabled()).toBe(true);
    const group = (): Map<number, { checkpoint: string }> | undefined =>
      sls.state.consumerGroups.groups.get('app-log')?.get('e2e-siem')?.checkpoints;
    await expect
      .poll(() => [group()?.get(0)?.checkpoint, group()?.get(1)?.checkpoint], { timeout: 60_000 })
      .toEqual([cgCursor(1), cgCursor(1)]);
    await shot(page, 'forward-live-running');
    await page.getByTestId('forward-stop').click();
    await page.getByTestId('forward-live-done').waitFor();
    expect(await page.getByTestId('forward-live-done').textContent()).toBe(
      `Stopped; every acknowledged event is checkpointed in the consumer group (project ${sls.project}, shards 0, 1).`,
    );
    expect(await page.getByTestId('forward-counters').textContent()).toBe(
      'Read 3 · outside the window 0 · sent 3 · acknowledged 3 · retried 0 · dead-lettered 0',
    );
    expect(await page.getByTestId('forward-start').isEnabled()).toBe(true);
    const delivered = hec.events.map((e) => {
      const event = e.event as Record<string, unknown>;
      return [event.user, e.time, e.host, e.source, e.sourcetype];
    });
    expect(delivered.sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
      ['alice', 1700000000, '10.0.0.1', `${sls.project}/app-log`, 'sls'],
      ['bob', 1700000001, '10.0.0.1', `${sls.project}/app-log`, 'sls'],
      ['carol', 1700000002, undefined, `${sls.project}/app-log`, 'sls'],
    ]);
    // The group exists in the service, under the name given.
    expect([...(sls.state.consumerGroups.groups.get('app-log')?.keys() ?? [])]).toEqual(['e2e-siem']);
  });
});
