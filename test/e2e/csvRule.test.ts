/**
 * Headerless shipped CSV takes its rule's column list (issue 18 feature 3), browser mode: the
 * sample's CSV + snappy objects open as column1… while no rule covers them, and with the
 * names of the rule once it is in the rule editor. Expected names come from the sample's own
 * Log Service rule file, expected values from python3-snappy's decode of the object.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../renderer/i18n';
import type { Harness } from './harness';
import { harnessStart, listingDone, shot } from './harness';
import { pythonDecoded } from './pythonSnappy';

let h: Harness;
const folder = 'nginx-access-csv/ds=20261123/';

beforeAll(async () => {
  h = await harnessStart();
});
afterAll(async () => {
  await h?.close();
});

/** One CSV line split as RFC 4180 says (`"` quotes, `""` inside a quoted field). */
function csvSplit(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else {
      field += c;
    }
  }
  return [...fields, field];
}

/** Open the first object of the CSV day folder in Inspect; returns its name. */
async function firstObjectOpen(page: Page): Promise<string> {
  await page.goto(`${new URL(h.server.url).origin}/#/browse/${folder}`);
  await listingDone(page, folder);
  const first = page.locator(`.vrow[data-key^="${folder}"]`).first();
  const key = (await first.getAttribute('data-key')) ?? '';
  await first.click();
  await page.getByTestId('open-object').click();
  await page.locator(`[data-testid="inspect-key"]:text-is("${key}")`).waitFor();
  await page.locator('[data-testid="data-table"] [role="gridcell"]').first().waitFor();
  return key.slice(folder.length);
}

const headers = (page: Page) =>
  page.locator('[data-testid="data-table"] [role="columnheader"]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-column')));

describe('headerless shipped CSV', () => {
  it('is read with the column list of the rule in the rule editor when its prefix covers the object', async () => {
    const sls = JSON.parse(readFileSync(join(h.bucketDir, 'rules', 'nginx-access-csv.json'), 'utf8')) as {
      configuration: { sink: { prefix: string; pathFormat: string; contentDetail: { columns: string[] } } };
    };
    const { prefix, pathFormat, contentDetail } = sls.configuration.sink;
    const columns = contentDetail.columns;
    const page = await h.page();
    await listingDone(page, '');

    // No rule covers the folder: the file alone has no names.
    const name = await firstObjectOpen(page);
    expect(await headers(page)).toEqual(columns.map((_, i) => `column${i + 1}`));

    await page.locator('[data-view="rules"]').click();
    await page.locator('[data-tab="fields"]').click();
    await page.getByTestId('rule-prefix').fill(prefix);
    await page.getByTestId('rule-partition-format').fill(pathFormat);
    await page.getByTestId('rule-format').selectOption('csv');
    await page.getByTestId('rule-compression').selectOption('snappy');
    await page.getByLabel(translate('en', 'rules.csvColumns'), { exact: true }).fill(columns.join('\n'));

    expect(await firstObjectOpen(page)).toBe(name);
    expect(await headers(page)).toEqual(columns);
    const decoded = pythonDecoded(join(h.bucketDir, ...folder.split('/')), join(h.tempDir, 'python'));
    const firstLine = csvSplit((decoded.get(name)?.toString('utf8') ?? '').split('\n')[0] ?? '');
    expect(firstLine).toHaveLength(columns.length);
    for (const column of ['ip', 'method', 'path', 'status', 'request_id']) {
      const cell = page.locator(`[data-testid="data-table"] [role="gridcell"][data-column="${column}"]`).first();
      expect(await cell.textContent(), column).toBe(firstLine[columns.indexOf(column)]);
    }
    await shot(page, 'r1-csv-rule-columns');
  });
});
