/**
 * The four daily jobs with the keyboard only (issue 18, "a keyboard-only pass through the four
 * jobs works"), browser mode: browse a partition and open an object, filter and sort the grid
 * and go to a row, export the view as CSV, decompress a partition (and overwrite after the
 * confirmation). Only page.keyboard drives the app — Tab, arrows, Enter, Space, Escape, Ctrl+F —
 * and every control reached with Tab shows its focus ring. Expected values come from the
 * sample's files and python3-snappy, not from the app.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../renderer/i18n';
import { bytesFormat } from '../../renderer/util/format';
import { csvField } from './csvExpect';
import type { Harness } from './harness';
import { harnessStart, listingDone, outputDirSet, shot } from './harness';
import { focusState, tabTo } from './keyboardFocus';
import { csvOutputName, outputsExpect, pythonDecoded } from './pythonSnappy';

let h: Harness;
let page: Page;

/** The afternoon peak of the JSON rule's first day: the hour folder with the most rows. */
const hourFolder = 'nginx-access-json/2026/11/23/14/';
const csvFolder = 'nginx-access-csv/ds=20261123/';

type Line = Record<string, string | number>;

/** Tab to `selector` and check that the focus there can be seen. */
async function tabToVisible(selector: string, options: { back?: boolean } = {}): Promise<void> {
  await tabTo(page, selector, options);
  expect(await focusState(page), selector).toMatchObject({ matches: true, visible: true });
}

/** The object of the hour with the most rows of status ≥ 400 (at least two, so the sort has work). */
function objectChosen(): { index: number; name: string; lines: Line[] } {
  const names = readdirSync(join(h.bucketDir, ...hourFolder.split('/'))).sort();
  const objects = names.map((name, index) => {
    const text = readFileSync(join(h.bucketDir, ...hourFolder.split('/'), name), 'utf8');
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Line);
    return { index, name, lines };
  });
  const failing = (o: { lines: Line[] }) => o.lines.filter((l) => Number(l.status) >= 400).length;
  const best = objects.reduce((a, b) => (failing(b) > failing(a) ? b : a));
  expect(failing(best)).toBeGreaterThanOrEqual(2);
  return best;
}

beforeAll(async () => {
  h = await harnessStart();
  await outputDirSet(h, join(h.tempDir, 'exports'));
  page = await h.page();
});
afterAll(async () => {
  await h?.close();
});

