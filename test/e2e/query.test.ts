/**
 * Query view, browser mode: a log-time range of the sample bucket as one table — the plan, the
 * count, the per-status answer and its CSV export, checked against the bucket's JSON lines read
 * here directly.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
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

/** Counts of the sample's JSON logs in [from, to) by status (or `keyOf`), read with JSON.parse (no shiplens code). */
function expected(
  dir: string,
  fromSec: number,
  toSec: number,
  keyOf = (row: { __time__: number; status: unknown }): string => String(row.status),
): Map<string, number> {
  const counts = new Map<string, number>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else
        for (const line of readFileSync(p, 'utf8').split('\n')) {
          if (line.trim() === '') continue;
          const row = JSON.parse(line) as { __time__: number; status: unknown };
          if (row.__time__ >= fromSec && row.__time__ < toSec) counts.set(keyOf(row), (counts.get(keyOf(row)) ?? 0) + 1);
        }
    }
  };
  walk(dir);
  return counts;
}

describe('query view', () => {
  it('queries a range of the sample bucket, shows the count and the grouped rows, and exports them', async () => {
    const page = await h.page();
    await page.getByRole('button', { name: en['nav.query'] }).click();
    await page.getByTestId('query-plan').click();
    await expect.poll(() => page.getByTestId('query-plan-totals').textContent()).toMatch(/^\d+ objects, \d+ bytes, \d+ partitions$/);
    await page.getByTestId('query-run').click();
    await page.getByTestId('query-count').waitFor();
    const counts = expected(
      join(h.bucketDir, 'nginx-access-json'),
      Date.parse('2026-11-24T10:00:00+08:00') / 1000,
      Date.parse('2026-11-24T12:00:00+08:00') / 1000,
    );
    expect(await page.getByTestId('query-count').textContent()).toMatch(
      new RegExp(`^${counts.size} rows · \\d+ objects read, 0 from the cache$`),
    );
    const cells = await page
      .getByTestId('query-table')
      .locator('[role="row"][aria-rowindex]')
      .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('[role="gridcell"]')].map((td) => td.textContent)));
    expect(new Map(cells.map(([status, n]) => [status as string, Number(n)]))).toEqual(counts);
    await shot(page, 'query-view');
    // Export the same result and read the file back.
    await page.getByTestId('query-exportName').fill('by-status.csv');
    await page.getByTestId('query-exportDir').fill(h.outDir);
    await page.getByTestId('query-export').click();
    await page.getByTestId('query-exported').waitFor();
    const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    const lines = readFileSync(join(h.outDir, 'by-status.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('status,n');
    expect(new Map(lines.slice(1).map((l) => [l.split(',')[0] as string, Number(l.split(',')[1])]))).toEqual(counts);
    expect(lines.slice(1).map((l) => Number(l.split(',')[1]))).toEqual(sorted.map(([, n]) => n));
  });

  it('scrolls through every row of a two-day answer in the grid, to its exact last row', async () => {
    const page = await h.page();
    await page.getByRole('button', { name: en['nav.query'] }).click();
    await page.getByTestId('query-from').fill('2026-11-23T00:00');
    await page.getByTestId('query-to').fill('2026-11-25T00:00');
    await page
      .getByTestId('query-sql')
      .fill('SELECT epoch(__time__)::BIGINT AS secs, request_id, status, path FROM logs ORDER BY secs, request_id');
    await page.getByTestId('query-run').click();
    await page.getByTestId('query-count').waitFor();
    // The answer computed by python3 over the sample's JSON lines (no shiplens code).
    const script = [
      'import json, os, sys',
      'root, lo, hi = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])',
      'rows = []',
      'for d, _, names in os.walk(root):',
      '    for n in names:',
      '        for line in open(os.path.join(d, n), encoding="utf-8"):',
      '            if line.strip():',
      '                r = json.loads(line)',
      '                t = int(r["__time__"])',
      '                if lo <= t < hi: rows.append([t, r["request_id"], r["status"], r["path"]])',
      'rows.sort(key=lambda r: (r[0], r[1]))',
      'print(json.dumps({"count": len(rows), "at": [rows[0], rows[len(rows) // 2], rows[-1]]}))',
    ].join('\n');
    const [from, to] = [Date.parse('2026-11-23T00:00:00+08:00') / 1000, Date.parse('2026-11-25T00:00:00+08:00') / 1000];
    const want = JSON.parse(
      execFileSync('/usr/bin/python3', ['-c', script, join(h.bucketDir, 'nginx-access-json'), String(from), String(to)], {
        encoding: 'utf8',
      }),
    ) as { count: number; at: (string | number)[][] };
    // Far more rows than come with the answer (2,000): the rest arrive as they scroll into sight.
    expect(want.count).toBeGreaterThan(2000 + 500);
    expect(await page.getByTestId('query-count').textContent()).toMatch(new RegExp(`^${want.count} rows · `));
    const body = page.getByTestId('query-table').getByTestId('data-table');
    const rowAt = async (n: number): Promise<string[]> => {
      const row = page.getByTestId('query-table').locator(`[role="row"][aria-rowindex="${n}"]`);
      await row.locator('[role="gridcell"]').first().waitFor();
      return row.locator('[role="gridcell"]').allTextContents();
    };
    const asText = (r: (string | number)[]): string[] => r.map(String);
    expect(await rowAt(1)).toEqual(asText(want.at[0] as (string | number)[]));
    await body.evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 - el.clientHeight / 2 }));
    const middle = Math.floor(want.count / 2) + 1;
    await expect.poll(async () => page.getByTestId('query-table').locator(`[role="row"][aria-rowindex="${middle}"]`).count()).toBe(1);
    expect(await rowAt(middle)).toEqual(asText(want.at[1] as (string | number)[]));
    await body.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    expect(await rowAt(want.count)).toEqual(asText(want.at[2] as (string | number)[]));
    await page.getByTestId('query-table').scrollIntoViewIfNeeded();
    await shot(page, 'query-grid-end');
  });

  it('opens from a Browse folder and from the time-range panel pre-filled, and charts counts per minute', async () => {
    const page = await h.page();
    const origin = new URL(h.server.url).origin;
    const folder = 'nginx-access-json/2026/11/24/10/';
    await listingDone(page, '');
    await page.goto(`${origin}/#/browse/${folder}`);
    await listingDone(page, folder);
    await page.getByTestId('folder-query').click();
    await page.getByTestId('query-view').waitFor();
    expect(new URL(page.url()).hash).toBe('#/query');
    const form = async (): Promise<string[]> =>
      Promise.all(
        ['prefix', 'partitionFormat', 'format', 'timeZone', 'from', 'to'].map((f) => page.getByTestId(`query-${f}`).inputValue()),
      );
    // The folder is the hour 10:00 of the 24th in the key's zone (+08:00).
    expect(await form()).toEqual(['nginx-access-json', '%Y/%m/%d/%H/%M', 'json', '+08:00', '2026-11-24T10:00', '2026-11-24T11:00']);
    await page
      .getByTestId('query-sql')
      .fill("SELECT date_trunc('minute', __time__) AS minute, count(*) AS n FROM logs GROUP BY 1 ORDER BY 1");
    await page.getByTestId('query-run').click();
    await page.getByTestId('query-chart').waitFor();
    const fromSec = Date.parse('2026-11-24T10:00:00+08:00') / 1000;
    const perMinute = expected(join(h.bucketDir, 'nginx-access-json'), fromSec, fromSec + 3600, (row) =>
      String(Math.floor((row.__time__ - fromSec) / 60)),
    );
    const bars = await page
      .getByTestId('query-chart')
      .locator('rect')
      .evaluateAll((rects) => rects.map((r) => [r.getAttribute('data-label'), Number(r.getAttribute('data-value'))]));
    const minutes = [...perMinute.keys()].map(Number).sort((a, b) => a - b);
    expect(bars.map(([, n]) => n)).toEqual(minutes.map((m) => perMinute.get(String(m))));
    expect(bars[0]?.[0]).toBe(`2026-11-24 10:${String(minutes[0]).padStart(2, '0')}:00+08:00`);
    await page.getByTestId('query-chart').scrollIntoViewIfNeeded();
    await shot(page, 'query-chart');

    // The hand-off texts: MaxCompute registers exactly the planned hour folders (tasks up to
    // 11:15 with the lag); each copy button copies its text.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await page.getByTestId('query-emit').click();
    const mc = page.getByTestId('query-emit-maxcompute');
    await mc.waitFor();
    const mcText = (await mc.locator('pre').textContent()) ?? '';
    expect([...mcText.matchAll(/^ALTER TABLE logs_oss ADD IF NOT EXISTS PARTITION \(dt='(\d+)'\)/gm)].map((m) => m[1])).toEqual([
      '2026112410',
      '2026112411',
    ]);
    await mc.getByRole('button', { name: en['common.copy'] }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(mcText);

    // The time-range panel's window, typed in the header's zone, opens the same way.
    await page.goto(`${origin}/#/browse/${folder}`);
    await listingDone(page, folder);
    await page.getByLabel(en['browse.from']).fill('2026-11-24 09:30');
    await page.getByLabel(en['browse.to']).fill('2026-11-24 12:00');
    await page.getByTestId('range-query').click();
    await page.getByTestId('query-view').waitFor();
    expect(await form()).toEqual(['nginx-access-json', '%Y/%m/%d/%H/%M', 'json', '+08:00', '2026-11-24T09:30', '2026-11-24T12:00']);
    expect(await page.getByTestId('query-sql').inputValue()).toBe(
      "SELECT date_trunc('minute', __time__) AS minute, count(*) AS n FROM logs GROUP BY 1 ORDER BY 1",
    );
  });
});
