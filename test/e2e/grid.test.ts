/**
 * The grid as a daily tool (issue 18), browser mode: values sorted and filtered by value, copy
 * (Ctrl+C, TSV/JSON), a popover whose text can be selected, sideways scrolling with the keys,
 * hide/reorder/fit columns, Ctrl+F, row details as a tree, epoch columns as times, narrow windows.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../renderer/i18n/en';
import type { Harness } from './harness';
import { harnessStart, listingDone, shot } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await harnessStart();
});
afterAll(async () => {
  await h?.close();
});

// Log Service ships every JSON field as a string: sizes in text order are the defect's order.
const sizes = ['0', '1648', '1805', '204020', '207011', '229004', '37273'];
const long = 'GET /api/v1/objects?prefix=nginx-access-json/2026/11/23/00/&max-keys=1000 HTTP/1.1';
const extra = Array.from({ length: 14 }, (_, i) => `c${i + 1}`);
const lines = sizes.map((size, i) => ({
  __time__: String(1764000000 + i * 60),
  '__tag__:__hostname__': `web-${i}`,
  size,
  body: i === 0 ? '{"user":{"id":7,"roles":["a","b"]}}' : `plain ${i}`,
  ref: i === 1 ? null : i === 2 ? '' : `r${i}`,
  msg: i === 3 ? long : `m${i}`,
  ...Object.fromEntries(extra.map((c) => [c, `${c}-${i}`])),
}));

// Sort and filter run over the whole object (table.query) and answer asynchronously.
const settled = { timeout: 30_000, interval: 100 };

const column = (page: Page, name: string) => page.locator(`[data-testid="data-table"] [role="gridcell"][data-column="${name}"]`);
const headers = (page: Page) =>
  page.locator('[data-testid="data-table"] [role="columnheader"]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-column')));

async function openGridFile(page: Page): Promise<void> {
  await listingDone(page, '');
  await page.locator('[data-key="grid-e2e.json"]').click();
  await page.getByTestId('open-object').click();
  await column(page, 'size').first().waitFor();
}

async function clipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

beforeAll(() => {
  writeFileSync(join(h.bucketDir, 'grid-e2e.json'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
});

describe('grid values', () => {
  it('sorts and filters Log Service number strings by value, keeping the text and null vs ""', async () => {
    const page = await h.page();
    await openGridFile(page);
    await page.locator('[role="columnheader"][data-column="size"] button.sort').click();
    await expect
      .poll(() => column(page, 'size').allTextContents(), settled)
      .toEqual(['0', '1648', '1805', '37273', '204020', '207011', '229004']);
    await page.locator('[role="columnheader"][data-column="size"] button.sort').click();
    await expect
      .poll(() => column(page, 'size').allTextContents(), settled)
      .toEqual(['229004', '207011', '204020', '37273', '1805', '1648', '0']);
    await page.getByTestId('grid-filter').fill('size>=37273');
    await expect.poll(() => column(page, 'size').allTextContents(), settled).toEqual(['229004', '207011', '204020', '37273']);
    await page.getByTestId('grid-filter').fill('null');
    await expect.poll(() => column(page, 'size').allTextContents(), settled).toEqual(['1648']);
    await page.getByTestId('grid-filter').fill('');
    await page.locator('[role="columnheader"][data-column="__time__"] button.sort').click();
    // null in italics as the word, '' as nothing: the two never look alike.
    await expect
      .poll(() => column(page, 'ref').evaluateAll((cells) => cells.slice(0, 3).map((c) => c.innerHTML)), settled)
      .toEqual(['r0', '<span class="null">null</span>', `<span class="empty" title="''"></span>`]);
  });

  it('shows __time__ as a time in the zone, the raw value one toggle away', async () => {
    const page = await h.page();
    await openGridFile(page);
    // The settings' zone is Log Service's default +08:00: 2025-11-24T16:00:00Z is midnight there.
    expect(await page.getByTestId('times-toggle').locator('..').textContent()).toBe(` ${en['grid.timesIn'].replace('{zone}', '+08:00')}`);
    expect(await column(page, '__time__').first().textContent()).toBe('2025-11-25 00:00:00');
    expect(await column(page, '__time__').nth(1).getAttribute('title')).toBe('1764000060');
    await page.getByTestId('times-toggle').uncheck();
    expect(await column(page, '__time__').first().textContent()).toBe('1764000000');
  });
});

describe('grid copy and popover', () => {
  it('copies the active cell with Ctrl+C, a selection as TSV, a row as JSON', async () => {
    const page = await h.page();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(h.server.url).origin });
    await openGridFile(page);
    await column(page, 'size').nth(6).click();
    await page.keyboard.press('Control+C');
    expect(await clipboard(page)).toBe('37273');
    expect(await page.getByTestId('copy-status').textContent()).toBe('Copied Cell (5 characters)');
    // Shift+arrows extend the selection: size and body of rows 6 and 7.
    await column(page, 'size').nth(5).click();
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Control+C');
    expect(await clipboard(page)).toBe('229004\tplain 5\n37273\tplain 6');
    await column(page, 'ref').nth(1).click();
    await page.getByTestId('copy-menu').click();
    await page.locator('[data-copy="row-json"]').click();
    const row = JSON.parse(await clipboard(page)) as Record<string, unknown>;
    expect(row).toEqual(lines[1]);
    expect(row.ref).toBeNull();
  });

  it('keeps the long-cell popover open on a click inside so its text can be selected', async () => {
    const page = await h.page();
    await openGridFile(page);
    await column(page, 'msg').nth(3).click();
    const popover = page.getByTestId('cell-popover');
    await popover.waitFor();
    const text = popover.locator('.popover-text');
    await text.click({ clickCount: 3 });
    expect(await popover.count()).toBe(1);
    expect(await page.evaluate(() => window.getSelection()?.toString().trim())).toBe(long);
    await shot(page, 'g1-popover-selected');
    await page.getByTestId('grid-filter').click();
    await popover.waitFor({ state: 'detached' });
  });
});

describe('grid columns and keys', () => {
  it('scrolls sideways with ArrowRight, Ctrl+F finds the filter, columns hide, move and fit', async () => {
    const page = await h.page();
    await openGridFile(page);
    const table = page.getByTestId('data-table');
    await column(page, '__time__').first().click();
    expect(await table.evaluate((n) => n.scrollLeft)).toBe(0);
    for (let i = 0; i < 19; i++) await page.keyboard.press('ArrowRight');
    const last = column(page, 'c14').first();
    expect(await last.getAttribute('aria-selected')).toBe('true');
    const box = await table.boundingBox();
    const cell = await last.boundingBox();
    expect(await table.evaluate((n) => n.scrollLeft)).toBeGreaterThan(0);
    expect((cell?.x ?? 0) + (cell?.width ?? 0)).toBeLessThanOrEqual((box?.x ?? 0) + (box?.width ?? 0) + 1);
    expect(cell?.x ?? -1).toBeGreaterThanOrEqual(box?.x ?? 0);

    await page.keyboard.press('Control+F');
    expect(await page.getByTestId('grid-filter').evaluate((n) => n === document.activeElement)).toBe(true);

    await page.getByTestId('columns-menu').click();
    const panel = page.getByTestId('columns-panel');
    await panel.getByRole('checkbox', { name: en['grid.showColumn'].replace('{name}', 'body') }).uncheck();
    await panel.getByRole('button', { name: en['grid.moveLeft'].replace('{name}', 'size') }).click();
    expect((await headers(page)).slice(0, 5)).toEqual(['__time__', 'size', '__tag__:__hostname__', 'ref', 'msg']);
    const before = (await page.locator('[role="columnheader"][data-column="msg"]').boundingBox())?.width ?? 0;
    await panel.getByTestId('fit-all').click();
    const after = (await page.locator('[role="columnheader"][data-column="msg"]').boundingBox())?.width ?? 0;
    expect(before).toBe(180);
    expect(after).toBeGreaterThan(400);
    expect(await page.getByTestId('columns-menu').textContent()).toBe(`${en['grid.columns']} (1 hidden) ▾`);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
  });

  it('shows the selected row as a tree: __tag__ fields, JSON inside strings, null kept', async () => {
    const page = await h.page();
    await openGridFile(page);
    await column(page, 'size').first().click();
    await page.getByTestId('details-toggle').click();
    const detail = page.getByTestId('row-detail');
    expect(await detail.locator('li[data-path="__tag__.__hostname__"]').textContent()).toBe('__hostname__: web-0');
    expect(await detail.locator('li[data-path="body.user.id"]').textContent()).toBe('id: 7');
    expect(await detail.locator('li[data-path="body.user.roles.1"]').textContent()).toBe('1: b');
    await column(page, 'size').nth(1).click();
    expect(await detail.locator('li[data-path="ref"]').textContent()).toBe('ref: null');
    expect(await detail.locator('li[data-path="__time__"]').textContent()).toBe('__time__: 1764000060 (2025-11-25 00:01:00)');
    await shot(page, 'g2-row-detail');
  });
});

describe('grid in narrow and wide windows', () => {
  it('does not overflow at 800 and 1024 px; the schema panel grows at 1920 px and collapses', async () => {
    const page = await h.page();
    await openGridFile(page);
    for (const width of [800, 1024]) {
      await page.setViewportSize({ width, height: 700 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      const key = await page.getByTestId('inspect-key').boundingBox();
      expect((key?.x ?? 0) + (key?.width ?? 0)).toBeLessThanOrEqual(width);
      await shot(page, `g3-inspect-${width}`);
    }
    await page.setViewportSize({ width: 1920, height: 900 });
    await page.locator('[data-view="browse"]').click();
    await page.locator('[data-key="nginx-access-parquet/"]').click();
    await listingDone(page, 'nginx-access-parquet/');
    for (const level of ['year=', 'mon=', 'day=']) {
      const folder = page.locator(`.vrow[data-key*="/${level}"][data-key$="/"]`).first();
      const prefix = (await folder.getAttribute('data-key')) ?? '';
      await folder.click();
      await listingDone(page, prefix);
    }
    await page.locator('.vrow[data-key$=".parquet"]').first().click();
    await page.getByTestId('open-object').click();
    const schema = page.getByTestId('schema-panel');
    await schema.waitFor();
    expect((await schema.boundingBox())?.width ?? 0).toBeGreaterThan(480);
    await page.getByTestId('schema-toggle').click();
    await schema.waitFor({ state: 'detached' });
    await shot(page, 'g4-schema-collapsed');
  });
});

describe('export with a null marker', () => {
  it('writes the marker for null and nothing for "", every row of the object, and says so', async () => {
    const page = await h.page();
    await openGridFile(page);
    await page.getByTestId('grid-filter').fill('size>200000');
    await page.getByTestId('export-open').click();
    expect(await page.getByTestId('export-rows-note').textContent()).toBe(en['export.rowsNote']);
    await page.keyboard.press('Control+F');
    expect(await page.getByTestId('grid-filter').evaluate((n) => n === document.activeElement)).toBe(false);
    await page.getByTestId('export-out-dir').fill(h.outDir);
    await page.getByTestId('export-file-name').fill('grid-null.csv');
    await page.getByTestId('export-null-text').fill('NULL');
    await page.getByTestId('export-start').click();
    const done = page.getByTestId('export-done');
    await done.waitFor();
    // Every row (the filter kept 3), null as NULL, '' as nothing, RFC 4180 quoting written here.
    const field = (v: string | null) => (v === null ? 'NULL' : /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    const expected = [Object.keys(lines[0] ?? {}), ...lines.map((l) => Object.values(l))]
      .map((cells) => `${cells.map(field).join(',')}\r\n`)
      .join('');
    expect(readFileSync(join(h.outDir, 'grid-null.csv'), 'utf8')).toBe(expected);
    expect(expected.split('\r\n')[2]?.split(',').slice(0, 6)).toEqual(['1764000060', 'web-1', '1648', 'plain 1', 'NULL', 'm1']);
  });

  it('writes Parquet and JSON lines when chosen, the file name following the format', async () => {
    const page = await h.page();
    await openGridFile(page);
    await page.getByTestId('export-open').click();
    await page.getByTestId('export-out-dir').fill(h.outDir);
    await page.getByTestId('export-file-name').fill('grid-all.csv');
    await page.getByTestId('export-format').selectOption('parquet');
    expect(await page.getByTestId('export-file-name').inputValue()).toBe('grid-all.parquet');
    await page.getByTestId('export-start').click();
    await page.getByTestId('export-done').waitFor();
    const parquet = readFileSync(join(h.outDir, 'grid-all.parquet'));
    expect([parquet.subarray(0, 4).toString(), parquet.subarray(-4).toString()]).toEqual(['PAR1', 'PAR1']);
    await page.getByTestId('export-format').selectOption('jsonl');
    await page.getByTestId('export-start').click();
    await page.getByTestId('export-done').waitFor();
    const written = readFileSync(join(h.outDir, 'grid-all.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown);
    expect(written).toHaveLength(lines.length);
    expect(written[1]).toMatchObject({ __time__: 1764000060, size: '1648', ref: null, msg: 'm1' });
  });
});
