/**
 * The four jobs end to end in browser mode (Debian Chromium via playwright-core).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { ruleValidate } from '../../core/shipping/ruleValidate';
import { shippingRuleDefault } from '../../core/shipping/rule';
import { translate } from '../../renderer/i18n';
import type { Page } from 'playwright-core';
import type { Harness } from './harness';
import { csvField } from './csvExpect';
import { harnessStart, listingDone, shot } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await harnessStart();
});
afterAll(async () => {
  await h?.close();
});

async function duckRows(file: string): Promise<{ columns: string[]; rows: Record<string, unknown>[]; count: number }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const source = `read_parquet('${file.replace(/'/g, "''")}', hive_partitioning = false)`;
  // Values as DuckDB prints them (FLOAT 117.9 at float32 precision, not the double
  // 117.9000015258789), floats then read as numbers: DuckDB writes 107.0 where JS writes 107.
  const result = await connection.runAndReadAll(`SELECT COLUMNS(*)::VARCHAR FROM ${source} LIMIT 5`);
  const types = await connection.runAndReadAll(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM ${source})`);
  const floats = new Set(
    types
      .getRowObjectsJson()
      .filter((r) => r.column_type === 'FLOAT' || r.column_type === 'DOUBLE')
      .map((r) => String(r.column_name)),
  );
  const count = await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${source}`);
  const rows = (result.getRowObjectsJson() as Record<string, unknown>[]).map((row) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, floats.has(k) && typeof v === 'string' ? String(Number(v)) : v])),
  );
  connection.closeSync();
  return { columns: result.columnNames(), rows, count: Number(count.getRowObjectsJson()[0]?.n) };
}

/** Browse down the sample's Hive-partitioned Parquet folders to the first day. */
async function parquetDayOpen(page: Page): Promise<void> {
  await listingDone(page, '');
  await page.locator('[data-key="nginx-access-parquet/"]').click();
  await listingDone(page, 'nginx-access-parquet/');
  for (const level of ['year=', 'mon=', 'day=']) {
    const folder = page.locator(`.vrow[data-key*="/${level}"][data-key$="/"]`).first();
    const prefix = (await folder.getAttribute('data-key')) ?? '';
    await folder.click();
    await listingDone(page, prefix);
  }
}

describe('browse, inspect Parquet, export CSV', () => {
  it('shows schema and first rows of a Hive-partitioned Parquet object and exports exact CSV', async () => {
    const page = await h.page();
    await parquetDayOpen(page);
    const first = page.locator('.vrow[data-key$=".parquet"]').first();
    await first.click();
    await shot(page, 'a1-browse-partition');
    await page.getByTestId('open-object').click();
    await page.getByTestId('schema-panel').waitFor();
    await page.locator('[data-testid="data-table"] [role="gridcell"]').first().waitFor();
    await shot(page, 'a2-parquet-inspect');
    const key = (await page.getByTestId('inspect-key').textContent()) ?? '';
    expect(key).toMatch(/^nginx-access-parquet\/year=\d{4}\/mon=\d{2}\/day=\d{2}\/log_\d{6}_\d{19}_\d+\.snappy\.parquet$/);
    const expected = await duckRows(join(h.bucketDir, key));
    expect(await page.getByTestId('schema-rows').textContent()).toBe(expected.count.toLocaleString('en-US'));
    for (const column of expected.columns)
      await expect(page.getByTestId('schema-panel').getByText(column, { exact: true }).count()).resolves.toBeGreaterThan(0);
    // __time__ shows as a time by default (issue 18); DuckDB gives the raw epoch, one toggle away.
    await page.getByTestId('times-toggle').uncheck();
    const firstRowCells = await page
      .locator('[data-testid="data-table"] [role="row"][aria-rowindex="1"] [role="gridcell"]')
      .allTextContents();
    expect(firstRowCells).toEqual(
      expected.columns.map((c) => {
        const v = expected.rows[0]?.[c];
        return v === null ? 'null' : String(v);
      }),
    );

    await page.getByTestId('export-open').click();
    await page.getByTestId('export-out-dir').fill(h.outDir);
    await page.getByTestId('export-file-name').fill('parquet-export.csv');
    await page.getByTestId('export-start').click();
    const done = page.getByTestId('export-done');
    await done.waitFor();
    await shot(page, 'a3-export-done');
    const path = await done.getAttribute('data-path');
    expect(path).toBe(join(h.outDir, 'parquet-export.csv'));
    const lines = readFileSync(path ?? '', 'utf8').split('\r\n');
    expect(lines[0]).toBe(expected.columns.map(csvField).join(','));
    expect(lines.slice(1, 6)).toEqual(expected.rows.map((row) => expected.columns.map((c) => csvField(row[c])).join(',')));
    expect(lines.length - 2).toBe(expected.count);
    // Exporting again to the same name asks first, without the previous "Exported" line under it.
    await page.getByTestId('export-start').click();
    await page.getByTestId('export-dialog').getByRole('alert').waitFor();
    expect(await done.count()).toBe(0);
  });
});

