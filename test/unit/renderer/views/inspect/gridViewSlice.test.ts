import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { ApiMethod, ShiplensBridge } from '../../../../../main/api/contract';
import { createGridViewSlice, gridFilterDelay } from '../../../../../renderer/views/inspect/gridViewSlice';
import { createTableSlice } from '../../../../../renderer/views/inspect/tableSlice';
import { viewFrameGet } from '../../../../../renderer/views/inspect/tableViewFrame';
import type { ShiplensState } from '../../../../../renderer/state/store';

interface Call {
  method: ApiMethod;
  arg: Record<string, unknown>;
}

// A table of 2,000 rows [id, status]: status is 500 on every 10th row, as Log Service's text.
const total = 2000;
// Each test opens its own table (ids are unique per open in the app too).
let opens = 0;
let id = 'g0';
const table = {
  tableId: id,
  key: 'big.json',
  columns: [
    { name: 'id', type: 'int64' },
    { name: 'status', type: 'string' },
  ],
  numRows: total,
  format: 'json',
  compression: 'none',
  warnings: [],
  hasRaw: true,
};
const rowOf = (i: number) => [i, i % 10 === 0 ? '500' : '200'];

let calls: Call[] = [];
/** Answers held back by a test (by job id) until it releases them. */
const held = new Map<string, () => void>();
let holdQueries = false;
let failQuery: { code: string; message: string } | null = null;

/** table.query as main answers it, for this table: `status>=500` and a sort by id. */
function query(arg: Record<string, unknown>) {
  const filter = arg.filter as string | undefined;
  const sort = arg.sort as { column: string; desc: boolean } | undefined;
  let order = Array.from({ length: total }, (_, i) => i);
  if (filter) order = order.filter((i) => rowOf(i)[1] === '500');
  if (sort?.desc) order.reverse();
  const [start, end] = [arg.rowStart as number, arg.rowEnd as number];
  const rowIndexes = order.slice(start, end);
  const located =
    arg.locate === undefined ? {} : { located: order.indexOf(arg.locate as number) < 0 ? null : order.indexOf(arg.locate as number) };
  return { rows: rowIndexes.map(rowOf), rowIndexes, numRows: order.length, totalRows: total, ...located };
}

function answer(method: ApiMethod, arg: Record<string, unknown>): unknown {
  if (method === 'table.open') return { ...table, tableId: id };
  if (method === 'object.inspect') return { key: 'big.json', size: 10, format: 'json', compression: 'none', detectedBy: 'suffix' };
  if (method === 'table.rows') return { rows: Array.from({ length: arg.limit as number }, (_, i) => rowOf((arg.offset as number) + i)) };
  if (method === 'table.query') return query(arg);
  if (method === 'jobs.cancel') return { cancelled: true };
  return {};
}

const bridge: ShiplensBridge = {
  invoke: (method, arg) => {
    const a = arg as Record<string, unknown>;
    calls.push({ method, arg: a });
    if (method === 'jobs.cancel') held.get(a.jobId as string)?.();
    const reply = () =>
      failQuery && method === 'table.query' && a.rowEnd !== 0 ? { ok: false, error: failQuery } : { ok: true, value: answer(method, a) };
    if (method === 'table.query' && holdQueries && a.rowEnd !== 0) {
      return new Promise((resolve) => held.set(a.jobId as string, () => resolve(reply() as never)));
    }
    return Promise.resolve(reply()) as never;
  },
  on: () => () => undefined,
};

