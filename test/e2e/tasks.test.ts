/**
 * Log Service tasks end to end (issue 9 item 7), browser mode: the sample bucket as a local folder
 * plus the Log Service test server seeded with the sample's three rules. A failed task's gap shows
 * its error, retry turns it running then success, and the partition then lists the new object.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { objectKeyBuild } from '../../core/shipping/objectKey';
import { sampleTaskTimeNs } from '../../main/sample/sampleBucket';
import { sampleIntervalSec, sampleRuleSpecs, sampleStartSec } from '../../main/sample/sampleRules';
import { startSlsTestServer } from '../servers/slsServer';
import type { SlsTestServer } from '../servers/slsServer';
import type { Harness } from './harness';
import { harnessStart, listingDone, shot } from './harness';
import { slsProfileCreate, slsTasksOpen } from './slsSteps';

let h: Harness;
let sls: SlsTestServer;
const written: string[] = [];

const spec = sampleRuleSpecs[0];
if (!spec || spec.rule.name !== 'nginx-access-json') throw new Error('sample rule order changed');
/** The first missing slot of the JSON rule: 2026-11-23 08:20:43 +08:00, its task failed with Unauthorized. */
const slot = spec.missingSlots[0] ?? 0;
const folder = 'nginx-access-json/2026/11/23/08/';
const newKey = objectKeyBuild(spec.rule, sampleTaskTimeNs(spec, slot), spec.taskNumberBase + slot);

beforeAll(async () => {
  [h, sls] = await Promise.all([harnessStart(), startSlsTestServer({ withSampleRules: true })]);
  // Retried tasks run for a while, then succeed; success writes the object, as Log Service would.
  sls.state.retryMode = { successAfterMs: 2500 };
  sls.state.onTaskSuccess = (_logstore, shipper, task) => {
    const ruleSpec = sampleRuleSpecs.find((s) => s.rule.name === shipper);
    if (!ruleSpec) return;
    const taskSlot = (task.taskCreateTime - ruleSpec.taskOffsetSec - sampleStartSec) / sampleIntervalSec;
    const key = objectKeyBuild(ruleSpec.rule, sampleTaskTimeNs(ruleSpec, taskSlot), ruleSpec.taskNumberBase + taskSlot);
    mkdirSync(dirname(join(h.bucketDir, key)), { recursive: true });
    writeFileSync(join(h.bucketDir, key), `{"__time__":"${task.taskCreateTime}","status":"200"}\n`);
    written.push(key);
  };
});
afterAll(async () => {
  await Promise.all([h?.close(), sls?.close()]);
});

const profileCreate = (page: Page): Promise<void> => slsProfileCreate(page, sls);
const tasksOpen = slsTasksOpen;

const taskRow = (page: Page, createdText: string) => page.locator('[data-testid="task-row"]').filter({ hasText: createdText });

