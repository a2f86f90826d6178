// Packs of the range cache (main/range/rangeCachePacks.ts, rangePackWrite.ts): after a query
// asks for one, the converter copies the objects' columnar forms into one Parquet file, and a
// later query reads that file — the whole day and a two-hour window of it — with exactly the
// rows, keys and columns the JSON gave. A pack goes with the first member evicted, and one
// whose member list is torn or whose member is gone is dropped when the cache is loaded.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { RangeCache } from '../../main/range/rangeCache';
import { rangeConvert } from '../../main/range/rangeConvert';
import { rangeConvertLocked, rangePackAsk } from '../../main/range/rangeConvertRun';
import { rangeDepsCreate } from '../../main/range/rangeEngine';
import type { RangeDeps } from '../../main/range/rangeEngine';
import type { RangeFile } from '../../main/range/rangeFetch';
import { rangePlan } from '../../main/range/rangePlan';
import { rangeQuery } from '../../main/range/rangeRun';
import { rangeRuleFromOptions, rangeSpecCreate } from '../../main/range/rangeSpec';
import type { RangeCell, RangeColumn } from '../../main/range/rangeValues';
import { LocalFolderStorage } from '../../main/storage/localFolderStorage';
import { cst, dayGenerate, tempFolders } from './queryHelpers';
import type { Day } from './queryHelpers';

const { fresh, keep } = tempFolders();

const rule = rangeRuleFromOptions({ partitionFormat: '%Y/%m/%d/%H/%M', compression: 'snappy' });
const all = 'SELECT * FROM logs ORDER BY _key, __time__, bytes';

interface Answer {
  columns: RangeColumn[];
  rows: RangeCell[][];
  files: RangeFile[];
  reads: number;
}

async function run(day: Day, deps: RangeDeps, sql: string, from = '2026-12-04T00:00:00', to = '2026-12-05T00:00:00'): Promise<Answer> {
  const storage = new LocalFolderStorage(day.dir);
  const plan = await rangePlan(storage, rangeSpecCreate({ prefix: 'logs', rule, fromMs: cst(from) * 1000, toMs: cst(to) * 1000 }));
  const rows: RangeCell[][] = [];
  const result = await rangeQuery(storage, plan, deps, sql, async (chunk) => {
    rows.push(...chunk);
  });
  return { columns: result.columns, rows, files: result.fetched.files, reads: result.fetched.reads };
}

const names = (dir: string, pattern: RegExp): string[] => readdirSync(dir).filter((n) => pattern.test(n));
const packPattern = /^pack-[0-9a-f]{40}-\d+\.[0-9a-f]{12}\.parquet$/;
const formPattern = /^[0-9a-f]{40}-\d+\.[0-9a-f]{12}\.parquet$/;

/** Overwrite files with zeros of the same size: reading one now fails or finds nothing. */
function spoil(dir: string, files: string[]): void {
  for (const name of files) writeFileSync(join(dir, name), Buffer.alloc(statSync(join(dir, name)).size));
}

