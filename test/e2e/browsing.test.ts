/**
 * Browsing and state (issue 18): the URL history, the page without its token, a decompressed
 * file opened as a table without moving the session's bucket, the Tasks view in the app's words,
 * files dropped on the window, object actions, recent locations.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../renderer/i18n';
import { startSlsTestServer } from '../servers/slsServer';
import type { SlsTestServer } from '../servers/slsServer';
import type { Harness } from './harness';
import { harnessStart, listingDone, outputDirSet, shot } from './harness';

let h: Harness;
let sls: SlsTestServer;

beforeAll(async () => {
  [h, sls] = await Promise.all([harnessStart(), startSlsTestServer({ withSampleRules: true })]);
  // Downloads go to the settings' output folder: this run's temp folder, never ~/Downloads.
  await outputDirSet(h, join(h.tempDir, 'downloads'));
});
afterAll(async () => {
  await Promise.all([h?.close(), sls?.close()]);
});

/** JSON lines compressed by python3-snappy (an independent writer). */
function snappyJsonLines(lines: number): { original: Buffer; compressed: Buffer } {
  const original = Buffer.from(
    Array.from({ length: lines }, (_, i) => JSON.stringify({ id: `a${i}`, msg: `line ${i}` })).join('\n') + '\n',
  );
  const compressed = execFileSync(
    '/usr/bin/python3',
    ['-c', 'import sys, snappy; sys.stdout.buffer.write(snappy.compress(sys.stdin.buffer.read()))'],
    { input: original },
  );
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
    await page
      .getByTestId('decompress-input')
      .setInputFiles({ name: '19_1484913043351525351_2850009.snappy', mimeType: 'application/octet-stream', buffer: compressed });
    const item = page.locator('[data-testid="decode-item"][data-status="done"]');
    await item.waitFor();
    await item.getByRole('button', { name: translate('en', 'decompress.openTable') }).click();
    await page.locator('[data-testid="data-table"] [role="gridcell"]').first().waitFor();
    expect(await page.getByTestId('inspect-key').textContent()).toBe(join(h.outDir, '19_1484913043351525351_2850009.json'));
    expect(await page.locator('[data-testid="data-table"] [role="row"][aria-rowindex="1"] [role="gridcell"]').allTextContents()).toEqual([
      'a0',
      'line 0',
    ]);
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

describe("Tasks in the app's words", () => {
  it('says where to type a missing project (no CLI hint) and shows a busy state while Log Service answers', async () => {
    const page = await h.page();
    await page.locator('[data-view="tasks"]').click();
    await page.getByTestId('sls-load-logstores').click();
    const error = page.locator('[role="alert"][data-code="INVALID_ARGUMENT"]');
    await error.waitFor();
    expect(await error.locator('.error-message').textContent()).toBe(translate('en', 'tasks.noProject'));
    expect(await error.locator('.error-hint').textContent()).toBe(
      `${translate('en', 'common.hint')}: ${translate('en', 'tasks.noProjectHint')}`,
    );
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

/** Drop a file on an element as the browser would (a DataTransfer holding one File). */
async function fileDrop(page: Page, selector: string, name: string, bytes: Buffer): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ fileName, base64 }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], fileName));
      return transfer;
    },
    { fileName: name, base64: bytes.toString('base64') },
  );
  await page.dispatchEvent(selector, 'dragover', { dataTransfer });
  await page.dispatchEvent(selector, 'drop', { dataTransfer });
}

const firstRow = (page: Page) => page.locator('[data-testid="data-table"] [role="row"][aria-rowindex="1"] [role="gridcell"]');