describe('shipping tasks beside the gap timeline', () => {
  it("shows a failed task's error on its gap, retries it, and lists the object it then writes", async () => {
    const page = await h.page();
    page.setDefaultTimeout(30_000);
    await profileCreate(page);
    await tasksOpen(page);
    expect(await page.locator('[data-stat="fail"]').textContent()).toBe('● Failed 3');
    expect(await page.locator('[data-testid="task-row"]').count()).toBe(576);
    const row = taskRow(page, '2026-11-23 08:20:43');
    expect(await row.getAttribute('data-status')).toBe('fail');
    expect(await row.locator('.task-message strong').textContent()).toBe('Unauthorized');
    expect(await row.getByTestId('task-advice').textContent()).toContain('RAM role');
    // Each task's type is its rule's target (GetShipper's targetType `oss`).
    const typeHeader = page.locator('[data-testid="task-table"] thead th').nth(2);
    expect(await typeHeader.textContent()).toBe('Type');
    expect(await row.getByTestId('task-type').textContent()).toBe('OSS');
    expect(await page.locator('[data-testid="task-type"][data-type="oss"]').count()).toBe(576);
    await page.getByTestId('language').selectOption('zh-CN');
    expect(await row.getByTestId('task-advice').textContent()).toContain('RAM 角色');
    expect(await row.locator('.badge').textContent()).toBe('失败');
    expect(await typeHeader.textContent()).toBe('类型');
    expect(await row.getByTestId('task-type').textContent()).toBe('OSS');
    await page.getByTestId('language').selectOption('en');
    await page.getByTestId('tasks-filter').selectOption('fail');
    expect(await page.locator('[data-testid="task-row"]').count()).toBe(3);
    await shot(page, 't1-tasks-failed');

    // The gap in the partition names its task's error.
    await row.getByTestId('task-partition').click();
    await listingDone(page, folder);
    expect(await page.getByTestId('listing-status').textContent()).toContain('9 objects');
    const marks = page.getByTestId('gap-task-marks');
    await marks.waitFor();
    expect(await marks.locator('li[data-kind="fail"]').count()).toBe(3);
    expect(await marks.locator('li').first().textContent()).toContain('08:20:43 · task failed: Unauthorized');
    expect(await page.locator('[data-testid="gap-timeline"] g[data-task-mark="fail"]').count()).toBe(3);
    await shot(page, 't2-gap-failed-task');

    // Retry it: confirmation, a result per task, then running.
    await page.locator('[data-view="tasks"]').click();
    await row.getByTestId('task-retry').click();
    await page.getByTestId('retry-confirm').click();
    expect(await page.getByTestId('retry-summary').textContent()).toBe('1 task(s) retried, 0 refused.');
    expect(await page.locator('[data-testid="retry-results"] li[data-ok="true"]').count()).toBe(1);
    await shot(page, 't3-retry-result');
    await page.getByTestId('retry-close').click();
    await page.getByTestId('tasks-filter').selectOption('running');
    await row.and(page.locator('[data-status="running"]')).waitFor();
    await shot(page, 't4-task-running');
    await page.getByTestId('tasks-filter').selectOption('');

    // Log Service finishes it; a refresh shows success.
    // Poll as a user would, with a deadline (the server finishes it 2.5 s after the retry).
    for (const deadline = Date.now() + 45_000; Date.now() < deadline && (await row.getAttribute('data-status')) !== 'success';) {
      await page.waitForTimeout(250);
      await page.getByTestId('tasks-refresh').click();
      await page.getByTestId('tasks-refresh').and(page.locator(':enabled')).waitFor();
    }
    expect(await row.getAttribute('data-status')).toBe('success');
    expect(written).toEqual([newKey]);

    // The partition now lists the new object; its gap no longer carries a failed task.
    await row.getByTestId('task-partition').click();
    await page.locator(`.vrow[data-key="${newKey}"]`).waitFor();
    await listingDone(page, folder);
    expect(await page.getByTestId('listing-status').textContent()).toContain('10 objects');
    expect(await page.getByTestId('gap-task-marks').locator('li[data-kind="fail"]').count()).toBe(2);
    expect(newKey.startsWith(folder)).toBe(true);
    await shot(page, 't5-partition-new-object');
  });
});

describe('Log Service errors in the Tasks view', () => {
  it('shows the message and what to do for a wrong secret typed inline', async () => {
    const page = await h.page();
    page.setDefaultTimeout(30_000);
    await page.locator('[data-view="tasks"]').click();
    await page.getByTestId('sls-profile').selectOption('');
    await page.getByTestId('sls-project').fill(sls.project);
    await page.getByTestId('sls-endpoint').fill(sls.endpoint);
    await page.getByTestId('sls-accessKeyId').fill(sls.accessKeyId);
    await page.getByTestId('sls-accessKeySecret').fill('wrong-secret');
    await page.getByTestId('sls-load-logstores').click();
    const alert = page.locator('.error-box[data-code="AUTH_FAILED"]');
    await alert.waitFor();
    expect(await alert.locator('.error-hint').textContent()).toContain('Check the AccessKey ID and secret');
    await shot(page, 't6-auth-error');
  });
});
