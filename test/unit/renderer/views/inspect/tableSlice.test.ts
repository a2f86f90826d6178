import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { ApiMethod } from '../../../../../main/api/contract';
import { bridgeStub } from '../../state/bridgeStub';
import type { BridgeCall } from '../../state/bridgeStub';
import { createTableSlice } from '../../../../../renderer/views/inspect/tableSlice';
import { tableFrameGet } from '../../../../../renderer/views/inspect/tableFrame';
import type { ShiplensState } from '../../../../../renderer/state/store';
import { csvDialectDefault } from '../../../../../core/model';
import { shippingRuleDefault } from '../../../../../core/shipping/rule';

let calls: BridgeCall[] | undefined;
const logged = (): BridgeCall[] => calls ?? [];
// One object: the client keeps the first bridge it sees, so a test changes answers in place.
const answers: Partial<Record<ApiMethod, unknown>> = {};

beforeEach(() => {
  Object.assign(answers, {
    'object.inspect': { key: 'x', size: 10, format: 'csv', compression: 'none', detectedBy: 'suffix' },
    'table.open': { tableId: 't1', key: 'x', columns: [], numRows: 0, format: 'csv', compression: 'none', warnings: [], hasRaw: true },
    'table.rows': { rows: [] },
    'table.close': {},
  });
  const log = bridgeStub(answers);
  // The client keeps the first bridge it sees: that bridge's log records every test's calls.
  calls ??= log;
  calls.length = 0;
});
afterEach(() => vi.unstubAllGlobals());

function storeMake() {
  return createStore<ShiplensState>()(
    (set, get, api) => ({ ...createTableSlice(set, get, api), viewSet: vi.fn() }) as unknown as ShiplensState,
  );
}

const openDialects = () =>
  logged()
    .filter((c) => c.method === 'table.open')
    .map((c) => (c.arg.dialect as { header: boolean } | undefined)?.header);

describe('table slice: the CSV dialect belongs to one file', () => {
  it('reopens the same file with the chosen header setting, and the next file with the default', async () => {
    const store = storeMake();
    await store.getState().tableOpen('a.csv');
    await store.getState().tableOpen('a.csv', { dialect: { delimiter: ',', quote: '"', header: true, nullValue: '' } });
    await store.getState().tableOpen('a.csv');
    await store.getState().tableOpen('b.csv');
    expect(openDialects()).toEqual([false, true, true, false]);
  });
});

describe("table slice: a shipped CSV takes its rule's column names", () => {
  it('opens a key under the imported rule with its columns; a chosen dialect and keys outside it do not', async () => {
    const store = storeMake();
    const rule = { ...shippingRuleDefault(), prefix: 'logs', format: 'csv' as const };
    const csv = { columns: ['__time__', 'ip'], delimiter: ',', quote: '"', nullValue: '', header: false };
    // Opened before the rule was there, then again: the default dialect was no choice.
    await store.getState().tableOpen('logs/ds=20261123/00_1_2.snappy.csv');
    store.setState({ slsRule: { rule: { ...rule, csv } } } as Partial<ShiplensState>);
    await store.getState().tableOpen('logs/ds=20261123/00_1_2.snappy.csv');
    await store.getState().tableOpen('logs/ds=20261123/00_1_2.snappy.csv', { dialect: { ...csvDialectDefault, header: true } });
    await store.getState().tableOpen('logs/ds=20261123/00_1_2.snappy.csv');
    await store.getState().tableOpen('other/x.csv');
    const columns = logged()
      .filter((c) => c.method === 'table.open')
      .map((c) => (c.arg.dialect as { columns?: string[] }).columns);
    expect(columns).toEqual([undefined, ['__time__', 'ip'], undefined, undefined, undefined]);
  });
});

describe('table slice: opening moves to Inspect through the navigation slice', () => {
  it('asks for the inspect view once per open', async () => {
    const store = storeMake();
    await store.getState().tableOpen('a.csv');
    expect(store.getState().viewSet).toHaveBeenCalledWith('inspect');
  });
});

describe('table slice: rows live in the frame, the slice counts them', () => {
  it('loads the first page into the frame on open and drops the frame on close', async () => {
    Object.assign(answers, {
      'table.open': { tableId: 't2', key: 'x', columns: [], numRows: 2, format: 'csv', compression: 'none', warnings: [], hasRaw: true },
      'table.rows': { rows: [['a'], ['b']] },
    });
    const store = storeMake();
    await store.getState().tableOpen('x.csv');
    expect(store.getState()).toMatchObject({ rowsLoaded: 2, rowsDone: true, rowsPending: false });
    expect('rows' in store.getState()).toBe(false);
    expect(tableFrameGet('t2')?.rowsLoaded()).toEqual([['a'], ['b']]);
    store.getState().tableClose();
    expect(tableFrameGet('t2')).toBeUndefined();
    expect(store.getState().rowsLoaded).toBe(0);
  });

  it('closing clears the table, its raw text and error back to the state the slice starts in', async () => {
    Object.assign(answers, { 'table.raw': { text: 'a,b' } });
    const empty = { openKey: null, inspection: null, table: null, schema: null, rowsLoaded: 0, rowsDone: false, tableError: null };
    const store = storeMake();
    expect(store.getState()).toMatchObject({ ...empty, tableJobId: null, rawVisible: false, rawText: null });
    await store.getState().tableOpen('x.csv');
    await store.getState().rawToggle();
    expect(store.getState()).toMatchObject({ openKey: 'x.csv', rawVisible: true, rawText: 'a,b' });
    store.getState().tableClose();
    expect(store.getState()).toMatchObject({ ...empty, tableJobId: null, rawVisible: false, rawText: null });
  });
});
