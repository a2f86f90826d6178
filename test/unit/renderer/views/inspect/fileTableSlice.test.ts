import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { ApiMethod } from '../../../../../main/api/contract';
import { bridgeStub } from '../../state/bridgeStub';
import type { BridgeCall } from '../../state/bridgeStub';
import { createFileTableSlice } from '../../../../../renderer/views/inspect/fileTableSlice';
import { createTableSlice } from '../../../../../renderer/views/inspect/tableSlice';
import type { ShiplensState } from '../../../../../renderer/state/store';

// Browser mode: a dropped file has no path and is uploaded first.
vi.mock('../../../../../renderer/api/client', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  apiPathForFile: () => null,
  apiUpload: () => Promise.resolve({ ok: true, value: { uploadId: 'up-1' } }),
}));

let calls: BridgeCall[] = [];
let firstLog: BridgeCall[] | undefined;
const info = { tableId: 't1', key: 'x', columns: [], numRows: 0, format: 'csv', compression: 'none', warnings: [], hasRaw: true };

beforeEach(() => {
  const answers: Partial<Record<ApiMethod, unknown>> = {
    'object.inspect': { key: 'k.csv', size: 10, format: 'csv', compression: 'none', detectedBy: 'suffix' },
    'table.open': info,
    'table.openFile': info,
    'table.rows': { rows: [] },
    'table.close': {},
  };
  // The client keeps the first bridge it sees: that bridge's log records every test's calls.
  const log = bridgeStub(answers);
  calls = firstLog ??= log;
  calls.length = 0;
});
afterEach(() => vi.unstubAllGlobals());

function storeMake() {
  return createStore<ShiplensState>()(
    (set, get, api) =>
      ({ ...createTableSlice(set, get, api), ...createFileTableSlice(set, get, api), viewSet: vi.fn() }) as unknown as ShiplensState,
  );
}

const opens = () =>
  calls
    .filter((c) => c.method === 'table.open' || c.method === 'table.openFile')
    .map((c) => ({ method: c.method, path: c.arg.path ?? c.arg.key, header: (c.arg.dialect as { header?: boolean } | undefined)?.header }));

describe('file tables: a local file opens without the connection, and Reopen goes back to it', () => {
  it('reopens a decompressed file with the chosen dialect through table.openFile, then a bucket object through table.open', async () => {
    const store = storeMake();
    const file = { label: '/out/x.csv', path: '/out/x.csv', outDir: '/out' };
    await store.getState().fileTableOpen(file);
    expect(store.getState().openKey).toBe('/out/x.csv');
    await store.getState().tableOpen('/out/x.csv', { dialect: { delimiter: ',', quote: '"', header: true, nullValue: '' } });
    expect(store.getState().dialect.header).toBe(true);
    await store.getState().tableOpen('k.csv');
    expect(store.getState().fileOpened).toBeNull();
    expect(opens()).toEqual([
      { method: 'table.openFile', path: '/out/x.csv', header: undefined },
      { method: 'table.openFile', path: '/out/x.csv', header: true },
      { method: 'table.open', path: 'k.csv', header: false },
    ]);
    expect(calls.find((c) => c.method === 'table.openFile')?.arg.outDir).toBe('/out');
    expect(calls.some((c) => c.method.startsWith('connection.'))).toBe(false);
  });
});

describe('a dropped file (browser mode) is uploaded, then opened like any table', () => {
  it('closes the open table before the upload and opens the upload through table.openFile', async () => {
    const store = storeMake();
    await store.getState().tableOpen('k.csv');
    const drop = store.getState().fileDropOpen(new File(['a,b\n'], 'drop.csv'));
    expect(store.getState()).toMatchObject({ openKey: 'drop.csv', table: null, tablePending: true, fileOpened: null });
    await drop;
    expect(calls.filter((c) => c.method === 'table.close').map((c) => c.arg.tableId)).toEqual(['t1']);
    expect(calls.find((c) => c.method === 'table.openFile')?.arg.uploadId).toBe('up-1');
    expect(store.getState()).toMatchObject({
      openKey: 'drop.csv',
      fileOpened: { label: 'drop.csv', uploadId: 'up-1' },
      tablePending: false,
    });
  });
});
