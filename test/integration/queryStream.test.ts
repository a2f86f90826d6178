// A query over a range that answers from the first objects (LIMIT without ORDER BY) and the
// exact path for everything else: same rows from a cold and a warm cache, no partial cache
// entry after a cancel mid-stream.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ByteSource } from '../../core/bytes/byteSource';
import { ShiplensError } from '../../core/errors';
import { rangeDepsCreate } from '../../main/range/rangeEngine';
import type { RangeDeps } from '../../main/range/rangeEngine';
import { rangePlan } from '../../main/range/rangePlan';
import { rangeQuery } from '../../main/range/rangeRun';
import { rangeRuleFromOptions, rangeSpecCreate } from '../../main/range/rangeSpec';
import type { RangeCell } from '../../main/range/rangeValues';
import { LocalFolderStorage } from '../../main/storage/localFolderStorage';
import type { Storage } from '../../main/storage/storage';
import { cst, dayGenerate } from './queryHelpers';
import type { Day } from './queryHelpers';

const temp: string[] = [];
afterAll(() => temp.forEach((d) => rmSync(d, { recursive: true, force: true })));
const deps = (): RangeDeps => {
  const dataDir = mkdtempSync(join(tmpdir(), 'range-stream-'));
  temp.push(dataDir);
  return rangeDepsCreate({ dataDir, workerPath: null, maxDecodeBytes: 1 << 30 });
};

/** A storage whose `stallKey` never finishes reading (until the signal aborts); counts opens. */
function stalling(inner: Storage, stallKey?: string): Storage & { opened: string[] } {
  const wrapped = Object.create(inner) as Storage & { opened: string[] };
  wrapped.opened = [];
  wrapped.open = async (key: string, signal?: AbortSignal): Promise<ByteSource> => {
    wrapped.opened.push(key);
    const source = await inner.open(key, signal);
    if (key !== stallKey) return source;
    return {
      size: source.size,
      read: (_o, _l, s) =>
        new Promise((_r, reject) => s?.addEventListener('abort', () => reject(new ShiplensError('CANCELLED', 'cancelled')))),
    };
  };
  return wrapped;
}

const rule = rangeRuleFromOptions({ partitionFormat: '%Y/%m/%d/%H/%M', compression: 'snappy' });

