// range.* over the API (direct dispatch on a local folder): plan, query as a job, clear the cache.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiDispatch } from '../../main/api/dispatch';
import { servicesCreate } from '../../main/services/wiring';
import type { ApiServices } from '../../main/services/types';
import { cst, dayGenerate } from './queryHelpers';
import type { Day } from './queryHelpers';

let day: Day;
let root: string;
let services: ApiServices;
const range = {
  prefix: 'logs',
  rule: { partitionFormat: '%Y/%m/%d/%H/%M' },
  from: cst('2026-12-04T01:00:00') * 1000,
  to: cst('2026-12-04T02:00:00') * 1000,
};

beforeAll(async () => {
  day = dayGenerate(['--objects', '36', '--rows', '10']);
  root = mkdtempSync(join(tmpdir(), 'api-range-'));
  services = servicesCreate({ mode: 'browser', dataDir: join(root, 'data'), outputDir: join(root, 'out') });
  expect((await apiDispatch(services, 'connection.openLocal', { path: day.dir })).ok).toBe(true);
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(day.dir, { recursive: true, force: true });
});

describe('range API', () => {
  it('plans the objects of a window (lag included)', async () => {
    const r = await apiDispatch(services, 'range.plan', range);
    const value = r.ok ? (r.value as { objects: { key: string }[]; totals: { objects: number } }) : null;
    // Tasks 01:00 … 02:00 plus 300 s + 10 min of lag: 01:00 … 02:10 is 15 tasks.
    expect(value?.objects.map((o) => o.key)).toEqual(day.tally.objects.slice(11, 26));
    expect(value?.totals.objects).toBe(15);
  });

  it('queries as a job with progress, counts every row, sends at most maxRows, and clears the cache', async () => {
    const events: string[] = [];
    services.events.subscribe((_name, e) => events.push(`${e.jobId}:${e.phase}`));
    const r = await apiDispatch(services, 'range.query', {
      ...range,
      sql: 'SELECT status, __time__ FROM logs ORDER BY __time__, status',
      maxRows: 5,
      jobId: 'rq1',
    });
    const expected = day.rows.filter((row) => row.time >= cst('2026-12-04T01:00:00') && row.time < cst('2026-12-04T02:00:00'));
    expect(r.ok && r.value).toMatchObject({
      rowCount: expected.length,
      truncated: true,
      objects: 15,
      reads: 15,
      failed: [],
      windowed: true,
      columns: [
        { name: 'status', type: 'VARCHAR' },
        { name: '__time__', type: 'TIMESTAMP WITH TIME ZONE' },
      ],
    });
    expect(r.ok && (r.value as { rows: unknown[][] }).rows[0]).toEqual([expected[0]?.status, '2026-12-04 01:00:00+08:00']);
    expect(events).toContain('rq1:fetch');
    const cleared = await apiDispatch(services, 'range.cacheClear', {});
    expect(cleared.ok && cleared.value).toMatchObject({ entries: 15 });
    const bad = await apiDispatch(services, 'range.query', { ...range, sql: 'SELECT nope FROM logs' });
    expect(bad.ok ? null : bad.error.hint).toContain('Columns of logs: __topic__ VARCHAR');
  });
});

describe('range.rows', () => {
  it('pages through every row of an answer by position, to its last row, with exact values', async () => {
    const big = dayGenerate(['--objects', '12', '--rows', '250']);
    try {
      const bigServices = servicesCreate({ mode: 'browser', dataDir: join(root, 'data-rows'), outputDir: join(root, 'out') });
      expect((await apiDispatch(bigServices, 'connection.openLocal', { path: big.dir })).ok).toBe(true);
      const [from, to] = [cst('2026-12-04T00:00:00'), cst('2026-12-04T02:00:00')];
      const r = await apiDispatch(bigServices, 'range.query', {
        ...range,
        from: from * 1000,
        to: to * 1000,
        sql: 'SELECT bytes::BIGINT AS b, _key FROM logs ORDER BY __time__, b, _key',
        maxRows: 5,
        jobId: 'rr1',
      });
      const expected = big.rows
        .filter((row) => row.time >= from && row.time < to)
        .sort((a, b) => a.time - b.time || a.bytes - b.bytes || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
        .map((row) => [String(row.bytes), row.key]);
      expect(expected.length).toBeGreaterThan(2500);
      const answer = r.ok ? (r.value as { resultId: string; rowCount: number; rows: unknown[][] }) : null;
      expect(answer?.rowCount).toBe(expected.length);
      expect(answer?.rows).toEqual(expected.slice(0, 5));
      const page = async (rowStart: number, rowEnd: number) => {
        const p = await apiDispatch(bigServices, 'range.rows', { resultId: answer?.resultId ?? '', rowStart, rowEnd });
        return p.ok ? (p.value as { rows: unknown[][]; rowCount: number }) : p.error;
      };
      expect(await page(0, 1000)).toEqual({ rows: expected.slice(0, 1000), rowCount: expected.length });
      expect((await page(999, 2501)) as { rows: unknown[][] }).toMatchObject({ rows: expected.slice(999, 2501) });
      const n = expected.length;
      expect(await page(n - 1, n)).toEqual({ rows: [expected[n - 1]], rowCount: n });
      expect(await page(n - 3, n + 5)).toEqual({ rows: expected.slice(n - 3), rowCount: n });
      expect(await page(n, n + 5)).toEqual({ rows: [], rowCount: n });
      expect(await page(0, 10_001)).toMatchObject({ code: 'INVALID_ARGUMENT' });
      expect((await apiDispatch(bigServices, 'range.rows', { resultId: '0123456789abcdef', rowStart: 0, rowEnd: 1 })).ok).toBe(false);
    } finally {
      rmSync(big.dir, { recursive: true, force: true });
    }
  });
});

describe('range cache budget setting', () => {
  it('is stored and checked (at least 64 MiB)', async () => {
    expect((await apiDispatch(services, 'settings.set', { rangeCacheBytes: 64 << 20 })).ok).toBe(true);
    expect(await apiDispatch(services, 'settings.get', {})).toMatchObject({ ok: true, value: { rangeCacheBytes: 64 << 20 } });
    const tooSmall = await apiDispatch(services, 'settings.set', { rangeCacheBytes: 1000 });
    expect(tooSmall.ok ? null : tooSmall.error.code).toBe('INVALID_ARGUMENT');
  });
});

describe('range.export', () => {
  it('writes the result into the output folder through a part file, never over an existing file', async () => {
    const arg = {
      ...range,
      sql: 'SELECT status, count(*) AS n FROM logs GROUP BY status ORDER BY status',
      fileName: 'by-status.csv',
      jobId: 'rx1',
    };
    const r = await apiDispatch(services, 'range.export', arg);
    const expected = new Map<string, number>();
    for (const row of day.rows)
      if (row.time >= range.from / 1000 && row.time < range.to / 1000) expected.set(row.status, (expected.get(row.status) ?? 0) + 1);
    const text = `status,n\n${[...expected.entries()]
      .sort()
      .map(([s, n]) => `${s},${n}`)
      .join('\n')}\n`;
    expect(r).toEqual({
      ok: true,
      value: { path: join(root, 'out', 'by-status.csv'), bytes: Buffer.byteLength(text), rows: expected.size },
    });
    expect(readFileSync(join(root, 'out', 'by-status.csv'), 'utf8')).toBe(text);
    const again = await apiDispatch(services, 'range.export', { ...arg, jobId: 'rx2' });
    expect(again.ok ? null : again.error.code).toBe('FILE_EXISTS');
    expect(readdirSync(join(root, 'out'))).toEqual(['by-status.csv']);
  });
});