describe('files dropped anywhere on the window', () => {
  it('opens a DuckDB Parquet file dropped on Browse, and a .json dropped on Decompress, as tables', async () => {
    const dir = join(h.tempDir, 'drops');
    mkdirSync(dir, { recursive: true });
    const parquetPath = join(dir, 'dropped.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(
      `COPY (SELECT 'host-' || i::VARCHAR AS host, i * 7 AS n FROM range(3) t(i)) TO '${parquetPath}' (FORMAT PARQUET, COMPRESSION SNAPPY)`,
    );
    connection.closeSync();
    const page = await h.page();
    await listingDone(page, '');
    await fileDrop(page, '[data-testid="app"]', 'dropped.parquet', readFileSync(parquetPath));
    await firstRow(page).first().waitFor();
    expect(await page.getByTestId('inspect-key').textContent()).toBe('dropped.parquet');
    expect(await page.locator('[data-testid="data-table"] [role="columnheader"]').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('host'), expect.stringContaining('n')]),
    );
    expect(await firstRow(page).allTextContents()).toEqual(['host-0', '0']);
    await shot(page, 'h3-dropped-parquet');

    await page.locator('[data-view="decompress"]').click();
    await fileDrop(page, '[data-testid="dropzone"]', 'events.json', Buffer.from('{"a":"x1","b":"y1"}\n{"a":"x2","b":"y2"}\n'));
    await page.getByTestId('inspect-key').filter({ hasText: 'events.json' }).waitFor();
    await firstRow(page).first().waitFor();
    expect(await firstRow(page).allTextContents()).toEqual(['x1', 'y1']);
    expect(await page.locator('[data-code="NOT_SNAPPY"]').count()).toBe(0);
    expect(await page.getByTestId('header-location').textContent()).toBe(h.bucketDir);
  });
});

describe('object actions in Browse', () => {
  it("copies the object's path and key and downloads it with the exact bytes (asking before replacing)", async () => {
    const page = await h.page();
    const origin = new URL(h.server.url).origin;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await listingDone(page, '');
    const folder = 'nginx-access-json/2026/11/23/08/';
    await page.goto(`${origin}/#/browse/${folder}`);
    await listingDone(page, folder);
    const object = page.locator(`.vrow[data-key^="${folder}"]:not([data-key$="/"])`).first();
    const key = (await object.getAttribute('data-key')) ?? '';
    await object.click();
    await page.getByTestId('copy-url').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${h.bucketDir}/${key}`);
    await page.getByTestId('copy-key').click();
    await page.getByText(translate('en', 'common.copied')).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);

    await page.getByTestId('download-object').click();
    const done = page.getByTestId('download-done');
    await done.waitFor();
    const expected = readFileSync(join(h.bucketDir, key));
    const match = /^Saved (.+) \(([\d,]+) bytes\)$/.exec((await done.textContent()) ?? '');
    expect(match?.[2]).toBe(expected.length.toLocaleString('en-US'));
    const path = match?.[1] ?? '';
    expect(path).toBe(join(h.tempDir, 'downloads', basename(key)));
    expect(Buffer.compare(readFileSync(path), expected)).toBe(0);
    await shot(page, 'h4-object-actions');

    writeFileSync(path, 'changed');
    await page.getByTestId('download-object').click();
    await page.locator('[data-testid="object-actions"] [data-code="FILE_EXISTS"]').waitFor();
    expect(readFileSync(path, 'utf8')).toBe('changed');
    await page.getByTestId('download-replace').click();
    await done.waitFor();
    expect(Buffer.compare(readFileSync(path), expected)).toBe(0);
  });
});

describe('browsing across partition folders', () => {
  it('lists every object of a day across its hour and minute folders in one list, named by their path below', async () => {
    const page = await h.page();
    const origin = new URL(h.server.url).origin;
    await listingDone(page, '');
    const day = 'nginx-access-json/2026/11/23/';
    const expected = readdirSync(join(h.bucketDir, day), { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => relative(join(h.bucketDir, day), join(d.parentPath, d.name)))
      .sort();
    expect(expected.length).toBeGreaterThan(24);
    await page.goto(`${origin}/#/browse/${day}`);
    await listingDone(page, day);
    await page.getByTestId('browse-recursive').check();
    await page
      .locator(`[data-testid="listing-status"][data-state="done"][data-prefix="${day}"]`)
      .filter({ hasText: `${expected.length.toLocaleString('en-US')} objects · 0 folders` })
      .waitFor();
    const first = page.locator(`.vrow[data-key="${day}${expected[0]}"] [role="gridcell"]`).first();
    expect(await first.textContent()).toBe(expected[0]);
    await shot(page, 'h6-recursive-day');
    await page.getByTestId('browse-recursive').uncheck();
    await page
      .locator(`[data-testid="listing-status"][data-state="done"][data-prefix="${day}"]`)
      .filter({ hasText: '0 objects · ' })
      .waitFor();
  });
});