describe('decompress', () => {
  it('decodes a raw-snappy JSON file written by python3-snappy and saves the exact bytes', async () => {
    const original = Buffer.from(
      Array.from({ length: 200 }, (_, i) =>
        JSON.stringify({ __time__: 1484913043 + i, __topic__: 'e2e', __source__: '10.0.0.1', msg: `line ${i} ✓ 中文` }),
      ).join('\n') + '\n',
    );
    const compressed = execFileSync(
      '/usr/bin/python3',
      ['-c', 'import sys, snappy; sys.stdout.buffer.write(snappy.compress(sys.stdin.buffer.read()))'],
      { input: original },
    );
    expect(compressed.length).toBeLessThan(original.length);
    const page = await h.page();
    await page.locator('[data-view="decompress"]').click();
    await page.getByTestId('decompress-out-dir').fill(h.outDir);
    await page
      .getByTestId('decompress-input')
      .setInputFiles({ name: '19_1484913043351525351_2850008.snappy', mimeType: 'application/octet-stream', buffer: compressed });
    const item = page.locator('[data-testid="decode-item"][data-status="done"]');
    await item.waitFor();
    await shot(page, 'b-decompress');
    expect(await item.getByTestId('decode-variant').textContent()).toBe('raw');
    const path = (await item.getByTestId('decode-path').textContent()) ?? '';
    expect(path).toBe(join(h.outDir, '19_1484913043351525351_2850008.json'));
    expect(Buffer.compare(readFileSync(path), original)).toBe(0);
  });
});

describe('gap timeline', () => {
  it('keeps the interval as typed ("120", not "6020") and redraws with it', async () => {
    const page = await h.page();
    await parquetDayOpen(page);
    const timeline = page.getByTestId('gap-timeline');
    const slots = timeline.locator('[data-slot-status]');
    await slots.first().waitFor();
    const before = await slots.count();
    const field = timeline.getByRole('spinbutton');
    await field.click();
    await field.press('Control+A');
    await field.pressSequentially('120');
    expect(await field.inputValue()).toBe('120');
    // Slots of 120 s instead of 300 s: the same span holds more of them.
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="gap-timeline"] [data-slot-status]').length > n, before);
    await field.blur();
    expect(await field.inputValue()).toBe('120');
  });
});

