// table.export through the API (issue 18): every row or only the grid's sorted, filtered view,
// as CSV, JSON lines and Parquet, each read back by DuckDB (an independent reader) row for row.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonCell } from '../../core/model';
import type { ApiMethod, ApiResult } from '../../main/api/contract';
import { apiDispatch } from '../../main/api/dispatch';
import type { ApiServices } from '../../main/services/types';
import { servicesCreate } from '../../main/services/wiring';
import { rowFilterParse, sortByColumn } from '../../renderer/util/gridValues';
import { tempDir } from './serverHelpers';

let root: string;
let services: ApiServices;
let tableId: string;
let names: string[];
let rows: JsonCell[][];
const lines = 3000;
const line = (i: number) =>
  JSON.stringify({
    __time__: 1764800000 + i,
    status: String([200, 204, 404, 500, 503, 37273][(i * 7) % 6]),
    msg: i % 13 === 0 ? null : `m,"${i}"`,
    n: (i * 7919) % 1000,
  });

async function call<M extends ApiMethod>(method: M, arg: unknown): Promise<ApiResult<M>> {
  const response = await apiDispatch(services, method, arg);
  if (!response.ok) throw new Error(`${method}: ${response.error.code} ${response.error.message}`);
  return response.value as ApiResult<M>;
}

/** Rows of `sql` over the file, read by DuckDB, every cell as text (null stays null). */
async function duck(sql: string): Promise<{ rows: (string | null)[][]; types: string[] }> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  try {
    const result = await connection.runAndReadAll(sql);
    const types = result.columnTypes().map((t) => t.toString());
    return { rows: result.getRowsJson().map((r) => r.map((c) => (c === null ? null : String(c)))), types };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The grid's order of the rows for a filter and a sort. */
function gridView(filter: string, column: string, desc: boolean): JsonCell[][] {
  const keep = rowFilterParse(filter, names);
  const list = rows.map((row, index) => ({ row, index })).filter((e) => !keep || keep(e.row));
  return sortByColumn(list, names.indexOf(column), desc).map((e) => e.row);
}
const asText = (table: JsonCell[][]) => table.map((r) => r.map((c) => (c === null ? null : String(c))));

beforeAll(async () => {
  root = await tempDir('apitableexport');
  await mkdir(join(root, 'bucket'), { recursive: true });
  await writeFile(join(root, 'bucket', 'app.json'), Array.from({ length: lines }, (_, i) => `${line(i)}\n`).join(''));
  services = servicesCreate({ mode: 'browser', dataDir: join(root, 'data'), outputDir: join(root, 'out') });
  await services.connections.openLocal(join(root, 'bucket'));
  const info = await call('table.open', { key: 'app.json' });
  tableId = info.tableId;
  names = info.columns.map((c) => c.name);
  rows = (await call('table.rows', { tableId, offset: 0, limit: 10_000 })).rows;
  expect(rows).toHaveLength(lines);
});

describe('table.export', () => {
  const view = { filter: 'status>=500', sort: { column: 'n', desc: true } };

  it('writes only the filtered rows in the sort order as CSV (null marker kept)', async () => {
    const out = await call('table.export', { tableId, ...view, fileName: 'view.csv', nullText: 'NULL' });
    const expected = gridView(view.filter, 'n', true);
    expect(out.rows).toBe(expected.length);
    const file = join(root, 'out', 'view.csv');
    const read = await duck(`SELECT * FROM read_csv('${file}', header=true, all_varchar=true, nullstr='NULL')`);
    expect(read.rows).toEqual(asText(expected));
  });

  it('writes the view as JSON lines with int64 cells as numbers and null as null', async () => {
    const out = await call('table.export', { tableId, ...view, fileName: 'view.jsonl' });
    const expected = gridView(view.filter, 'n', true);
    expect(out.rows).toBe(expected.length);
    const file = join(root, 'out', 'view.jsonl');
    const read = await duck(`SELECT __time__, status, msg, n FROM read_json('${file}', format='newline_delimited')`);
    // The table's cells as they are: __time__ is int64 (digits), Log Service's other fields text.
    expect(read.types).toEqual(['BIGINT', 'VARCHAR', 'VARCHAR', 'VARCHAR']);
    expect(read.rows).toEqual(asText(expected));
  });

  it('writes every row of the chosen columns as Parquet, int64 cells typed, in file order', async () => {
    const out = await call('table.export', { tableId, fileName: 'all.parquet', columns: ['n', '__time__'] });
    expect(out.rows).toBe(lines);
    const file = join(root, 'out', 'all.parquet');
    const read = await duck(`SELECT * FROM read_parquet('${file}')`);
    expect(read.types).toEqual(['VARCHAR', 'BIGINT']);
    expect(read.rows).toEqual(asText(rows.map((r) => [r[names.indexOf('n')] ?? null, r[names.indexOf('__time__')] ?? null])));
  });

  it('writes the view as Parquet and never replaces a file without consent', async () => {
    const fileName = 'view.parquet';
    await call('table.export', { tableId, ...view, fileName });
    const file = join(root, 'out', fileName);
    const read = await duck(`SELECT * FROM read_parquet('${file}')`);
    expect(read.rows).toEqual(asText(gridView(view.filter, 'n', true)));
    const before = await readFile(file);
    const again = await apiDispatch(services, 'table.export', { tableId, fileName });
    expect(again.ok ? null : again.error.code).toBe('FILE_EXISTS');
    expect(await readFile(file)).toEqual(before);
    const replaced = await call('table.export', { tableId, fileName, overwrite: true });
    expect(replaced.rows).toBe(lines);
  });

  it('refuses an unknown target format and an unknown column', async () => {
    const badName = await apiDispatch(services, 'table.export', { tableId, fileName: 'x.xlsx' });
    expect(badName.ok ? null : badName.error.code).toBe('INVALID_ARGUMENT');
    const badColumn = await apiDispatch(services, 'table.export', { tableId, fileName: 'x.jsonl', columns: ['nope'] });
    expect(badColumn.ok ? null : badColumn.error).toMatchObject({ code: 'INVALID_ARGUMENT', source: 'columns' });
  });
});