describe('objects of a log-time range', () => {
  it("lists the planner's partitions for a range as one list", async () => {
    const page = await h.page();
    const origin = new URL(h.server.url).origin;
    await listingDone(page, '');
    const hour = 'nginx-access-json/2026/11/23/08/';
    await page.goto(`${origin}/#/browse/${hour}`);
    await listingDone(page, hour);
    await page.locator(`.vrow[data-key^="${hour}"]`).first().click();
    const panel = page.getByTestId('time-range');
    await panel.getByLabel(translate('en', 'browse.from'), { exact: true }).fill('2026-11-23 08:00');
    await panel.getByLabel(translate('en', 'browse.to'), { exact: true }).fill('2026-11-23 10:00');
    const planned = await panel.locator('.plan-list button').allTextContents();
    expect(planned.length).toBeGreaterThan(1);
    const keys = readdirSync(join(h.bucketDir, 'nginx-access-json'), { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => `nginx-access-json/${relative(join(h.bucketDir, 'nginx-access-json'), join(d.parentPath, d.name))}`)
      .filter((key) => planned.some((p) => key.startsWith(p)));
    expect(keys.length).toBeGreaterThan(12);
    await panel.getByTestId('range-list').click();
    await page
      .locator('[data-testid="listing-status"][data-state="done"]')
      .filter({ hasText: `${keys.length.toLocaleString('en-US')} objects · 0 folders` })
      .waitFor();
    expect(await page.getByTestId('browse-recursive').isChecked()).toBe(true);
    await shot(page, 'h8-range-list');
  });
});

describe('jump to the partition of a time', () => {
  it('opens the folder the partition format gives for a typed time', async () => {
    const page = await h.page();
    const origin = new URL(h.server.url).origin;
    await listingDone(page, '');
    const hour = 'nginx-access-json/2026/11/23/08/';
    await page.goto(`${origin}/#/browse/${hour}`);
    await listingDone(page, hour);
    await page.locator(`.vrow[data-key^="${hour}"]`).first().click();
    await page.getByTestId('go-to-time').fill('2026-11-24 03:17');
    await page.getByTestId('go-to-time').press('Enter');
    await listingDone(page, 'nginx-access-json/2026/11/24/03/');
    const names = readdirSync(join(h.bucketDir, 'nginx-access-json/2026/11/24/03/'));
    await page
      .locator('[data-testid="listing-status"][data-state="done"]')
      .filter({ hasText: `${names.length} objects · 0 folders` })
      .waitFor();
    expect(new URL(page.url()).hash).toBe('#/browse/nginx-access-json/2026/11/24/03/');
  });
});

describe('partition tree', () => {
  it('expands year, month and day lazily and browses the hour folder chosen in it', async () => {
    const page = await h.page();
    await listingDone(page, '');
    await page.locator('[data-key="nginx-access-json/"]').click();
    await listingDone(page, 'nginx-access-json/');
    const tree = page.getByTestId('partition-tree');
    const item = (prefix: string) => tree.locator(`[role="treeitem"][data-prefix="${prefix}"]`);
    let prefix = 'nginx-access-json/';
    for (const part of ['2026/', '11/', '23/']) {
      await item(prefix).getByTestId('tree-toggle').first().click();
      expect(await item(prefix).getAttribute('aria-expanded')).toBe('true');
      prefix += part;
      await item(prefix).waitFor();
    }
    const hours = readdirSync(join(h.bucketDir, prefix))
      .sort()
      .map((hour) => `${prefix}${hour}/`);
    await item(prefix).getByTestId('tree-toggle').first().click();
    await item(hours[hours.length - 1] ?? '').waitFor();
    expect(
      await item(prefix)
        .locator(':scope > ul > [role="treeitem"]')
        .evaluateAll((items) => items.map((i) => i.getAttribute('data-prefix'))),
    ).toEqual(hours);
    await shot(page, 'h7-partition-tree');
    await item(`${prefix}08/`).getByTestId('tree-browse').first().click();
    await listingDone(page, `${prefix}08/`);
    expect(await item(`${prefix}08/`).getAttribute('aria-selected')).toBe('true');
  });
});

describe('downloading a partition', () => {
  it('downloads every object of an hour folder with exact bytes and keeps files already there', async () => {
    const page = await h.page();
    const origin = new URL(h.server.url).origin;
    await listingDone(page, '');
    const hour = 'nginx-access-json/2026/11/23/10/';
    const names = readdirSync(join(h.bucketDir, hour)).sort();
    expect(names.length).toBeGreaterThan(5);
    await page.goto(`${origin}/#/browse/${hour}`);
    await listingDone(page, hour);
    await page.getByTestId('download-listed').click();
    const done = page.getByTestId('download-listed-done');
    await done.waitFor();
    const match = /^(\d+) saved to (.+); (\d+) already there \(kept\); (\d+) failed\.$/.exec((await done.textContent()) ?? '');
    expect([match?.[1], match?.[3], match?.[4]]).toEqual([String(names.length), '0', '0']);
    const dir = match?.[2] ?? '';
    expect(dir).toBe(join(h.tempDir, 'downloads'));
    for (const name of names) expect(Buffer.compare(readFileSync(join(dir, name)), readFileSync(join(h.bucketDir, hour, name)))).toBe(0);
    await page.getByTestId('download-listed').click();
    await done.filter({ hasText: `0 saved to —; ${names.length} already there (kept); 0 failed.` }).waitFor();
  });
});

describe('recent locations on the Connect view', () => {
  it('lists folders with their last folder, reopens one there, and restores the last location in a fresh tab', async () => {
    // One context for two tabs: they share localStorage, as tabs of one browser do.
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 760 } });
    const page = await context.newPage();
    await page.goto(h.server.url);
    await listingDone(page, '');
    await page.locator('[data-key="nginx-access-csv/"]').click();
    await listingDone(page, 'nginx-access-csv/');
    await page.locator('[data-view="connect"]').click();
    const bucketItem = page.locator(`[data-testid="recent-item"][data-label="${h.bucketDir}"]`);
    expect(await bucketItem.getByTestId('recent-prefix').textContent()).toBe('/nginx-access-csv/');

    const other = join(h.tempDir, 'other-folder');
    mkdirSync(join(other, 'logs'), { recursive: true });
    await page.getByTestId('local-path').fill(other);
    await page.getByTestId('local-path').press('Enter');
    await listingDone(page, '');
    expect(await page.getByTestId('header-location').textContent()).toBe(other);
    await page.locator('[data-view="connect"]').click();
    expect(
      await page.locator('[data-testid="recent-item"]').evaluateAll((items) => items.map((i) => i.getAttribute('data-label'))),
    ).toEqual([other, h.bucketDir]);
    await shot(page, 'h5-recent');
    await bucketItem.getByTestId('recent-open').click();
    await listingDone(page, 'nginx-access-csv/');
    expect(await page.getByTestId('header-location').textContent()).toBe(h.bucketDir);

    const tab = await context.newPage();
    await tab.goto(h.server.url);
    await listingDone(tab, 'nginx-access-csv/');
    expect(new URL(tab.url()).hash).toBe('#/browse/nginx-access-csv/');
    await context.close();
  });
});