describe('range query streaming', () => {
  let day: Day;
  beforeAll(() => {
    day = dayGenerate(['--objects', '30', '--rows', '10']);
    temp.push(day.dir);
  });
  const plan = (storage: Storage) =>
    rangePlan(
      storage,
      rangeSpecCreate({ prefix: 'logs', rule, fromMs: cst('2026-12-04T00:00:00') * 1000, toMs: cst('2026-12-05T00:00:00') * 1000 }),
    );
  const run = async (storage: Storage, d: RangeDeps, sql: string, signal?: AbortSignal) => {
    const out: RangeCell[][] = [];
    const result = await rangeQuery(storage, await plan(storage), d, sql, async (rows) => void out.push(...rows), { signal });
    return { out, result };
  };
  /** The generator's rows in plan order (objects in key order, rows as written). */
  const firstRows = (n: number) =>
    day.rows
      .filter((r) => r.time >= cst('2026-12-04T00:00:00') && r.time < cst('2026-12-05T00:00:00'))
      .sort((a, b) => day.tally.objects.indexOf(a.key) - day.tally.objects.indexOf(b.key))
      .slice(0, n);

  it('answers LIMIT without ORDER BY from the first objects, without waiting for the rest', async () => {
    // Object 10 never arrives: the answer must come from objects 0-2 alone.
    const storage = stalling(new LocalFolderStorage(day.dir), day.tally.objects[10]);
    const { out, result } = await run(storage, deps(), 'SELECT _key, __time__::VARCHAR, status, bytes::BIGINT FROM logs LIMIT 25');
    expect(result.rows).toBe(25);
    expect(result.early).toBe(true);
    expect(out.map((r) => [r[0], r[2], Number(r[3])])).toEqual(firstRows(25).map((r) => [r.key, r.status, r.bytes]));
    expect(result.fetched.files.length).toBeLessThan(day.tally.objects.length);
  });

  it('returns the same rows from a warm cache as from a cold one, reading no object again', async () => {
    const d = deps();
    const storage = stalling(new LocalFolderStorage(day.dir));
    const sql = "SELECT _key, status, bytes FROM logs WHERE status = '500' LIMIT 12";
    const cold = await run(storage, d, sql);
    const opens = storage.opened.length;
    const warm = await run(storage, d, sql);
    expect(warm.out).toEqual(cold.out);
    expect(cold.out).toHaveLength(12);
    expect(warm.result.fetched.reads).toBe(0);
    expect(storage.opened.length).toBe(opens);
    const expected = firstRows(day.rows.length)
      .filter((r) => r.status === '500')
      .slice(0, 12);
    expect(cold.out.map((r) => [r[1], Number(r[2])])).toEqual(expected.map((r) => ['500', r.bytes]));
  });

  it('keeps exact answers for queries that need the whole range (ORDER BY, aggregates, small ranges)', async () => {
    const d = deps();
    const storage = new LocalFolderStorage(day.dir);
    const top = await run(storage, d, 'SELECT bytes::BIGINT AS b FROM logs ORDER BY b DESC LIMIT 3');
    expect(top.result.early).toBe(false);
    expect(top.out.map((r) => Number(r[0]))).toEqual(
      day.rows
        .map((r) => r.bytes)
        .sort((a, b) => b - a)
        .slice(0, 3),
    );
    const count = await run(storage, d, 'SELECT count(*) FROM logs LIMIT 5');
    expect(count.out).toEqual([[String(day.tally.total)]]);
    // A LIMIT above the range's rows: every object is read, every row returned.
    const all = await run(storage, d, 'SELECT status FROM logs LIMIT 100000');
    expect(all.result.rows).toBe(day.tally.total);
    expect(all.result.early).toBe(false);
  });

  it('leaves no partial cache entry when cancelled mid-stream', async () => {
    const d = deps();
    const storage = stalling(new LocalFolderStorage(day.dir), day.tally.objects[6]);
    const controller = new AbortController();
    let chunks = 0;
    const query = rangeQuery(
      storage,
      await plan(storage),
      d,
      // A large LIMIT streams (without `*`: its columns cannot change as objects bring fields).
      'SELECT _key, __time__, status, bytes, msg FROM logs LIMIT 100000',
      async () => {
        // Rows of the first objects are out; the stalled object holds the rest back: cancel.
        if (++chunks === 3) controller.abort();
      },
      { signal: controller.signal },
    );
    await expect(query).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(chunks).toBeGreaterThanOrEqual(3);
    const names = readdirSync(d.cache.dir).filter((n) => n !== 'spill');
    expect(names.filter((n) => !/^[0-9a-f]{40}-\d+\.ndjson$/.test(n))).toEqual([]);
    for (const n of names) expect(statSync(join(d.cache.dir, n)).size).toBe(Number(/-(\d+)\./.exec(n)?.[1]));
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect(names.length).toBeLessThan(day.tally.objects.length);
  });

  it('selects and filters on a field the first object lacks, with the columns of the objects read', async () => {
    const root = mkdtempSync(join(tmpdir(), 'range-fields-'));
    temp.push(root);
    const base = cst('2026-12-04T10:00:00');
    const objects = [
      [{ status: '200' }, { status: '304' }],
      [
        { status: '404', ua: 'curl' },
        { status: '200', ua: 'x' },
      ],
      [
        { status: '500', ua: 'x' },
        { status: '200', ua: 'y' },
      ],
      [{ status: '200', ua: 'x' }],
    ];
    objects.forEach((rows, i) => {
      const dir = join(root, 'logs', '2026', '12', '04', '10');
      mkdirSync(dir, { recursive: true });
      const lines = rows.map((r, j) => JSON.stringify({ __time__: base + i * 300 + j, ...r }));
      writeFileSync(join(dir, `${String((i + 1) * 5).padStart(2, '0')}_${base + (i + 1) * 300}123456789_${i}`), `${lines.join('\n')}\n`);
    });
    const jsonRule = rangeRuleFromOptions({ partitionFormat: '%Y/%m/%d/%H/%M', compression: 'none' });
    const storage = new LocalFolderStorage(root);
    const rangePlanOf = () =>
      rangePlan(storage, rangeSpecCreate({ prefix: 'logs', rule: jsonRule, fromMs: base * 1000, toMs: (base + 3600) * 1000 }));
    const ask = async (sql: string, from: Storage = storage) => {
      const out: RangeCell[][] = [];
      const result = await rangeQuery(from, await rangePlanOf(), deps(), sql, async (rows) => void out.push(...rows));
      return { out, result };
    };
    // The last object never arrives: the filter on `ua` (which the first object lacks) must be
    // answered from the objects read before it, in plan order, not by the whole range.
    const lastKey = `logs/2026/12/04/10/20_${base + 1200}123456789_3`;
    const filtered = await ask("SELECT status, ua FROM logs WHERE ua = 'x' LIMIT 2", stalling(storage, lastKey));
    expect(filtered.result.early).toBe(true);
    expect(filtered.out).toEqual([
      ['200', 'x'],
      ['500', 'x'],
    ]);
    const star = await ask('SELECT * EXCLUDE (_task_time) FROM logs LIMIT 3');
    // The whole range's answer (ORDER BY: not early) has the same columns and first rows.
    const whole = await ask('SELECT * EXCLUDE (_task_time) FROM logs ORDER BY __time__ LIMIT 3');
    expect(whole.result.early).toBe(false);
    expect(star.result.columns.map((c) => c.name)).toContain('ua');
    expect(star.result.columns).toEqual(whole.result.columns);
    expect(star.out).toEqual(whole.out);
    expect(star.out.map((r) => r[star.result.columns.findIndex((c) => c.name === 'ua')])).toEqual([null, null, 'curl']);
  });
});
