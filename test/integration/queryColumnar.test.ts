// The range cache's columnar forms (main/range/rangeConvert.ts): after conversion a query
// reads Parquet instead of the JSON, with the same columns (names, types, order) and exactly
// the same rows — on the generated day against its tally, and on objects whose fields differ
// in type from one object to the next (numbers and strings, nested objects, date-like strings,
// null-only and missing fields), where an object whose Parquet cannot stand for its JSON under
// the range's types is read from its JSON.
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rangeConvert } from '../../main/range/rangeConvert';
import { rangeDepsCreate } from '../../main/range/rangeEngine';
import type { RangeDeps } from '../../main/range/rangeEngine';
import { rangePlan } from '../../main/range/rangePlan';
import { rangeQuery } from '../../main/range/rangeRun';
import { rangeRuleFromOptions, rangeSpecCreate } from '../../main/range/rangeSpec';
import type { RangeCell, RangeColumn } from '../../main/range/rangeValues';
import { LocalFolderStorage } from '../../main/storage/localFolderStorage';
import { cst, dayGenerate, tempFolders } from './queryHelpers';

const { fresh, keep } = tempFolders();

async function run(
  root: string,
  rule: ReturnType<typeof rangeRuleFromOptions>,
  deps: RangeDeps,
  sql: string,
): Promise<{ columns: RangeColumn[]; rows: RangeCell[][]; reads: number }> {
  const storage = new LocalFolderStorage(root);
  const plan = await rangePlan(
    storage,
    rangeSpecCreate({ prefix: 'logs', rule, fromMs: cst('2026-12-04T00:00:00') * 1000, toMs: cst('2026-12-05T00:00:00') * 1000 }),
  );
  const rows: RangeCell[][] = [];
  const result = await rangeQuery(storage, plan, deps, sql, async (chunk) => {
    rows.push(...chunk);
  });
  return { columns: result.columns, rows, reads: result.fetched.reads };
}

/** Overwrite every cached JSON entry with blanks of the same size: only a columnar form can answer. */
function blankJson(cacheDir: string): number {
  let n = 0;
  for (const name of readdirSync(cacheDir).filter((f) => f.endsWith('.ndjson'))) {
    writeFileSync(join(cacheDir, name), ' '.repeat(statSync(join(cacheDir, name)).size));
    n++;
  }
  return n;
}

