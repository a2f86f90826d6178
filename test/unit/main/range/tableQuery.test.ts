// The whole-object engine sorts and filters as the grid does over loaded rows: the same rows,
// in the same order, as renderer/util/gridValues.ts gives for every sort and filter below.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cell } from '../../../../core/model/cells';
import type { TableReader } from '../../../../core/formats/table';
import { TableQuery } from '../../../../main/range/tableQuery';
import { rowFilterParse, sortByColumn } from '../../../../renderer/util/gridValues';

const columns = ['status', 'msg', 'size', 'ok'];
const rows: Cell[][] = [
  ['200', 'GET /a', 1805, true],
  ['37273', 'get /B', '204020', false],
  ['500', null, '1648', null],
  ['abc', 'Ärger 中文', '', true],
  [null, "it's", '0', false],
  ['1.0', 'x', 1e21, true],
  ['1', 'NULL', '-3.5', null],
  ['0x1f', 'GET /a', '007', true],
  ['', 'y%_', 'Infinity', false],
  ['1e3', "a'b", null, true],
  ['-0', '50', 2n, false],
  ['1', 'z', '1e+21', true],
];
const reader = (batch = 5): TableReader => ({
  columns: columns.map((name) => ({ name, type: 'string' as const })),
  numRows: rows.length,
  async readRows(offset, limit) {
    return rows.slice(offset, offset + limit);
  },
  async *rowBatches() {
    for (let i = 0; i < rows.length; i += batch) yield rows.slice(i, i + batch);
  },
});
// What the API sends the grid for a cell (bigint as its digits).
const json = (cell: Cell) => (typeof cell === 'bigint' ? cell.toString() : cell);
const viewRows = rows.map((r) => r.map(json));

/** The grid's rows (file positions) for a filter and sort. */
function gridOrder(filter: string, sort?: { column: string; desc: boolean }): number[] {
  const keep = rowFilterParse(filter, columns);
  const list = viewRows.map((row, index) => ({ row, index })).filter((e) => !keep || keep(e.row));
  const sorted = sort ? sortByColumn(list, columns.indexOf(sort.column), sort.desc) : list;
  return sorted.map((e) => e.index);
}

let dir: string;
let engine: TableQuery;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'table-query-'));
  engine = await TableQuery.create(reader(), { tempDir: join(dir, 'spill') });
});
afterAll(() => {
  engine.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('TableQuery', () => {
  const filters = [
    '',
    'status>=500',
    '>1000',
    'size<0',
    'SIZE = 1648',
    'status!=1',
    'null',
    'get /a',
    'ÄRGER',
    "'",
    '%',
    'nosuch>3',
    '=1e21',
  ];
  const sorts = [
    undefined,
    ...columns.flatMap((column) => [
      { column, desc: false },
      { column, desc: true },
    ]),
  ];
  for (const filter of filters) {
    for (const sort of sorts) {
      it(`filter "${filter}" sort ${sort ? `${sort.column} ${sort.desc ? 'desc' : 'asc'}` : 'none'} gives the grid's rows`, async () => {
        const expected = gridOrder(filter, sort);
        const page = await engine.page({ filter, sort, rowStart: 0, rowEnd: 100 });
        expect(page.rowIndexes).toEqual(expected);
        expect(page.rows).toEqual(expected.map((i) => rows[i]));
        expect(page.numRows).toBe(expected.length);
        expect(page.totalRows).toBe(rows.length);
      });
    }
  }

  it('pages a window of the order and locates a file row in it', async () => {
    const sort = { column: 'size', desc: true };
    const all = gridOrder('', sort);
    const page = await engine.page({ sort, rowStart: 3, rowEnd: 7, locate: 2 });
    expect(page.rowIndexes).toEqual(all.slice(3, 7));
    expect(page.located).toBe(all.indexOf(2));
    const filtered = await engine.page({ sort, filter: 'status>=500', rowStart: 0, rowEnd: 0, locate: 0 });
    expect(filtered.rows).toEqual([]);
    expect(filtered.located).toBeNull();
  });

  it('stops copying when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(TableQuery.create(reader(2), { tempDir: join(dir, 'spill2'), signal: controller.signal })).rejects.toMatchObject({
      code: 'CANCELLED',
    });
  });
});

describe('TableQuery over batches larger than a DuckDB chunk', () => {
  it('copies every row of a 5,000-row batch, in file order', async () => {
    const many: Cell[][] = Array.from({ length: 5000 }, (_, i) => [String(i % 7), i]);
    const big: TableReader = {
      columns: [
        { name: 'k', type: 'string' },
        { name: 'i', type: 'double' },
      ],
      numRows: many.length,
      async readRows(offset, limit) {
        return many.slice(offset, offset + limit);
      },
      async *rowBatches() {
        yield many;
      },
    };
    const q = await TableQuery.create(big, { tempDir: join(dir, 'spill3') });
    try {
      const page = await q.page({ sort: { column: 'k', desc: false }, filter: 'k=6', rowStart: 700, rowEnd: 1000 });
      const expected = many.map((_, i) => i).filter((i) => i % 7 === 6);
      expect(page.numRows).toBe(expected.length);
      expect(page.rowIndexes).toEqual(expected.slice(700, 1000));
      expect(page.rows[0]).toEqual(['6', expected[700]]);
      expect(q.totalRows).toBe(5000);
    } finally {
      q.close();
    }
  });
});
