/** Browser steps shared by the e2e files that use the Log Service test server. */
import type { Page } from 'playwright-core';
import type { SlsTestServer } from '../servers/slsServer';

/** Save an OSS + Log Service profile named `sls-test` for the test server. */
export async function slsProfileCreate(page: Page, sls: SlsTestServer): Promise<void> {
  await page.locator('[data-view="connect"]').click();
  await page.getByRole('button', { name: 'New profile' }).click();
  await page.getByLabel('Profile name').fill('sls-test');
  await page.getByLabel('Bucket', { exact: true }).fill('shiplens-sample');
  await page.getByLabel('AccessKey ID').fill(sls.accessKeyId);
  await page.getByLabel('AccessKey secret').fill(sls.accessKeySecret);
  await page.getByLabel(/^Log Service endpoint/).fill(sls.endpoint);
  await page.getByLabel(/^Log Service project/).fill(sls.project);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText(`SLS: ${sls.project}`).waitFor();
}

/** Open Tasks, import the sample's nginx-access-json rule and load its two days of tasks. */
export async function slsTasksOpen(page: Page): Promise<void> {
  await page.locator('[data-view="tasks"]').click();
  await page.getByTestId('sls-profile').selectOption('sls-test');
  await page.getByTestId('sls-load-logstores').click();
  await page.locator('[data-testid="sls-logstore"] option[value="nginx-access"]').waitFor({ state: 'attached' });
  await page.getByTestId('sls-logstore').selectOption('nginx-access');
  await page.locator('[data-testid="sls-shipper"] option[value="nginx-access-json"]').waitFor({ state: 'attached' });
  await page.getByTestId('sls-shipper').selectOption('nginx-access-json');
  await page.getByTestId('sls-import').click();
  await page.getByTestId('sls-imported').waitFor();
  // The sample's two days, read in the header's zone (+08:00).
  await page.getByTestId('tasks-from').fill('2026-11-23 00:00');
  await page.getByTestId('tasks-to').fill('2026-11-25 00:00');
  await page.getByTestId('tasks-load').click();
  await page.getByTestId('task-table').waitFor();
}
