import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RangeCache } from '../../../../main/range/rangeCache';

const dirs: string[] = [];
const fresh = (): string => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rangeCache-'));
  dirs.push(dir);
  return path.join(dir, 'cache');
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const stem = (key: string) => RangeCache.stem({ storage: 'local:/b', key, size: 1, lastModified: 't' });

describe('RangeCache', () => {
  it('names an entry by object version and size, and finds it again', async () => {
    const cache = new RangeCache(fresh(), 100);
    const file = await cache.put(stem('a'), 'ndjson', new Uint8Array(10));
    expect(path.basename(file)).toBe(`${stem('a')}-10.ndjson`);
    expect(await cache.get(stem('a'))).toBe(file);
    expect(stem('a')).not.toBe(RangeCache.stem({ storage: 'local:/b', key: 'a', size: 1, lastModified: 'u' }));
  });

  it('keeps every entry put by concurrent fetches on a fresh instance (one shared load of the folder)', async () => {
    const dir = fresh();
    // Earlier entries on disk make each load of the folder take a while.
    const seed = new RangeCache(dir, 1e9);
    for (let i = 0; i < 200; i++) await seed.put(stem(`old${i}`), 'ndjson', new Uint8Array(1));
    const cache = new RangeCache(dir, 1e9);
    const keys = Array.from({ length: 12 }, (_v, i) => `new${i}`);
    await Promise.all(
      keys.map(async (k, i) => {
        await new Promise((resolve) => setTimeout(resolve, i % 4));
        expect(await cache.get(stem(k))).toBeNull();
        await cache.put(stem(k), 'ndjson', new Uint8Array(5));
      }),
    );
    for (const k of keys) expect(await cache.get(stem(k))).not.toBeNull();
    expect(await cache.usage()).toMatchObject({ entries: 212, bytes: 260 });
  });

  it('evicts least recently used, unpinned entries beyond the budget', async () => {
    const dir = fresh();
    const cache = new RangeCache(dir, 25);
    await cache.put(stem('a'), 'ndjson', new Uint8Array(10));
    await cache.put(stem('b'), 'ndjson', new Uint8Array(10));
    cache.release();
    await cache.get(stem('a')); // a is used again: pinned; b is the only entry that may go
    await cache.put(stem('c'), 'ndjson', new Uint8Array(10));
    expect(readdirSync(dir).sort()).toEqual([`${stem('a')}-10.ndjson`, `${stem('c')}-10.ndjson`].sort());
    expect(await cache.usage()).toEqual({ entries: 2, bytes: 20, budgetBytes: 25 });
  });

  it('drops truncated entries and leftover parts when it loads, and clears everything', async () => {
    const dir = fresh();
    const first = new RangeCache(dir, 100);
    const file = await first.put(stem('a'), 'csv', new Uint8Array(10));
    writeFileSync(file, 'short');
    writeFileSync(path.join(dir, `${stem('b')}-3.csv.1234abcd.part`), 'abc');
    const second = new RangeCache(dir, 100);
    expect(await second.get(stem('a'))).toBeNull();
    expect(readdirSync(dir)).toEqual([]);
    await second.put(stem('c'), 'parquet', new Uint8Array(4));
    expect(await second.clear()).toEqual({ entries: 1, bytes: 4 });
    expect(await second.get(stem('c'))).toBeNull();
  });

  it('keeps a columnar form with its entry: found again, counted, evicted together; an orphan goes on load', async () => {
    const dir = fresh();
    const cache = new RangeCache(dir, 100);
    await cache.put(stem('a'), 'ndjson', new Uint8Array(10));
    await cache.put(stem('b'), 'ndjson', new Uint8Array(10));
    expect((await cache.unconverted()).map((u) => u.stem).sort()).toEqual([stem('a'), stem('b')].sort());
    const part = path.join(dir, 'a.part');
    writeFileSync(part, 'PAR1');
    expect(await cache.columnarPut(stem('a'), part, '0123456789ab')).toBe(true);
    const columnarName = `${stem('a')}-4.0123456789ab.parquet`;
    expect(await cache.columnar(stem('a'))).toEqual({ file: path.join(dir, columnarName), signature: '0123456789ab' });
    expect((await cache.unconverted()).map((u) => u.stem)).toEqual([stem('b')]);
    expect(await cache.usage()).toEqual({ entries: 2, bytes: 24, budgetBytes: 100 });
    writeFileSync(path.join(dir, `${stem('z')}-3.0123456789ab.parquet`), 'abc');
    const again = new RangeCache(dir, 15);
    expect(await again.columnar(stem('a'))).toEqual({ file: path.join(dir, columnarName), signature: '0123456789ab' });
    await again.get(stem('b'));
    await again.evict();
    expect(readdirSync(dir).sort()).toEqual([`${stem('b')}-10.ndjson`]);
  });
});