describe('rule editor', () => {
  const examples = [
    {
      prefix: 'test-table',
      format: '%Y/%m/%d/%H/%M',
      storage: 'json',
      compression: 'none',
      key: 'test-table/2017/01/20/19/50_1484913043351525351_2850008',
    },
    {
      prefix: 'log_ship_oss_example',
      format: 'year=%Y/mon=%m/day=%d/log_%H%M%s',
      storage: 'parquet',
      compression: 'none',
      key: 'log_ship_oss_example/year=2017/mon=01/day=20/log_195043_1484913043351525351_2850008.parquet',
    },
    {
      prefix: 'log_ship_oss_example',
      format: 'ds=%Y%m%d/%H',
      storage: 'json',
      compression: 'snappy',
      key: 'log_ship_oss_example/ds=20170120/19_1484913043351525351_2850008.snappy',
    },
    {
      prefix: 'log_ship_oss_example',
      format: '%Y%m%d/',
      storage: 'json',
      compression: 'none',
      key: 'log_ship_oss_example/20170120/_1484913043351525351_2850008',
    },
    {
      prefix: 'log_ship_oss_example',
      format: '%Y%m%d%H',
      storage: 'json',
      compression: 'none',
      key: 'log_ship_oss_example/2017012019_1484913043351525351_2850008',
    },
  ];

  it('previews the SPEC §1 paths and shows an invalid name in English and Chinese', async () => {
    const page = await h.page();
    await page.locator('[data-view="rules"]').click();
    for (const example of examples) {
      await page.locator('[data-tab="fields"]').click();
      await page.getByTestId('rule-prefix').fill(example.prefix);
      await page.getByTestId('rule-partition-format').fill(example.format);
      await page.getByTestId('rule-format').selectOption(example.storage);
      await page.getByTestId('rule-compression').selectOption(example.compression);
      await page.locator('[data-tab="preview"]').click();
      const keys = await page.getByTestId('preview-key').allTextContents();
      expect(keys).toContain(example.key);
    }
    await shot(page, 'c1-rule-preview');

    const bad = 'Bad Name!';
    const issue = ruleValidate({ ...shippingRuleDefault(), name: bad }).find((i) => i.field === 'name');
    expect(issue).toBeDefined();
    await page.locator('[data-tab="fields"]').click();
    await page.getByTestId('rule-name').fill(bad);
    const issues = page.getByTestId('rule-issues');
    await expect(issues.getByText(issue?.message.en ?? '-', { exact: true }).count()).resolves.toBe(1);
    // The field is marked where it is typed, and the panel names it as the form does (not `name`).
    expect(await page.getByTestId('rule-name').getAttribute('aria-invalid')).toBe('true');
    expect(await issues.locator('[data-code="NAME_CHARS"] .issue-field').textContent()).toBe(translate('en', 'rules.name'));
    await page.getByTestId('language').selectOption('zh-CN');
    await expect(issues.getByText(issue?.message['zh-CN'] ?? '-', { exact: true }).count()).resolves.toBe(1);
    await shot(page, 'c2-rule-invalid-zh');
    await page.getByTestId('language').selectOption('en');
  });

  it('warns when the OSS prefix is not a folder of the connected bucket (SPEC §1), and not when it is', async () => {
    const page = await h.page();
    await page.locator('[data-view="rules"]').click();
    await page.locator('[data-tab="fields"]').click();
    await page.getByTestId('rule-bucket').fill('bucket');
    await page.getByTestId('rule-prefix').fill('no-such-prefix');
    const missing = page.locator('[data-code="PREFIX_NOT_FOUND"]');
    await missing.waitFor();
    expect(await missing.textContent()).toContain('Nothing is under "no-such-prefix" in bucket bucket');
    await page.getByTestId('rule-prefix').fill('nginx-access-json');
    await missing.waitFor({ state: 'detached' });
    // Another bucket than the connected one is not checked.
    await page.getByTestId('rule-bucket').fill('elsewhere');
    await page.getByTestId('rule-prefix').fill('no-such-prefix');
    await page.waitForTimeout(800);
    expect(await missing.count()).toBe(0);
  });
});

describe('corrupt object', () => {
  it('shows the error message and hint, not a blank view', async () => {
    writeFileSync(join(h.bucketDir, 'corrupt.snappy'), randomBytes(4096));
    const page = await h.page();
    await listingDone(page, '');
    await page.locator('[data-key="corrupt.snappy"]').click();
    await page.getByTestId('open-object').click();
    const alert = page.locator('.error-box[role="alert"]');
    await alert.waitFor();
    await shot(page, 'd-corrupt');
    const code = await alert.getAttribute('data-code');
    expect([
      'NOT_SNAPPY',
      'SNAPPY_BAD_OFFSET',
      'SNAPPY_BAD_LENGTH',
      'TRUNCATED',
      'TOO_LARGE',
      'UNSUPPORTED_FORMAT',
      'UTF8_INVALID',
      'JSON_LINE_INVALID',
    ]).toContain(code);
    expect(((await alert.locator('.error-message').textContent()) ?? '').length).toBeGreaterThan(10);
    expect(((await alert.locator('.error-hint').textContent()) ?? '').length).toBeGreaterThan(10);
  });
});
