// The range engine end to end: cache (no second read), cancel, corrupt objects, CSV and Parquet shipments.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ByteSource } from '../../core/bytes/byteSource';
import { ShiplensError } from '../../core/errors';
import { rangeDepsCreate, rangeOpen } from '../../main/range/rangeEngine';
import type { RangeDeps } from '../../main/range/rangeEngine';
import { rangePlan } from '../../main/range/rangePlan';
import { rangeRuleFromOptions, rangeRuleFromShippingRule, rangeSpecCreate } from '../../main/range/rangeSpec';
import type { RangeRule } from '../../main/range/rangeSpec';
import type { RangeCell } from '../../main/range/rangeValues';
import { shippingRuleDefault } from '../../core/shipping/rule';
import { LocalFolderStorage } from '../../main/storage/localFolderStorage';
import type { Storage } from '../../main/storage/storage';
import { cst, dayGenerate } from './queryHelpers';
import type { Day } from './queryHelpers';

const temp: string[] = [];
const tempDir = (name: string): string => {
  const dir = mkdtempSync(join(tmpdir(), name));
  temp.push(dir);
  return dir;
};
afterAll(() => temp.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A storage that counts object opens and can stall one key until the signal aborts. */
function counting(inner: Storage, stallKey?: string): Storage & { opens: number } {
  const wrapped = Object.create(inner) as Storage & { opens: number };
  wrapped.opens = 0;
  wrapped.open = async (key: string, signal?: AbortSignal): Promise<ByteSource> => {
    wrapped.opens++;
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

const jsonRule = rangeRuleFromOptions({ partitionFormat: '%Y/%m/%d/%H/%M', compression: 'snappy' });
const window = (rule: RangeRule, from = '2026-12-04T00:00:00', to = '2026-12-05T00:00:00') =>
  rangeSpecCreate({ prefix: 'logs', rule, fromMs: cst(from) * 1000, toMs: cst(to) * 1000 });
const deps = (): RangeDeps => rangeDepsCreate({ dataDir: tempDir('range-data-'), workerPath: null, maxDecodeBytes: 1 << 30 });

async function rows(storage: Storage, rule: RangeRule, d: RangeDeps, sql: string, onError: 'stop' | 'skip' = 'stop') {
  const plan = await rangePlan(storage, window(rule));
  const opened = await rangeOpen(storage, plan, d, { onError });
  const out: RangeCell[][] = [];
  try {
    await opened.session.query(sql, async (chunk) => void out.push(...chunk));
  } finally {
    opened.close();
  }
  return { out, fetched: opened.fetched };
}

describe('range engine', () => {
  let day: Day;
  beforeAll(() => {
    day = dayGenerate(['--objects', '36', '--rows', '10']);
  });

  it('reads no object again on a second query over the same range', async () => {
    const d = deps();
    const storage = counting(new LocalFolderStorage(day.dir));
    const first = await rows(storage, jsonRule, d, 'SELECT count(*) FROM logs');
    expect(first.out).toEqual([[String(day.tally.total)]]);
    expect([first.fetched.reads, storage.opens]).toEqual([36, 36]);
    const second = await rows(storage, jsonRule, d, 'SELECT sum(bytes::BIGINT) FROM logs');
    expect(second.out).toEqual([[String(day.tally.bytesSum)]]);
    expect([second.fetched.reads, storage.opens]).toEqual([0, 36]);
  });

  it('gives each open range its own spill folder under the cache, removed when it closes', async () => {
    const d = deps();
    const storage = new LocalFolderStorage(day.dir);
    const plan = await rangePlan(storage, window(jsonRule));
    const [a, b] = await Promise.all([rangeOpen(storage, plan, d), rangeOpen(storage, plan, d)]);
    const folderOf = async (opened: typeof a): Promise<string> => {
      const cells: RangeCell[][] = [];
      await opened.session.query("SELECT current_setting('temp_directory')", async (chunk) => void cells.push(...chunk));
      return String(cells[0]?.[0]);
    };
    const [folderA, folderB] = [await folderOf(a), await folderOf(b)];
    expect(dirname(folderA)).toBe(join(d.cache.dir, 'spill'));
    expect(dirname(folderB)).toBe(join(d.cache.dir, 'spill'));
    expect(folderA).not.toBe(folderB);
    // What DuckDB would spill there goes with the session.
    mkdirSync(folderA, { recursive: true });
    writeFileSync(join(folderA, 'duckdb_temp_storage-0.tmp'), 'x');
    a.close();
    b.close();
    expect(readdirSync(join(d.cache.dir, 'spill'))).toEqual([]);
  });

  it('reads a changed object again (new size and time) and answers with its new rows exactly', async () => {
    const d = deps();
    const copy = tempDir('range-changed-');
    for (const key of day.tally.objects) {
      mkdirSync(dirname(join(copy, key)), { recursive: true });
      copyFileSync(join(day.dir, key), join(copy, key));
    }
    const storage = counting(new LocalFolderStorage(copy));
    const sql = 'SELECT status, count(*) AS n, sum(bytes::BIGINT) AS s FROM logs GROUP BY status ORDER BY status';
    const tally = (rowsOf: typeof day.rows) => {
      const by = new Map<string, [number, number]>();
      for (const r of rowsOf) {
        const [n, s] = by.get(r.status) ?? [0, 0];
        by.set(r.status, [n + 1, s + r.bytes]);
      }
      return [...by].sort((a, b) => a[0].localeCompare(b[0])).map(([status, [n, s]]) => [status, String(n), String(s)]);
    };
    const before = await rows(storage, jsonRule, d, sql);
    expect(before.out).toEqual(tally(day.rows));
    expect((await rows(storage, jsonRule, d, sql)).fetched.reads).toBe(0);
    // Object 7 now holds object 20's bytes (another size; the rows of 20 are in the window too).
    const [changed, source] = [day.tally.objects[7] as string, day.tally.objects[20] as string];
    expect(statSync(join(copy, changed)).size).not.toBe(statSync(join(copy, source)).size);
    writeFileSync(join(copy, changed), readFileSync(join(copy, source)));
    const after = await rows(storage, jsonRule, d, sql);
    expect(after.fetched.reads).toBe(1);
    const expected = [...day.rows.filter((r) => r.key !== changed), ...day.rows.filter((r) => r.key === source)];
    expect(after.out).toEqual(tally(expected));
  });

  it('leaves no partial cache entry when cancelled mid-range', async () => {
    const d = deps();
    const storage = counting(new LocalFolderStorage(day.dir), day.tally.objects[5]);
    const controller = new AbortController();
    const plan = await rangePlan(storage, window(jsonRule));
    const run = rangeOpen(storage, plan, d, {
      signal: controller.signal,
      concurrency: 3,
      onProgress: (p) => p.done === 4 && controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    const names = readdirSync(d.cache.dir).filter((n) => n !== 'spill');
    expect(names.filter((n) => !/^[0-9a-f]{40}-\d+\.ndjson$/.test(n))).toEqual([]);
    for (const n of names) expect(statSync(join(d.cache.dir, n)).size).toBe(Number(/-(\d+)\./.exec(n)?.[1]));
    expect(names.length).toBeGreaterThanOrEqual(4);
    expect(names.length).toBeLessThan(36);
  });

  it('reports a corrupt object with its key: stops, or skips it when asked', async () => {
    const copy = tempDir('range-corrupt-');
    for (const key of day.tally.objects) {
      mkdirSync(dirname(join(copy, key)), { recursive: true });
      copyFileSync(join(day.dir, key), join(copy, key));
    }
    const bad = day.tally.objects[7] as string;
    writeFileSync(join(copy, bad), readFileSync(join(copy, bad)).subarray(0, 40));
    const storage = new LocalFolderStorage(copy);
    await expect(rows(storage, jsonRule, deps(), 'SELECT count(*) FROM logs')).rejects.toMatchObject({ source: bad, code: 'TRUNCATED' });
    // Raw blocks are decoded in place (main/codecs/wasmSnappyInPlace.ts); only the corrupt one
    // goes to the DecodeRunner, which names its fault.
    const d = deps();
    const decoded: number[] = [];
    const runner = d.decode;
    d.decode = (bytes, o) => (decoded.push(bytes.length), runner(bytes, o));
    const skipped = await rows(storage, jsonRule, d, 'SELECT count(*) FROM logs', 'skip');
    expect(skipped.fetched.failed.map((f) => [f.key, f.error.code])).toEqual([[bad, 'TRUNCATED']]);
    expect(skipped.out).toEqual([[String(day.rows.filter((r) => r.key !== bad).length)]]);
    expect([skipped.fetched.reads, decoded]).toEqual([35, [40]]);
  });

  it('reads CSV shipments with the rule dialect and columns (quotes, delimiter, invalid-key value)', async () => {
    const csvDay = dayGenerate(['--format', 'csv', '--objects', '12', '--rows', '10']);
    temp.push(csvDay.dir);
    const columns = ['__time__', '__source__', 'status', 'bytes', 'ip', 'path', 'ua', 'msg'];
    const rule = rangeRuleFromShippingRule({
      ...shippingRuleDefault(),
      format: 'csv',
      compression: 'snappy',
      csv: { columns, delimiter: '|', quote: '"', nullValue: '-', header: false },
    });
    const r = await rows(
      new LocalFolderStorage(csvDay.dir),
      rule,
      deps(),
      'SELECT count(*), sum(bytes::BIGINT), count(*) FILTER (ua IS NULL), max(msg) FILTER (__time__ = (SELECT min(__time__) FROM logs)) FROM logs',
    );
    const total = csvDay.tally.total;
    expect(r.out).toEqual([
      [String(total), String(csvDay.tally.bytesSum), String(Math.floor((total - 1) / 5) + 1), 'a "quoted" | piped, ünïcode 日志 line 0'],
    ]);
  });

  it('reads Parquet shipments written by DuckDB (typed columns, Hive partition columns)', async () => {
    const dir = tempDir('range-parquet-');
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const tasks = day.tally.objects.slice(0, 3);
    for (const key of tasks) {
      const out = join(
        dir,
        'logs',
        key
          .slice(5)
          .replace(/^(\d{4})\/(\d\d)\/(\d\d)\//, 'year=$1/mon=$2/day=$3/')
          .replace(/\.snappy$/, '.snappy.parquet'),
      );
      mkdirSync(dirname(out), { recursive: true });
      const selected = day.rows.filter((row) => row.key === key);
      const values = selected.map((row) => `(${row.time}, '${row.status}', ${row.bytes})`).join(', ');
      await c.run(
        `COPY (SELECT t::INTEGER AS __time__, s AS status, b::BIGINT AS bytes FROM (VALUES ${values}) v(t, s, b)) TO '${out}' (FORMAT parquet, COMPRESSION snappy)`,
      );
    }
    c.closeSync();
    db.closeSync();
    const rule = rangeRuleFromOptions({ partitionFormat: 'year=%Y/mon=%m/day=%d/%H/%M', storage: 'parquet' });
    const r = await rows(new LocalFolderStorage(dir), rule, deps(), 'SELECT count(*), sum(bytes), min(day), typeof(sum(bytes)) FROM logs');
    const expected = day.rows.filter((row) => tasks.includes(row.key));
    expect(r.out).toEqual([[String(expected.length), String(expected.reduce((n, row) => n + row.bytes, 0)), '04', 'HUGEINT']]);
  });
});
