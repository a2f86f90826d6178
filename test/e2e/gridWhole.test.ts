/**
 * Whole-object sort, filter and "go to row", and the export of only the filtered/sorted rows
 * (issue 18, features 2 and 8), browser mode, over an object of more rows than the grid loads:
 * every expected value is computed here from the generated lines, not by the app.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../renderer/i18n';
import { tablePageSize } from '../../renderer/views/inspect/tableState';
import { slsJsonLines } from '../fixtures/genSnappy.mjs';
import type { Harness } from './harness';
import { harnessStart, listingDone, shot } from './harness';

let h: Harness;

// ~3,400 Log Service lines (every value but __time__ a string): far more than one loaded page.
const text = slsJsonLines(700_000, 18).toString('utf8');
const lines = text
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as Record<string, string | number>);
const latency = (i: number) => Number(lines[i]?.latency);
const indexes = lines.map((_, i) => i);
const byLatencyDesc = (a: number, b: number) => latency(b) - latency(a) || a - b;
const maxAt = indexes.reduce((best, i) => (latency(i) > latency(best) ? i : best), 0);
const failing = indexes.filter((i) => Number(lines[i]?.status) >= 500);

beforeAll(async () => {
  h = await harnessStart();
  writeFileSync(join(h.bucketDir, 'grid-whole.json'), text);
});
afterAll(async () => {
  await h?.close();
});

const column = (page: Page, name: string) => page.locator(`[data-testid="data-table"] [role="gridcell"][data-column="${name}"]`);
const count = (page: Page, n: number) => page.locator(`[data-testid="grid-count"][data-rows="${n}"]`).waitFor();

async function openWhole(page: Page): Promise<void> {
  await listingDone(page, '');
  await page.locator('[data-key="grid-whole.json"]').click();
  await page.getByTestId('open-object').click();
  await column(page, 'latency').first().waitFor();
}

/** Sort by latency, largest first (two clicks: ascending, then descending). */
async function sortLatencyDesc(page: Page): Promise<void> {
  const header = page.locator('[role="columnheader"][data-column="latency"]');
  await header.locator('button.sort').click();
  await page.locator('[role="columnheader"][data-column="latency"][aria-sort="ascending"]').waitFor();
  await count(page, lines.length);
  await header.locator('button.sort').click();
  await page.locator('[role="columnheader"][data-column="latency"][aria-sort="descending"]').waitFor();
  await page.locator('[data-testid="grid-view-bar"][aria-busy="false"] [data-testid="grid-count"]').waitFor();
}

describe('whole-object sort, filter and go to row', () => {
  it('puts the global maximum first, past the loaded rows, and counts what a filter keeps', async () => {
    // The case the loaded rows alone would get wrong: the largest latency is not in the first page.
    expect(lines.length).toBeGreaterThan(tablePageSize * 4);
    expect(maxAt).toBeGreaterThanOrEqual(tablePageSize);
    const page = await h.page();
    await openWhole(page);
    await sortLatencyDesc(page);
    expect(await column(page, 'latency').first().textContent()).toBe(String(lines[maxAt]?.latency));
    expect(await page.locator('[data-testid="data-table"] .vrow').first().locator('.cell.num.muted').textContent()).toBe(String(maxAt + 1));

    await page.getByTestId('grid-filter').fill('status>=500');
    await count(page, failing.length);
    expect(await page.locator('[role="grid"]').getAttribute('aria-rowcount')).toBe(String(failing.length));
    const shown = await column(page, 'status').allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((s) => Number(s) >= 500)).toBe(true);
    expect(await column(page, 'latency').first().textContent()).toBe(String(lines[[...failing].sort(byLatencyDesc)[0] ?? 0]?.latency));
    await shot(page, 'g5-whole-object-filter');
  });

  it('goes to row N of the sorted view, on any size, and says when the filter leaves a row out', async () => {
    const page = await h.page();
    await openWhole(page);
    await sortLatencyDesc(page);
    const n = 2345;
    await page.getByTestId('grid-goto-row').fill(String(n));
    await page.getByTestId('grid-goto').click();
    const active = page.locator('[data-testid="data-table"] .vrow.active');
    await active.locator(`.cell.num.muted:text-is("${n}")`).waitFor();
    expect(await active.locator('[data-column="request_id"]').textContent()).toBe(String(lines[n - 1]?.request_id));
    // The row is in sight inside the grid, not only rendered.
    const body = await page.getByTestId('data-table').boundingBox();
    const row = await active.boundingBox();
    expect(row?.y ?? -1).toBeGreaterThanOrEqual(body?.y ?? 0);
    expect((row?.y ?? 0) + (row?.height ?? 0)).toBeLessThanOrEqual((body?.y ?? 0) + (body?.height ?? 0));

    await page.getByTestId('grid-filter').fill('status>=500');
    await count(page, failing.length);
    const outside = indexes.find((i) => !failing.includes(i)) ?? 0;
    await page.getByTestId('grid-goto-row').fill(String(outside + 1));
    await page.getByTestId('grid-goto').click();
    await page.locator('[data-testid="grid-problem"][data-kind="rowMissing"]').waitFor();
  });
});

