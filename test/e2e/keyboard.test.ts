/**
 * Keyboard and accessible names, browser mode: the object list and the row table move with the
 * arrow keys, Enter opens, Escape closes dialogs and returns focus; landmarks, grids, dialogs and
 * controls are found by role and name (English and Chinese), as assistive technology finds them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../renderer/i18n/en';
import { zhCN } from '../../renderer/i18n/zhCN';
import type { Harness } from './harness';
import { harnessStart, listingDone, shot } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await harnessStart();
});
afterAll(async () => {
  await h?.close();
});

describe('keyboard', () => {
  it('walks folders with arrows and Enter, opens an object, moves in the table, Escape closes', async () => {
    const page = await h.page();
    await listingDone(page, '');
    const grid = page.getByRole('grid', { name: en['browse.objects'] });
    await grid.focus();
    // Root: nginx-access-csv/, nginx-access-json/, … — the second folder, then the first folder down to an hour.
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await listingDone(page, 'nginx-access-json/');
    expect(await page.title()).toMatch(/^shiplens — .*\/nginx-access-json\/$/);
    for (const prefix of [
      'nginx-access-json/2026/',
      'nginx-access-json/2026/11/',
      'nginx-access-json/2026/11/23/',
      'nginx-access-json/2026/11/23/00/',
    ]) {
      await expect.poll(() => grid.getAttribute('aria-activedescendant')).toBe('obj-row-0');
      expect(await page.locator('#obj-row-0').getAttribute('data-key')).toBe(prefix);
      await page.keyboard.press('Enter');
      await listingDone(page, prefix);
    }
    // Backspace goes up one level, Enter comes back.
    await page.keyboard.press('Backspace');
    await listingDone(page, 'nginx-access-json/2026/11/23/');
    await page.keyboard.press('Enter');
    await listingDone(page, 'nginx-access-json/2026/11/23/00/');

    await page.keyboard.press('ArrowDown');
    const second = page.locator('#obj-row-1');
    const key = (await second.getAttribute('data-key')) ?? '';
    expect(key).toMatch(/^nginx-access-json\/2026\/11\/23\/00\/05_\d{19}_\d+$/);
    expect(await second.getAttribute('aria-selected')).toBe('true');
    expect(await page.getByTestId('selected-object').getByText(key, { exact: true }).count()).toBe(1);
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="data-table"] [role="gridcell"]').first().waitFor();
    expect(await page.getByTestId('inspect-key').textContent()).toBe(key);
    expect(await page.title()).toBe(`shiplens — ${h.bucketDir}/${key}`);

    // The row table: arrows move the active cell, Enter shows the whole cell, Escape hides it.
    const table = page.getByTestId('data-table');
    await table.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    const cells = await page.locator('[data-testid="data-table"] [role="row"][aria-rowindex="2"] [role="gridcell"]').allTextContents();
    await page.keyboard.press('Enter');
    const popover = page.getByRole('dialog', { name: en['inspect.cellExpand'] });
    expect(await popover.textContent()).toBe(cells[1]);
    await page.keyboard.press('Escape');
    await popover.waitFor({ state: 'detached' });

    // The export dialog: named by its title, focus inside, Escape closes it and focus returns.
    const exportButton = page.getByRole('button', { name: en['inspect.export'] });
    await exportButton.click();
    const dialog = page.getByRole('dialog', { name: en['export.title'] });
    await dialog.waitFor();
    expect(await dialog.evaluate((node) => node.contains(document.activeElement))).toBe(true);
    await shot(page, 'k1-export-dialog-focus');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await exportButton.evaluate((node) => node === document.activeElement)).toBe(true);
  });
});

describe('rule editor tabs', () => {
  it('moves between tabs with the arrow keys, Home and End; the panel is named by its tab', async () => {
    const page = await h.page();
    await page.locator('[data-view="rules"]').click();
    const tablist = page.getByRole('tablist', { name: en['rules.title'] });
    await tablist.getByRole('tab', { name: en['rules.tab.fields'] }).click();
    await page.keyboard.press('ArrowRight');
    const preview = tablist.getByRole('tab', { name: en['rules.tab.preview'] });
    expect(await preview.getAttribute('aria-selected')).toBe('true');
    expect(await preview.evaluate((node) => node === document.activeElement)).toBe(true);
    expect(await page.getByRole('tabpanel', { name: en['rules.tab.preview'] }).getByTestId('preview-key').count()).toBeGreaterThan(0);
    await page.keyboard.press('End');
    expect(await tablist.getByRole('tab', { name: en['rules.tab.maxcompute'] }).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowRight');
    expect(await tablist.getByRole('tab', { name: en['rules.tab.fields'] }).getAttribute('aria-selected')).toBe('true');
    expect(await page.getByRole('tabpanel', { name: en['rules.tab.fields'] }).getByTestId('rule-name').count()).toBe(1);
    // One tab stop: the unselected tabs are out of the Tab order.
    expect(await tablist.locator('[role="tab"][tabindex="0"]').count()).toBe(1);
  });
});

describe('accessible names', () => {
  it('names landmarks, grids, controls and columns in English and Chinese', async () => {
    const page = await h.page();
    await listingDone(page, '');
    for (const [language, m] of [
      ['en', en],
      ['zh-CN', zhCN],
    ] as const) {
      await page.getByTestId('language').selectOption(language);
      const nav = page.getByRole('navigation', { name: m['nav.main'] });
      expect(await nav.getByRole('button', { name: m['nav.browse'] }).getAttribute('aria-current')).toBe('page');
      expect(await page.getByRole('combobox', { name: m['header.language'] }).inputValue()).toBe(language);
      expect(await page.getByRole('searchbox', { name: m['browse.filter'] }).count()).toBe(1);
      expect(await page.getByRole('navigation', { name: m['browse.breadcrumb'] }).count()).toBe(1);
      const grid = page.getByRole('grid', { name: m['browse.objects'] });
      expect(await grid.getByRole('columnheader', { name: m['browse.col.name'] }).count()).toBe(1);
      expect(await grid.getByRole('row').count()).toBeGreaterThan(4);
      expect(await grid.getByRole('gridcell', { name: 'nginx-access-parquet/' }).count()).toBe(1);
    }
    await page.getByTestId('language').selectOption('en');
  });
});