describe('range cache packs', () => {
  let day: Day;
  let jsonAll: Answer;
  let jsonWindow: Answer;
  let deps: RangeDeps;

  /** A fresh cache holding the day, converted and packed. */
  async function packedDay(name: string): Promise<RangeDeps> {
    const local = rangeDepsCreate({ dataDir: fresh(name), workerPath: null, maxDecodeBytes: 1 << 30 });
    await rangePackAsk(local.cache, (await run(day, local, all)).files);
    expect((await rangeConvert(local.cache)).packs).toBe(1);
    return local;
  }

  beforeAll(async () => {
    day = dayGenerate(['--objects', '40', '--rows', '25']);
    keep(day.dir);
    deps = rangeDepsCreate({ dataDir: fresh('range-pack-'), workerPath: null, maxDecodeBytes: 1 << 30 });
    jsonAll = await run(day, deps, all);
    jsonWindow = await run(day, deps, all, '2026-12-04T01:00:00', '2026-12-04T03:00:00');
  }, 120_000);

  it('packs the objects a query asked for; later queries read the pack, the day and a two-hour window exactly', async () => {
    expect(jsonAll.files).toHaveLength(40);
    expect(await rangePackAsk(deps.cache, jsonAll.files)).toBe(true);
    expect(await rangeConvert(deps.cache)).toEqual({ converted: 40, kept: 0, packs: 1 });
    expect(names(join(deps.cache.dir, 'convert', 'packs'), /./)).toEqual([]);
    const [pack] = names(deps.cache.dir, packPattern);
    const signature = (pack as string).split('.')[1] as string;
    expect(names(join(deps.cache.dir, 'signatures'), /./)).toEqual([`${signature}.json`]);
    // The members in the query's order, as the pack's list says.
    const members = JSON.parse(
      readFileSync(join(deps.cache.dir, (pack as string).replace(/-\d+\.[0-9a-f]{12}\.parquet$/, '.members')), 'utf8'),
    ) as string[];
    expect(members).toEqual(jsonAll.files.map((f) => f.file.split('/').pop()?.slice(0, 40)));

    // Only the pack can answer now: the JSON and every object's own Parquet are zeros.
    spoil(deps.cache.dir, [...names(deps.cache.dir, /\.ndjson$/), ...names(deps.cache.dir, formPattern)]);
    const fresh2 = rangeDepsCreate({ dataDir: join(deps.cache.dir, '..'), workerPath: null, maxDecodeBytes: 1 << 30 });
    const packedAll = await run(day, fresh2, all);
    expect(packedAll.reads).toBe(0);
    expect(packedAll.files.every((f) => f.columnar?.pack?.members === 40)).toBe(true);
    expect(packedAll.columns).toEqual(jsonAll.columns);
    expect(packedAll.rows).toEqual(jsonAll.rows);
    expect(packedAll.rows).toHaveLength(day.tally.total);
    const packedWindow = await run(day, fresh2, all, '2026-12-04T01:00:00', '2026-12-04T03:00:00');
    expect(packedWindow.files.length).toBeLessThan(40);
    expect(packedWindow.rows).toEqual(jsonWindow.rows);
    const expectedWindow = day.rows.filter((r) => r.time >= cst('2026-12-04T01:00:00') && r.time < cst('2026-12-04T03:00:00'));
    expect(packedWindow.rows).toHaveLength(expectedWindow.length);
    // Nothing more to pack: a query over packed objects asks for nothing.
    expect(await rangePackAsk(fresh2.cache, packedAll.files)).toBe(false);
  }, 120_000);

  it('drops a pack whose member list is torn on load, and writes none when its members cannot be read', async () => {
    const dir = deps.cache.dir;
    const [pack] = names(dir, packPattern);
    const list = join(dir, (pack as string).replace(/-\d+\.[0-9a-f]{12}\.parquet$/, '.members'));
    const original = readFileSync(list, 'utf8');

    writeFileSync(list, original.slice(0, -5));
    const torn = new RangeCache(dir);
    expect((await torn.usage()).entries).toBe(40);
    expect(names(dir, /^pack-/)).toEqual([]);

    // Asked again: the members' own forms are zeros now, so the copy fails and no pack appears.
    expect(await rangePackAsk(torn, jsonAll.files)).toBe(true);
    expect((await rangeConvert(torn)).packs).toBe(0);
    expect(names(dir, /^pack-/)).toEqual([]);
  }, 120_000);

  it('goes with an evicted member, and a cache loaded without one of its members drops it', async () => {
    const local = await packedDay('range-pack-evict-');
    const dir = local.cache.dir;
    const before = await local.cache.usage();
    const packBytes = statSync(join(dir, names(dir, packPattern)[0] as string)).size;
    local.cache.release();
    // A budget one byte short: the least recently used entry goes, and its pack with it.
    local.cache.budgetSet(before.bytes - 1);
    expect(await local.cache.evict()).toBe(1);
    expect(names(dir, /^pack-/)).toEqual([]);
    const after = await local.cache.usage();
    expect(after.entries).toBe(39);
    expect(before.bytes - after.bytes).toBeGreaterThan(packBytes);

    // Packed again, then a member's files removed by another process: the next load drops the pack.
    const again = await run(day, local, all);
    local.cache.budgetSet(1 << 30);
    await rangePackAsk(local.cache, again.files);
    expect((await rangeConvert(local.cache)).packs).toBe(1);
    const stem = names(dir, /\.ndjson$/)[0]?.slice(0, 40) as string;
    for (const name of names(dir, new RegExp(`^${stem}`))) rmSync(join(dir, name));
    const reloaded = new RangeCache(dir);
    expect((await reloaded.usage()).entries).toBe(39);
    expect(names(dir, /^pack-/)).toEqual([]);
  }, 120_000);

  it('reads from a pack only the objects the plan names: a very late row in an unplanned member stays out', async () => {
    const root = fresh('range-pack-late-');
    const base = cst('2026-12-04T00:00:00');
    // 36 five-minute tasks of two rows each; the last (03:00) also holds a row of 01:30, later
    // than any lag the planner allows, so a window on 01:00–02:00 does not plan it.
    for (let i = 0; i < 36; i++) {
      const task = base + (i + 1) * 300;
      const rows = [base + i * 300, base + i * 300 + 1].map((t) => ({ __time__: t, v: i }));
      if (i === 35) rows.push({ __time__: cst('2026-12-04T01:30:00'), v: 99 });
      const at = new Date((task + 8 * 3600) * 1000).toISOString();
      const dir = join(root, 'logs', '2026', '12', '04', at.slice(11, 13));
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${at.slice(14, 16)}_${task}123456789_0`), `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
    }
    const plain = rangeRuleFromOptions({ partitionFormat: '%Y/%m/%d/%H/%M', compression: 'none' });
    const local = rangeDepsCreate({ dataDir: fresh('range-pack-late-cache-'), workerPath: null, maxDecodeBytes: 1 << 30 });
    const storage = new LocalFolderStorage(root);
    const query = async (from: string, to: string): Promise<Answer> => {
      const plan = await rangePlan(
        storage,
        rangeSpecCreate({ prefix: 'logs', rule: plain, fromMs: cst(from) * 1000, toMs: cst(to) * 1000 }),
      );
      const rows: RangeCell[][] = [];
      const result = await rangeQuery(storage, plan, local, 'SELECT v, _key FROM logs ORDER BY __time__, v', async (chunk) => {
        rows.push(...chunk);
      });
      return { columns: result.columns, rows, files: result.fetched.files, reads: result.fetched.reads };
    };
    const day = await query('2026-12-04T00:00:00', '2026-12-04T04:00:00');
    expect(day.rows.filter((r) => r[0] === '99')).toHaveLength(1);
    const fromJson = await query('2026-12-04T01:00:00', '2026-12-04T02:00:00');
    expect(fromJson.rows.some((r) => r[0] === '99')).toBe(false);
    await rangePackAsk(local.cache, day.files);
    expect(await rangeConvert(local.cache)).toEqual({ converted: 36, kept: 0, packs: 1 });
    const fromPack = await query('2026-12-04T01:00:00', '2026-12-04T02:00:00');
    expect(fromPack.files.every((f) => f.columnar?.pack !== undefined)).toBe(true);
    expect(fromPack.rows).toEqual(fromJson.rows);
    expect(fromPack.rows).toHaveLength(24);
  }, 120_000);

  it("dates packed entries by their pack: an older loose entry is evicted first, and a use touches the pack, not the members' files", async () => {
    const local = await packedDay('range-pack-lru-');
    const loose = 'f'.repeat(40);
    await local.cache.put(loose, 'ndjson', new TextEncoder().encode('{"__time__":1}\n'));
    local.cache.release();
    const dir = local.cache.dir;
    const at = (iso: string): Date => new Date(iso);
    for (const name of names(dir, /^[0-9a-f]{40}-/)) utimesSync(join(dir, name), at('2020-01-01'), at('2020-01-01'));
    utimesSync(join(dir, names(dir, /^f{40}-/)[0] as string), at('2020-06-01'), at('2020-06-01'));
    const [pack] = names(dir, packPattern);
    utimesSync(join(dir, pack as string), at('2021-01-01'), at('2021-01-01'));

    const reloaded = new RangeCache(dir);
    const before = await reloaded.usage();
    reloaded.budgetSet(before.bytes - 1);
    expect(await reloaded.evict()).toBe(1);
    expect(names(dir, /^f{40}-/)).toEqual([]);
    expect(names(dir, packPattern)).toEqual([pack]);

    const member = names(dir, /\.ndjson$/)[0] as string;
    expect(await new RangeCache(dir).get(member.slice(0, 40))).toBe(join(dir, member));
    for (let i = 0; i < 50 && statSync(join(dir, pack as string)).mtimeMs < Date.parse('2025-01-01'); i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(statSync(join(dir, pack as string)).mtimeMs).toBeGreaterThan(Date.parse('2025-01-01'));
    expect(statSync(join(dir, member)).mtimeMs).toBe(Date.parse('2020-01-01'));
  }, 120_000);

  it('keeps a pack a running query may read, dates its members by it when it goes, and forgets one another process removed', async () => {
    const local = await packedDay('range-pack-held-');
    const dir = local.cache.dir;
    const [pack] = names(dir, packPattern);
    const stems = names(dir, /\.ndjson$/).map((n) => n.slice(0, 40));
    for (const name of names(dir, /^[0-9a-f]{40}-/)) utimesSync(join(dir, name), new Date('2020-01-01'), new Date('2020-01-01'));
    utimesSync(join(dir, pack as string), new Date('2021-01-01'), new Date('2021-01-01'));

    // One member in use: no member of its pack goes, whatever the budget.
    const held = new RangeCache(dir);
    expect(await held.get(stems[5] as string)).not.toBeNull();
    held.budgetSet(1);
    expect(await held.evict()).toBe(0);
    expect(names(dir, packPattern)).toEqual([pack]);
    // Released: the oldest goes with the pack, and the others keep the pack's date on their files.
    held.release();
    held.budgetSet((await held.usage()).bytes - 1);
    expect(await held.evict()).toBe(1);
    expect(names(dir, /^pack-/)).toEqual([]);
    const kept = names(dir, /\.ndjson$/);
    expect(kept).toHaveLength(39);
    // The pack's last use is the get above (it touched the pack, not the member files).
    await vi.waitFor(() => expect(kept.filter((n) => statSync(join(dir, n)).mtimeMs < Date.parse('2025-01-01'))).toEqual([]));

    // Packed again; another process removes the pack: past the recheck this cache forgets it
    // and the day is answered from the members' own forms, exactly.
    const repacked = new RangeCache(dir);
    await rangePackAsk(repacked, (await run(day, { ...local, cache: repacked }, all)).files);
    expect((await rangeConvert(repacked)).packs).toBe(1);
    expect((await repacked.columnar(kept[0]?.slice(0, 40) as string))?.pack).toBeDefined();
    for (const name of names(dir, /^pack-/)) rmSync(join(dir, name));
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 11_000);
      expect((await repacked.columnar(kept[0]?.slice(0, 40) as string))?.pack).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
    const after = await run(day, { ...local, cache: repacked }, all);
    expect(after.files.some((f) => f.columnar?.pack)).toBe(false);
    expect(after.rows).toEqual(jsonAll.rows.filter((r) => after.files.some((f) => f.object.key === r[r.length - 2])));
  }, 120_000);

  it("asks for a pack only for 32 decoded JSON objects of one signature or yet unconverted, and clears dead converters' parts", async () => {
    const dir = fresh('range-pack-ask-');
    const cache = new RangeCache(join(dir, 'range-cache'));
    const file = (i: number, ext: string, signature?: string): RangeFile => ({
      object: jsonAll.files[0]?.object as RangeFile['object'],
      file: join(cache.dir, `${String(i).padStart(40, '0')}-10.${ext}`),
      fromCache: true,
      ...(signature ? { columnar: { file: join(cache.dir, `${i}.parquet`), signature } } : {}),
    });
    const range = (n: number, make: (i: number) => RangeFile): RangeFile[] => Array.from({ length: n }, (_, i) => make(i));
    expect(
      await rangePackAsk(
        cache,
        range(40, (i) => file(i, 'csv')),
      ),
    ).toBe(false);
    expect(
      await rangePackAsk(
        cache,
        range(40, (i) => file(i, 'ndjson', i % 2 ? 'aaaaaaaaaaaa' : 'bbbbbbbbbbbb')),
      ),
    ).toBe(false);
    expect(
      await rangePackAsk(
        cache,
        range(31, (i) => file(i, 'ndjson')),
      ),
    ).toBe(false);
    expect(existsSync(join(cache.dir, 'convert', 'packs'))).toBe(false);
    expect(
      await rangePackAsk(cache, [...range(20, (i) => file(i, 'ndjson', 'aaaaaaaaaaaa')), ...range(12, (i) => file(100 + i, 'ndjson'))]),
    ).toBe(true);
    expect(await cache.packs.requests()).toHaveLength(1);

    const convert = join(cache.dir, 'convert');
    writeFileSync(join(convert, 'pack-x.parquet.old.part'), 'x');
    writeFileSync(join(convert, 'pack-y.parquet.new.part'), 'y');
    utimesSync(join(convert, 'pack-x.parquet.old.part'), new Date('2020-01-01'), new Date('2020-01-01'));
    await rangeConvertLocked(cache);
    expect(readdirSync(convert).sort()).toEqual(['pack-y.parquet.new.part', 'packs']);
  }, 120_000);
});