describe('range cache columnar forms', () => {
  it('answers the day exactly from Parquet after conversion, with the same columns', async () => {
    const day = dayGenerate(['--objects', '24', '--rows', '30']);
    keep(day.dir);
    const rule = rangeRuleFromOptions({ partitionFormat: '%Y/%m/%d/%H/%M', compression: 'snappy' });
    const deps = rangeDepsCreate({ dataDir: fresh('range-col-'), workerPath: null, maxDecodeBytes: 1 << 30 });
    const all = 'SELECT * FROM logs ORDER BY _key, __time__, bytes';
    const groups = 'SELECT status, count(*) AS n, sum(bytes::BIGINT) AS s FROM logs GROUP BY status ORDER BY status';
    const jsonAll = await run(day.dir, rule, deps, all);
    expect(await rangeConvert(deps.cache)).toEqual({ converted: 24, kept: 0, packs: 0 });
    expect(await rangeConvert(deps.cache)).toEqual({ converted: 0, kept: 0, packs: 0 });
    expect(blankJson(deps.cache.dir)).toBe(24);
    const columnarAll = await run(day.dir, rule, deps, all);
    expect(columnarAll.reads).toBe(0);
    expect(columnarAll.columns).toEqual(jsonAll.columns);
    expect(columnarAll.rows).toEqual(jsonAll.rows);
    expect(columnarAll.rows).toHaveLength(day.tally.total);
    const byStatus = await run(day.dir, rule, deps, groups);
    expect(Object.fromEntries(byStatus.rows.map((r) => [r[0], Number(r[1])]))).toEqual(day.tally.byStatus);
    expect(byStatus.rows.reduce((n, r) => n + Number(r[2]), 0)).toBe(day.tally.bytesSum);
  });

  it('keeps columns and rows when objects differ in field types; mismatched objects are read from JSON', async () => {
    const root = fresh('range-col-types-');
    const base = Date.parse('2026-12-04T10:00:00+08:00') / 1000;
    // Each object alone: `v` a number or a string, `when` a date-like string or not, `nested`
    // an object or absent, `empty` null in every row of one object.
    const objects: Record<string, unknown>[][] = [
      [
        { v: 1, when: '2026-12-04 10:00:00', nested: { a: 1, b: 'x' }, empty: null },
        { v: 2, when: '2026-12-04 10:00:01' },
      ],
      [{ v: 'three', when: 'not a time', nested: { a: 2, b: 'y' } }, { v: 4.5 }],
      [{ v: 6, when: '2026-12-04T10:02:00Z', extra: true }],
      [{ v: 7 }, { v: 8, nested: { a: 3, b: 'z' } }],
    ];
    objects.forEach((rows, i) => {
      // Keys as Log Service writes them: <partition>_<task time ns>_<n> (the partition's minute in the name).
      const dir = join(root, 'logs', '2026', '12', '04', '10');
      mkdirSync(dir, { recursive: true });
      const task = base + (i + 1) * 300;
      const lines = rows.map((r, j) => JSON.stringify({ __time__: base + i * 300 + j, ...r })).join('\n');
      writeFileSync(join(dir, `${String((i + 1) * 5).padStart(2, '0')}_${task}123456789_${i}`), `${lines}\n`);
    });
    const rule = rangeRuleFromOptions({ partitionFormat: '%Y/%m/%d/%H/%M', compression: 'none' });
    const deps = rangeDepsCreate({ dataDir: fresh('range-col-'), workerPath: null, maxDecodeBytes: 1 << 30 });
    const all = 'SELECT * FROM logs ORDER BY __time__';
    const jsonAll = await run(root, rule, deps, all);
    expect(jsonAll.rows).toHaveLength(7);
    const converted = await rangeConvert(deps.cache);
    expect(converted.converted + converted.kept).toBe(4);
    expect(readdirSync(deps.cache.dir).filter((f) => /\.[0-9a-f]{12}\.parquet$/.test(f))).toHaveLength(converted.converted);
    const columnarAll = await run(root, rule, deps, all);
    expect(columnarAll.reads).toBe(0);
    expect(columnarAll.columns).toEqual(jsonAll.columns);
    expect(columnarAll.rows).toEqual(jsonAll.rows);
    // With the JSON blanked, only objects read from their Parquet still have rows.
    blankJson(deps.cache.dir);
    const fromParquet = await run(root, rule, deps, 'SELECT v FROM logs ORDER BY __time__');
    // Only the second object's own types are the range's (v and when VARCHAR, nested the same
    // struct); the others (v BIGINT, when TIMESTAMP, no nested) were read from their JSON.
    expect(jsonAll.columns.slice(0, 2)).toEqual([
      { name: 'v', type: 'VARCHAR', exact: false },
      { name: 'when', type: 'VARCHAR', exact: false },
    ]);
    expect(fromParquet.rows).toEqual([['"three"'], ['4.5']]);
  });

  it('reads columnar forms of different signatures together, each file with its own columns', async () => {
    const root = fresh('range-col-groups-');
    const base = Date.parse('2026-12-04T10:00:00+08:00') / 1000;
    // Two schemas, both the range's types for what they hold: {v} and {v, extra}, two objects each.
    const objects: Record<string, unknown>[][] = [
      [{ v: 1 }, { v: 2 }],
      [{ v: 3, extra: 'a' }],
      [{ v: 4 }],
      [{ v: 5, extra: 'b' }, { v: 6 }],
    ];
    objects.forEach((rows, i) => {
      const dir = join(root, 'logs', '2026', '12', '04', '10');
      mkdirSync(dir, { recursive: true });
      const lines = rows.map((r, j) => JSON.stringify({ __time__: base + i * 300 + j, ...r })).join('\n');
      writeFileSync(join(dir, `${String((i + 1) * 5).padStart(2, '0')}_${base + (i + 1) * 300}123456789_${i}`), `${lines}\n`);
    });
    const rule = rangeRuleFromOptions({ partitionFormat: '%Y/%m/%d/%H/%M', compression: 'none' });
    const deps = rangeDepsCreate({ dataDir: fresh('range-col-'), workerPath: null, maxDecodeBytes: 1 << 30 });
    const sql = 'SELECT v, extra, _key FROM logs ORDER BY __time__';
    const jsonRows = await run(root, rule, deps, sql);
    expect(await rangeConvert(deps.cache)).toEqual({ converted: 4, kept: 0, packs: 0 });
    const signatures = new Set(readdirSync(deps.cache.dir).flatMap((f) => /\.([0-9a-f]{12})\.parquet$/.exec(f)?.[1] ?? []));
    expect(signatures.size).toBe(2);
    expect(blankJson(deps.cache.dir)).toBe(4);
    const columnarRows = await run(root, rule, deps, sql);
    expect(columnarRows.reads).toBe(0);
    expect(columnarRows.rows).toEqual(jsonRows.rows);
    expect(columnarRows.rows.map((r) => [r[0], r[1]])).toEqual([
      ['1', null],
      ['2', null],
      ['3', 'a'],
      ['4', null],
      ['5', 'b'],
      ['6', null],
    ]);
  });
});
