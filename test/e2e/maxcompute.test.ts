/**
 * The rule editor's MaxCompute tab (issue 17), browser mode: live validation naming JSON paths,
 * the next runs' windows, the table DDL and the RAM policies; and the Tasks view's link from an
 * `Unauthorized` task to the policy generator with the rule's fields filled in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlsTestServer } from '../servers/slsServer';
import type { SlsTestServer } from '../servers/slsServer';
import type { Harness } from './harness';
import { harnessStart, shot } from './harness';
import { slsProfileCreate, slsTasksOpen } from './slsSteps';

let h: Harness;
let sls: SlsTestServer;

beforeAll(async () => {
  [h, sls] = await Promise.all([harnessStart(), startSlsTestServer({ withSampleRules: true })]);
});
afterAll(async () => {
  await Promise.all([h?.close(), sls?.close()]);
});

describe('MaxCompute tab', () => {
  it('validates the job live, shows windows, table and policies, in English and Chinese', async () => {
    const page = await h.page();
    await page.locator('[data-view="rules"]').click();
    await page.locator('[data-tab="maxcompute"]').click();
    await page.getByTestId('mc-valid').waitFor();
    const job = JSON.parse((await page.getByTestId('mc-job-json').textContent()) ?? '') as {
      type: string;
      configuration: { reader: { parameter: { beginDateTime: string } } };
    };
    expect(job.type).toBe('job');
    expect(job.configuration.reader.parameter.beginDateTime).toBe('$[yyyymmddhh24miss-10/24/60]');
    expect(await page.locator('[data-testid="mc-run"]').count()).toBe(12);
    expect(await page.locator('[data-testid="mc-run"][data-seam="gap"]').count()).toBe(0);
    expect(await page.getByTestId('mc-overwrites').count()).toBe(0);
    await page.getByLabel('Overwrite the partition (truncate)').check();
    expect(await page.getByTestId('mc-overwrites').textContent()).toContain('overwrite the partition');
    expect(await page.getByTestId('mc-write-mode').textContent()).toContain('INSERT OVERWRITE');

    await page.getByTestId('mc-datasource').fill('1bad-name');
    expect(await page.getByTestId('mc-issues').textContent()).toBe(
      '$.configuration.reader.parameter.datasource: Data source name "1bad-name" is invalid: use letters, digits and "_", starting with a letter or "_".',
    );
    await page.getByTestId('language').selectOption('zh-CN');
    expect(await page.getByTestId('mc-issues').textContent()).toContain('数据源名称 "1bad-name" 无效');
    await page.getByTestId('language').selectOption('en');
    await page.getByTestId('mc-datasource').fill('loghub_app');

    // Runs only from 00:00 to 00:30: each day's last run and the next day's first leave a gap.
    await page.getByTestId('mc-stop').fill('00:30');
    await page.getByTestId('mc-every').fill('15m');
    await expect.poll(() => page.locator('[data-testid="mc-run"][data-seam="gap"]').count()).toBeGreaterThan(0);

    expect(await page.getByTestId('mc-table-sql').textContent()).toContain('PARTITIONED BY (`pt` STRING);');
    expect(await page.getByTestId('mc-write-mode').textContent()).toContain('INSERT OVERWRITE');
    expect(await page.getByTestId('mc-policy-issues-trust').textContent()).toBe('shippingAccountId: Account id "" is not 16 digits.');
    await page.getByTestId('mc-shippingAccountId').fill('1234567890123456');
    expect(await page.getByTestId('mc-policy-trust').locator('pre').textContent()).toContain('"1234567890123456@log.aliyuncs.com"');
    await shot(page, 'mc1-maxcompute-tab');
  });

  it("links an Unauthorized task on another account's role to the policy generator, filled in", async () => {
    const page = await h.page();
    page.setDefaultTimeout(30_000);
    await slsProfileCreate(page, sls);
    await slsTasksOpen(page);
    await page.getByTestId('tasks-filter').selectOption('fail');
    const row = page.locator('[data-testid="task-row"]').filter({ hasText: '2026-11-23 08:20:43' });
    const link = row.getByTestId('task-cross-account');
    expect(await link.textContent()).toBe(
      "The rule's role belongs to account 1234567890123456: set up its trust policy, OSS permission and ram:PassRole",
    );
    await link.click();
    await page.getByTestId('mc-tab').waitFor();
    expect(await page.getByTestId('mc-bucketAccountId').inputValue()).toBe('1234567890123456');
    expect(await page.getByTestId('mc-roleName').inputValue()).toBe('aliyunlogdefaultrole');
    expect(await page.getByTestId('mc-projects').inputValue()).toBe(sls.project);
    expect(await page.getByTestId('mc-policy-passrole').locator('pre').textContent()).toContain(
      '"Resource": "acs:ram::1234567890123456:role/aliyunlogdefaultrole"',
    );
    await shot(page, 'mc2-cross-account');
  });
});