beforeEach(() => {
  calls = [];
  held.clear();
  holdQueries = false;
  failQuery = null;
  vi.stubGlobal('window', { shiplens: bridge });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

async function opened() {
  const store = createStore<ShiplensState>()(
    (set, get, api) =>
      ({ ...createTableSlice(set, get, api), ...createGridViewSlice(set, get, api), viewSet: vi.fn() }) as unknown as ShiplensState,
  );
  id = `g${++opens}`;
  await store.getState().tableOpen('big.json');
  calls = [];
  return store;
}

const queries = () => calls.filter((c) => c.method === 'table.query').map((c) => c.arg);
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('grid view slice: sort and filter over the whole object', () => {
  it('copies the object into the engine once, then reads the sorted view by column name from table.query', async () => {
    const store = await opened();
    store.getState().gridSortSet({ col: 0, desc: true });
    await vi.waitFor(() => expect(store.getState().gridView).not.toBeNull());
    const [index, first] = queries();
    expect(index).toMatchObject({ tableId: id, rowStart: 0, rowEnd: 0 });
    expect(index).not.toHaveProperty('sort');
    expect(first).toMatchObject({ tableId: id, sort: { column: 'id', desc: true }, rowStart: 0, rowEnd: 500 });
    expect(store.getState()).toMatchObject({ gridPending: false, gridView: { numRows: 2000, totalRows: 2000 } });
    expect(viewFrameGet(id)?.rows().at(0)).toEqual({ row: [1999, '200'], index: 1999 });
    store.getState().gridSortSet({ col: 0, desc: false });
    await vi.waitFor(() => expect(viewFrameGet(id)?.rows().at(0)?.index).toBe(0));
    expect(queries().filter((q) => q.rowEnd === 0)).toHaveLength(1);
  });

  it('runs the filter once typing pauses, as text main binds (not SQL), and counts what it keeps', async () => {
    vi.useFakeTimers();
    const store = await opened();
    for (const text of ['s', 'status>', 'status>=500']) store.getState().gridFilterSet(text);
    expect(store.getState().gridFilter).toBe('status>=500');
    expect(queries()).toEqual([]);
    await vi.advanceTimersByTimeAsync(gridFilterDelay);
    await vi.waitFor(() => expect(store.getState().gridView?.numRows).toBe(200));
    expect(queries().map((q) => q.filter)).toEqual([undefined, 'status>=500']);
    store.getState().gridFilterSet('  ');
    await vi.advanceTimersByTimeAsync(gridFilterDelay);
    expect(store.getState()).toMatchObject({ gridView: null, gridPending: false });
    expect(viewFrameGet(id)).toBeUndefined();
  });

  it('cancels the query a newer sort supersedes, and shows only the newer one', async () => {
    const store = await opened();
    holdQueries = true;
    store.getState().gridSortSet({ col: 0, desc: true });
    await vi.waitFor(() => expect(held.size).toBe(1));
    const superseded = queries()[1]?.jobId;
    store.getState().gridSortSet({ col: 0, desc: false });
    expect(store.getState().gridPending).toBe(true);
    await vi.waitFor(() => expect(held.size).toBe(2));
    expect(calls.filter((c) => c.method === 'jobs.cancel').map((c) => c.arg.jobId)).toEqual([superseded]);
    held.get(queries()[2]?.jobId as string)?.();
    await vi.waitFor(() => expect(store.getState().gridPending).toBe(false));
    expect(viewFrameGet(id)?.rows().at(0)?.index).toBe(0);
  });

  it('keeps the failure as a problem with its code, and the cancel of the engine copy as cancelled', async () => {
    const store = await opened();
    failQuery = { code: 'INVALID_ARGUMENT', message: 'The sort or filter could not run over the whole object.' };
    store.getState().gridSortSet({ col: 1, desc: false });
    await vi.waitFor(() => expect(store.getState().gridPending).toBe(false));
    expect(store.getState().gridProblem).toMatchObject({ kind: 'failed', error: { code: 'INVALID_ARGUMENT' } });
    failQuery = null;
    store.getState().gridCancel();
    expect(store.getState().gridProblem).toEqual({ kind: 'cancelled' });
  });
});

describe('grid view slice: go to row N', () => {
  it('goes to a loaded row without a query, and past the loaded rows through the whole object', async () => {
    const store = await opened();
    await store.getState().gridGoTo(42);
    expect(store.getState().gridTarget?.at).toBe(41);
    expect(queries()).toEqual([]);
    await store.getState().gridGoTo(1800);
    expect(store.getState()).toMatchObject({ gridWhole: true, gridTarget: { at: 1799 }, gridView: { numRows: 2000 } });
    expect(queries()[1]).toMatchObject({ locate: 1799, rowStart: 0 });
    expect(queries()[1]).not.toHaveProperty('sort');
  });

  it('finds the row in the sorted view, says when the filter leaves it out or it does not exist', async () => {
    const store = await opened();
    store.getState().gridSortSet({ col: 0, desc: true });
    await vi.waitFor(() => expect(store.getState().gridView).not.toBeNull());
    await store.getState().gridGoTo(1);
    expect(store.getState().gridTarget?.at).toBe(1999);
    store.getState().gridFilterSet('status>=500');
    await new Promise((resolve) => setTimeout(resolve, gridFilterDelay + 20));
    await vi.waitFor(() => expect(store.getState().gridView?.numRows).toBe(200));
    await store.getState().gridGoTo(11);
    expect(store.getState().gridTarget?.at).toBe(198);
    await store.getState().gridGoTo(12);
    expect(store.getState().gridProblem).toEqual({ kind: 'rowMissing', row: 12 });
    await store.getState().gridGoTo(2001);
    expect(store.getState().gridProblem).toEqual({ kind: 'rowOutside', row: 2001, total: 2000 });
    await settle();
  });

  it('forgets the view when the table closes', async () => {
    const store = await opened();
    store.getState().gridSortSet({ col: 0, desc: true });
    await vi.waitFor(() => expect(store.getState().gridView).not.toBeNull());
    store.getState().tableClose();
    expect(store.getState()).toMatchObject({ gridSort: null, gridFilter: '', gridView: null, gridWhole: false });
    expect(viewFrameGet(id)).toBeUndefined();
  });
});