describe('copy column of the whole-object view', () => {
  it('copies every row of the sorted column, not only the rows the grid has fetched', async () => {
    const order = [...indexes].sort(byLatencyDesc);
    const page = await h.page();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(h.server.url).origin });
    await openWhole(page);
    await sortLatencyDesc(page);
    await column(page, 'request_id').first().click();
    await page.getByTestId('copy-menu').click();
    await page.locator('[data-copy="column-tsv"]').click();
    const text = ['request_id', ...order.map((i) => String(lines[i]?.request_id))].join('\n');
    await page
      .getByTestId('copy-status')
      .getByText(translate('en', 'grid.copied', { what: translate('en', 'grid.copy.column'), n: text.length }))
      .waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    // More rows than one fetched page: the copy read them for itself.
    expect(order.length).toBeGreaterThan(tablePageSize * 4);
  });
});

describe('export of only the filtered/sorted rows', () => {
  const expectedOrder = [...failing].sort(byLatencyDesc);
  const names = Object.keys(lines[0] ?? {});

  async function exportView(page: Page, format: 'csv' | 'jsonl' | 'parquet', fileName: string): Promise<void> {
    await page.getByTestId('export-format').selectOption(format);
    await page.getByTestId('export-rows-view').check();
    await page.getByTestId('export-file-name').fill(fileName);
    await page.getByTestId('export-start').click();
    await page.locator(`[data-testid="export-done"][data-path$="${fileName}"]`).waitFor();
  }

  it('writes exactly the rows the grid shows, in its order, as CSV, JSON lines and Parquet', async () => {
    // The CSV is written here with RFC 4180 quoting: no value needs the formula guard or edge spaces.
    const values = expectedOrder.flatMap((i) => Object.values(lines[i] ?? {}).map(String));
    expect(values.some((v) => /^[=+\-@\t\r ]|\s$/.test(v))).toBe(false);
    const page = await h.page();
    await openWhole(page);
    await sortLatencyDesc(page);
    await page.getByTestId('grid-filter').fill('status>=500');
    await count(page, failing.length);
    await page.getByTestId('export-open').click();
    await page.getByTestId('export-out-dir').fill(h.outDir);
    await exportView(page, 'csv', 'view.csv');
    const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    const csv = [names, ...expectedOrder.map((i) => Object.values(lines[i] ?? {}).map(String))]
      .map((cells) => `${cells.map(field).join(',')}\r\n`)
      .join('');
    expect(readFileSync(join(h.outDir, 'view.csv'), 'utf8')).toBe(csv);

    await exportView(page, 'jsonl', 'view.jsonl');
    expect(readFileSync(join(h.outDir, 'view.jsonl'), 'utf8')).toBe(expectedOrder.map((i) => `${JSON.stringify(lines[i])}\n`).join(''));

    await exportView(page, 'parquet', 'view.parquet');
    const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
    const connection = await instance.connect();
    const read = await connection.runAndReadAll(`SELECT request_id, status FROM read_parquet('${join(h.outDir, 'view.parquet')}')`);
    expect(read.getRowsJson()).toEqual(expectedOrder.map((i) => [lines[i]?.request_id, lines[i]?.status]));
    connection.closeSync();
    instance.closeSync();
  });
});
