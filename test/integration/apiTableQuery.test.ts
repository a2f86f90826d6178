// table.query through the API (issue 18): a whole JSON-lines object sorted and filtered as the
// grid sorts and filters its loaded rows, paged, "go to row", a cancelable first copy, and the
// engine's spill folder gone with the table.
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonCell } from '../../core/model';
import type { ApiMethod, ApiResult } from '../../main/api/contract';
import { apiDispatch } from '../../main/api/dispatch';
import { tableQueryFolder } from '../../main/api/handlers/tableQueryHandlers';
import type { ApiServices } from '../../main/services/types';
import { servicesCreate } from '../../main/services/wiring';
import { rowFilterParse, sortByColumn } from '../../renderer/util/gridValues';
import { tempDir } from './serverHelpers';

let root: string;
let services: ApiServices;
const lines = 30_000;
// Log Service ships every field as a string: status must sort by value, not as text.
const line = (i: number) =>
  JSON.stringify({
    status: String([200, 204, 404, 500, 503, 37273][(i * 7) % 6]),
    msg: i % 11 === 0 ? 'Timeout upstream' : `ok ${i}`,
    n: (i * 7919) % 1000,
  });

async function call<M extends ApiMethod>(method: M, arg: unknown): Promise<ApiResult<M>> {
  const response = await apiDispatch(services, method, arg);
  if (!response.ok) throw new Error(`${method}: ${response.error.code} ${response.error.message}`);
  return response.value as ApiResult<M>;
}

/** Every row as table.rows gives it (what a fully loaded grid holds). */
async function allRows(tableId: string): Promise<JsonCell[][]> {
  const rows: JsonCell[][] = [];
  for (;;) {
    const page = await call('table.rows', { tableId, offset: rows.length, limit: 10_000 });
    if (page.rows.length === 0) return rows;
    rows.push(...page.rows);
  }
}

beforeAll(async () => {
  root = await tempDir('apitablequery');
  await mkdir(join(root, 'bucket'), { recursive: true });
  await writeFile(join(root, 'bucket', 'app.json'), Array.from({ length: lines }, (_, i) => `${line(i)}\n`).join(''));
  services = servicesCreate({ mode: 'browser', dataDir: join(root, 'data'), outputDir: join(root, 'out') });
  await services.connections.openLocal(join(root, 'bucket'));
});

describe('table.query', () => {
  it("pages the whole object in the grid's sort and filter order, with progress, and locates a row", async () => {
    const info = await call('table.open', { key: 'app.json' });
    const names = info.columns.map((c) => c.name);
    const rows = await allRows(info.tableId);
    expect(rows).toHaveLength(lines);
    const keep = rowFilterParse('status>=500', names);
    const order = sortByColumn(
      rows.map((row, index) => ({ row, index })).filter((e) => keep?.(e.row)),
      names.indexOf('status'),
      true,
    ).map((e) => e.index);
    const phases: string[] = [];
    const off = services.events.subscribe((_name, e) => {
      if (e.jobId === 'tq1') phases.push(`${e.phase}:${e.done}/${e.total}`);
    });
    const arg = { tableId: info.tableId, sort: { column: 'status', desc: true }, filter: 'status>=500' };
    const page = await call('table.query', { ...arg, rowStart: 12_000, rowEnd: 12_100, locate: 29_999, jobId: 'tq1' });
    off();
    expect(phases.at(-1)).toBe(`index:${lines}/${lines}`);
    expect(page.numRows).toBe(order.length);
    expect(page.totalRows).toBe(lines);
    expect(page.rowIndexes).toEqual(order.slice(12_000, 12_100));
    expect(page.rows).toEqual(order.slice(12_000, 12_100).map((i) => rows[i]));
    expect(page.located).toBe(order.indexOf(29_999));
    // The first rows of the order are the largest statuses by value ("37273" > "503" > "500").
    const head = await call('table.query', { ...arg, rowStart: 0, rowEnd: 1 });
    expect(head.rows[0]?.[names.indexOf('status')]).toBe('37273');
    const text = await call('table.query', { tableId: info.tableId, filter: 'TIMEOUT', rowStart: 0, rowEnd: 10_000 });
    expect(text.numRows).toBe(Math.ceil(lines / 11));
    expect(text.rowIndexes.slice(0, 3)).toEqual([0, 11, 22]);
  });

  it('stops the first copy on cancel, copies again on the next call, and removes the spill folder on close', async () => {
    const info = await call('table.open', { key: 'app.json' });
    const off = services.events.subscribe((_name, e) => {
      if (e.jobId === 'tq2' && e.phase === 'index') services.jobs.cancel('tq2');
    });
    const cancelled = await apiDispatch(services, 'table.query', { tableId: info.tableId, rowStart: 0, rowEnd: 10, jobId: 'tq2' });
    off();
    expect(cancelled.ok ? null : cancelled.error.code).toBe('CANCELLED');
    const page = await call('table.query', { tableId: info.tableId, filter: 'n<1', rowStart: 0, rowEnd: 10 });
    expect(page.numRows).toBe(30);
    const spill = join(root, 'data', tableQueryFolder);
    // The first test's table is still open: its engine keeps its own folder.
    expect(readdirSync(spill)).toHaveLength(2);
    await call('table.close', { tableId: info.tableId });
    // The registry closes the engine once its promise settles (a microtask after close).
    await new Promise((resolve) => setImmediate(resolve));
    expect(readdirSync(spill)).toHaveLength(1);
    services.tables.clear();
    await new Promise((resolve) => setImmediate(resolve));
    expect(existsSync(spill) ? readdirSync(spill) : []).toEqual([]);
  });

  it('refuses an unknown sort column and a reversed row window', async () => {
    const info = await call('table.open', { key: 'app.json' });
    const noColumn = await apiDispatch(services, 'table.query', {
      tableId: info.tableId,
      sort: { column: 'nope' },
      rowStart: 0,
      rowEnd: 1,
    });
    expect(noColumn.ok ? null : noColumn.error).toMatchObject({ code: 'INVALID_ARGUMENT', source: 'sort.column' });
    const reversed = await apiDispatch(services, 'table.query', { tableId: info.tableId, rowStart: 5, rowEnd: 1 });
    expect(reversed.ok ? null : reversed.error).toMatchObject({ code: 'INVALID_ARGUMENT', source: 'rowEnd' });
  });
});
