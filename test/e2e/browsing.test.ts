/**
 * Browsing and state (issue 18): the URL history, the page without its token, a decompressed
 * file opened as a table without moving the session's bucket, the Tasks view in the app's words.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../renderer/i18n';
import { startSlsTestServer } from '../servers/slsServer';
import type { SlsTestServer } from '../servers/slsServer';
import type { Harness } from './harness';
import { harnessStart, listingDone, shot } from './harness';

let h: Harness;
let sls: SlsTestServer;

beforeAll(async () => {
  [h, sls] = await Promise.all([harnessStart(), startSlsTestServer({ withSampleRules: true })]);
});
afterAll(async () => {
  await Promise.all([h?.close(), sls?.close()]);
});

/** JSON lines compressed by python3-snappy (an independent writer). */
function snappyJsonLines(lines: number): { original: Buffer; compressed: Buffer } {
  const original = Buffer.from(Array.from({ length: lines }, (_, i) => JSON.stringify({ id: `a${i}`, msg: `line ${i}` })).join('\n') + '\n');
  const compressed = execFileSync('/usr/bin/python3', ['-c', 'import sys, snappy; sys.stdout.buffer.write(snappy.compress(sys.stdin.buffer.read()))'], { input: original });
  return { original, compressed };
}

describe('the URL without its token', () => {
  it('shows one page saying how to get a valid link, not the app with an UNAUTHORIZED box', async () => {
    const page = await h.browser.newPage();
    await page.goto(new URL('/', h.server.url).href);
    const tokenPage = page.getByTestId('token-page');
    await tokenPage.waitFor();
    await shot(page, 'h1-token-page');
    expect(await tokenPage.locator('h1').textContent()).toBe(translate('en', 'token.title'));
    expect(await tokenPage.textContent()).toContain('shiplens serve');
    expect(await page.locator('[data-view]').count()).toBe(0);
    expect(await page.locator('[data-code="UNAUTHORIZED_CALLER"]').count()).toBe(0);
    await page.close();
  });
});

describe('views and folders in the URL history', () => {
  it('Back and Forward move between folders and views inside the app; a reload keeps the folder', async () => {
    const page = await h.page();
    const origin = new URL(h.server.url).origin;
    await listingDone(page, '');
    expect(new URL(page.url()).hash).toBe('#/browse/');
    await page.locator('[data-key="nginx-access-json/"]').click();
    await listingDone(page, 'nginx-access-json/');
    expect(new URL(page.url()).hash).toBe('#/browse/nginx-access-json/');
    await page.locator('[data-view="tasks"]').click();
    expect(new URL(page.url()).hash).toBe('#/tasks');
    await page.goBack();
    await listingDone(page, 'nginx-access-json/');
    expect(await page.locator('[data-view="browse"]').getAttribute('aria-current')).toBe('page');
    await page.goBack();
    await listingDone(page, '');
    expect(page.url()).toBe(`${origin}/#/browse/`);
    await page.goForward();
    await listingDone(page, 'nginx-access-json/');
    await page.reload();
    await listingDone(page, 'nginx-access-json/');
    expect(page.url()).toBe(`${origin}/#/browse/nginx-access-json/`);
  });
});

describe('decompress, then open as table', () => {
  it('opens the decoded file as a table and leaves the session on its bucket (a fresh tab too)', async () => {
    const { compressed } = snappyJsonLines(30);
    const page = await h.page();
    await listingDone(page, '');
    await page.locator('[data-view="decompress"]').click();
    await page.getByTestId('decompress-out-dir').fill(h.outDir);
    await page.getByTestId('decompress-input').setInputFiles({ name: '19_1484913043351525351_2850009.snappy', mimeType: 'application/octet-stream', buffer: compressed });
    const item = page.locator('[data-testid="decode-item"][data-status="done"]');
    await item.waitFor();
    await item.getByRole('button', { name: translate('en', 'decompress.openTable') }).click();
    await page.locator('[data-testid="data-table"] [role="gridcell"]').first().waitFor();
    expect(await page.getByTestId('inspect-key').textContent()).toBe(join(h.outDir, '19_1484913043351525351_2850009.json'));
    expect(await page.locator('[data-testid="data-table"] [role="row"][aria-rowindex="1"] [role="gridcell"]').allTextContents()).toEqual(['a0', 'line 0']);
    expect(await page.getByTestId('header-location').textContent()).toBe(h.bucketDir);
    await page.locator('[data-view="browse"]').click();
    await listingDone(page, '');
    expect(await page.locator('[data-key="nginx-access-json/"]').count()).toBe(1);
    const fresh = await h.page();
    await listingDone(fresh, '');
    expect(await fresh.getByTestId('header-location').textContent()).toBe(h.bucketDir);
    expect(await fresh.locator('[data-key="nginx-access-json/"]').count()).toBe(1);
  });
});

describe('Tasks in the app\'s words', () => {
  it('says where to type a missing project (no CLI hint) and shows a busy state while Log Service answers', async () => {
    const page = await h.page();
    await page.locator('[data-view="tasks"]').click();
    await page.getByTestId('sls-load-logstores').click();
    const error = page.locator('[role="alert"][data-code="INVALID_ARGUMENT"]');
    await error.waitFor();
    expect(await error.locator('.error-message').textContent()).toBe(translate('en', 'tasks.noProject'));
    expect(await error.locator('.error-hint').textContent()).toBe(`${translate('en', 'common.hint')}: ${translate('en', 'tasks.noProjectHint')}`);
    expect(await error.textContent()).not.toContain('Pass');

    await page.getByTestId('sls-project').fill(sls.project);
    await page.getByTestId('sls-endpoint').fill(sls.endpoint);
    await page.getByTestId('sls-accessKeyId').fill(sls.accessKeyId);
    await page.getByTestId('sls-accessKeySecret').fill(sls.accessKeySecret);
    // The next answer waits 3 s: the panel must say it is waiting meanwhile.
    sls.state.faults.hang = 1;
    sls.state.faults.hangMs = 3000;
    await page.getByTestId('sls-load-logstores').click();
    const busy = page.getByRole('progressbar', { name: translate('en', 'tasks.busy') });
    await busy.waitFor();
    expect(await page.getByRole('region', { name: translate('en', 'tasks.target') }).getAttribute('aria-busy')).toBe('true');
    await shot(page, 'h2-tasks-busy');
    await page.locator('[data-testid="sls-logstore"] option[value="nginx-access"]').waitFor({ state: 'attached' });
    expect(await busy.count()).toBe(0);
    expect(await page.locator('[role="alert"]').count()).toBe(0);
  });
});