describe('the four jobs with the keyboard only', () => {
  let chosen: ReturnType<typeof objectChosen>;
  /** File-order indexes of the rows the filter keeps, sorted by latency, largest first (file order breaks ties). */
  let viewOrder: number[];

  it('browses down to an hour partition with Tab, arrows and Enter, and opens an object', async () => {
    chosen = objectChosen();
    await listingDone(page, '');
    await tabToVisible('[role="grid"][aria-label="Objects"]');
    // Root: nginx-access-csv/, nginx-access-json/, … — the second, then down the partition folders.
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await listingDone(page, 'nginx-access-json/');
    for (const [prefix, down] of [
      ['nginx-access-json/2026/', 0],
      ['nginx-access-json/2026/11/', 0],
      ['nginx-access-json/2026/11/23/', 0],
      [hourFolder, 14],
    ] as const) {
      await expect.poll(() => page.locator('[role="grid"][aria-label="Objects"]').getAttribute('aria-activedescendant')).toBe('obj-row-0');
      for (let i = 0; i < down; i++) await page.keyboard.press('ArrowDown');
      expect(await page.locator(`#obj-row-${down}`).getAttribute('data-key')).toBe(prefix);
      await page.keyboard.press('Enter');
      await listingDone(page, prefix);
    }
    await expect.poll(() => page.locator('[role="grid"][aria-label="Objects"]').getAttribute('aria-activedescendant')).toBe('obj-row-0');
    for (let i = 0; i < chosen.index; i++) await page.keyboard.press('ArrowDown');
    const row = page.locator(`#obj-row-${chosen.index}`);
    expect(await row.getAttribute('data-key')).toBe(`${hourFolder}${chosen.name}`);
    expect(await row.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await page.locator(`[role="grid"][aria-rowcount="${chosen.lines.length}"] [data-testid="data-table"]`).waitFor();
    expect(await page.getByTestId('inspect-key').textContent()).toBe(`${hourFolder}${chosen.name}`);
    // The keys go on in the grid of rows: the Browse row that had the focus is gone with its view.
    expect(await focusState(page)).toMatchObject({ label: 'data-table', visible: true });
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('[data-testid="data-table"] .vrow.active .cell.num.muted').textContent()).toBe('2');
  });

  it('filters with Ctrl+F, sorts by a column header with Enter and goes to a row of the view', async () => {
    const failing = chosen.lines.flatMap((l, i) => (Number(l.status) >= 400 ? [i] : []));
    const latency = (i: number) => Number(chosen.lines[i]?.latency);
    viewOrder = [...failing].sort((a, b) => latency(b) - latency(a) || a - b);
    await page.keyboard.press('Control+f');
    expect(await focusState(page)).toMatchObject({ label: 'grid-filter', visible: true });
    await page.keyboard.type('status>=400');
    await page.locator(`[data-testid="grid-count"][data-rows="${failing.length}"]`).waitFor();

    const header = '[role="columnheader"][data-column="latency"]';
    await tabToVisible(`${header} button.sort`);
    await page.keyboard.press('Enter');
    await page.locator(`${header}[aria-sort="ascending"]`).waitFor();
    await page.keyboard.press('Enter');
    await page.locator(`${header}[aria-sort="descending"]`).waitFor();
    await page.locator('[data-testid="grid-view-bar"][aria-busy="false"] [data-testid="grid-count"]').waitFor();
    const requestIds = page.locator('[data-testid="data-table"] [role="gridcell"][data-column="request_id"]');
    expect(await requestIds.allTextContents()).toEqual(viewOrder.map((i) => String(chosen.lines[i]?.request_id)));

    // Go to the last kept row in file order (the grid numbers rows as the file does, from 1).
    const target = failing[failing.length - 1] ?? 0;
    await tabToVisible('[data-testid="grid-goto-row"]', { back: true });
    await page.keyboard.type(String(target + 1));
    await page.keyboard.press('Enter');
    const active = page.locator('[data-testid="data-table"] .vrow.active');
    await active.locator(`.cell.num.muted:text-is("${target + 1}")`).waitFor();
    expect(await active.locator('[data-column="request_id"]').textContent()).toBe(String(chosen.lines[target]?.request_id));
    await shot(page, 'k2-keyboard-grid');
  });

  it('exports the filtered, sorted rows as CSV from the export dialog; Escape returns to its button', async () => {
    await tabToVisible('[data-testid="export-open"]', { back: true });
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('export-dialog');
    await dialog.waitFor();
    expect(await dialog.evaluate((node) => node.contains(document.activeElement))).toBe(true);
    // The rows choice is one radio group, one Tab stop: the arrow picks "only the filtered/sorted rows".
    await tabToVisible('[data-testid="export-rows-all"]');
    await page.keyboard.press('ArrowDown');
    expect(await dialog.getByTestId('export-rows-view').isChecked()).toBe(true);
    const fileName = await dialog.getByTestId('export-file-name').inputValue();
    await tabToVisible('[data-testid="export-start"]');
    await page.keyboard.press('Enter');
    const done = dialog.getByTestId('export-done');
    await done.waitFor();
    const path = join(h.tempDir, 'exports', fileName);
    expect(await done.getAttribute('data-path')).toBe(path);
    // The columns: every key in the order first seen (a line without `referer` leaves it empty).
    const names = [...new Set(chosen.lines.flatMap((l) => Object.keys(l)))];
    const csv = [names, ...viewOrder.map((i) => names.map((n) => chosen.lines[i]?.[n]))]
      .map((cells) => `${cells.map(csvField).join(',')}\r\n`)
      .join('');
    expect(readFileSync(path, 'utf8')).toBe(csv);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focusState(page)).toMatchObject({ label: 'export-open', visible: true });
  });

  it('decompresses a partition from the Decompress view and overwrites after the confirmation', async () => {
    const expected = pythonDecoded(join(h.bucketDir, ...csvFolder.split('/')), join(h.tempDir, 'python'));
    const outputs = [...expected].map(([name, bytes]): [string, Buffer] => [csvOutputName(name), bytes]);
    const total = outputs.reduce((sum, [, bytes]) => sum + bytes.length, 0);
    const outDir = join(h.tempDir, 'decompressed');
    const summaryOf = (decoded: number, bytes: number, skipped: number) =>
      translate('en', 'partition.summary', { decoded, bytes: bytesFormat(bytes), skipped, failed: 0, dir: outDir });

    await tabToVisible('[data-view="decompress"]');
    await page.keyboard.press('Enter');
    await tabToVisible('[data-testid="decompress-out-dir"]');
    await page.keyboard.type(outDir);
    await tabToVisible('[data-testid="partition-prefix"]');
    await page.keyboard.press('Control+a');
    await page.keyboard.type(csvFolder);
    await page.keyboard.press('Enter');
    const summary = page.getByTestId('partition-summary');
    await expect.poll(() => summary.textContent(), { timeout: 60_000 }).toBe(summaryOf(outputs.length, total, 0));
    outputsExpect(outDir, outputs);

    // Again, with one output changed meanwhile: every file exists, nothing is replaced …
    const [firstName, firstBytes] = outputs[0] ?? ['', Buffer.alloc(0)];
    writeFileSync(join(outDir, firstName), 'changed\n');
    await tabToVisible('[data-testid="partition-prefix"]', { back: true });
    await page.keyboard.press('Enter');
    await expect.poll(() => summary.textContent(), { timeout: 60_000 }).toBe(summaryOf(0, 0, outputs.length));
    expect(readFileSync(join(outDir, firstName), 'utf8')).toBe('changed\n');
    // … until "Overwrite the N existing files…" is confirmed: Cancel has the focus first.
    await tabToVisible('[data-testid="partition-overwrite"]');
    await page.keyboard.press('Enter');
    await page.getByTestId('overwrite-dialog').waitFor();
    expect(await focusState(page)).toMatchObject({ label: translate('en', 'common.cancel'), visible: true });
    await page.keyboard.press('Tab');
    expect(await focusState(page)).toMatchObject({ label: 'confirm-overwrite', visible: true });
    await page.keyboard.press('Enter');
    await expect.poll(() => summary.textContent(), { timeout: 60_000 }).toBe(summaryOf(outputs.length, total, 0));
    expect(Buffer.compare(readFileSync(join(outDir, firstName)), firstBytes)).toBe(0);
    outputsExpect(outDir, outputs);
  });
});
