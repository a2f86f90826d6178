import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { ApiResponse, ListPage, ShiplensBridge } from '../../../../../main/api/contract';
import { createBrowseSlice } from '../../../../../renderer/views/browse/browseSlice';
import type { BrowseSlice } from '../../../../../renderer/views/browse/browseSlice';

interface ListArg {
  prefix: string;
  delimiter: string;
  pageToken?: string;
}

// The API client keeps the first bridge it sees: one stub, answering through `list`.
let list: (arg: ListArg) => Promise<ApiResponse<ListPage>>;
const asked: ListArg[] = [];

beforeAll(() => {
  const bridge: ShiplensBridge = {
    invoke: (_method, arg) => {
      asked.push(arg as ListArg);
      return list(arg as ListArg) as never;
    },
    on: () => () => undefined,
  };
  vi.stubGlobal('window', { shiplens: bridge });
});
afterAll(() => vi.unstubAllGlobals());

const entry = (key: string) => ({ key, size: 1, lastModified: '2026-11-24T10:00:00.000Z' });

/** Two pages per prefix: `<prefix>1` then `<prefix>2`, with one sub-folder on the first. */
function twoPages(arg: ListArg): Promise<ApiResponse<ListPage>> {
  const second = arg.pageToken === 'next';
  return Promise.resolve({
    ok: true,
    value: {
      objects: [entry(`${arg.prefix}${second ? 2 : 1}`)],
      prefixes: second ? [] : [`${arg.prefix}sub/`],
      nextPageToken: second ? null : 'next',
    },
  });
}

function storeMake() {
  asked.length = 0;
  return createStore<BrowseSlice>()((...a) => createBrowseSlice(...a));
}

describe('browse slice: listing', () => {
  it('appends every page of one level, then stops listing', async () => {
    list = twoPages;
    const store = storeMake();
    store.getState().selectSet('old');
    await store.getState().browseOpen('a/');
    const s = store.getState();
    expect(s.objects.map((o) => o.key)).toEqual(['a/1', 'a/2']);
    expect(s.prefixes).toEqual(['a/sub/']);
    expect(s).toMatchObject({ prefix: 'a/', listing: false, listPages: 2, listCancelled: false, selectedKey: null });
    expect(asked.map((q) => [q.delimiter, q.pageToken])).toEqual([
      ['/', undefined],
      ['/', 'next'],
    ]);
  });

  it('lists all below the prefix when recursive, and the planner partitions below their common folder', async () => {
    list = twoPages;
    const store = storeMake();
    store.getState().recursiveSet(true);
    await vi.waitFor(() => expect(store.getState().listing).toBe(false));
    expect(asked.every((q) => q.delimiter === '')).toBe(true);
    await store.getState().browseRange(['p/2026/11/22/', 'p/2026/11/23/']);
    const s = store.getState();
    expect(s).toMatchObject({ prefix: 'p/2026/11/', recursive: true, listing: false, listPages: 4 });
    expect(s.objects.map((o) => o.key)).toEqual(['p/2026/11/22/1', 'p/2026/11/22/2', 'p/2026/11/23/1', 'p/2026/11/23/2']);
  });

  it('keeps the error of a failed page and stops', async () => {
    list = () => Promise.resolve({ ok: false, error: { code: 'ACCESS_DENIED', message: 'denied' } });
    const store = storeMake();
    await store.getState().browseOpen('a/');
    expect(store.getState()).toMatchObject({ listing: false, listError: { code: 'ACCESS_DENIED' }, objects: [] });
  });

  it('drops the pages of a listing superseded by a newer one or cancelled', async () => {
    let release: () => void = () => undefined;
    list = (arg) => (arg.prefix === 'slow/' ? new Promise((resolve) => (release = () => resolve(twoPages(arg)))) : twoPages(arg));
    const store = storeMake();
    const slow = store.getState().browseOpen('slow/');
    await store.getState().browseOpen('b/');
    release();
    await slow;
    expect(store.getState().objects.map((o) => o.key)).toEqual(['b/1', 'b/2']);

    const cancelled = store.getState().browseOpen('slow/');
    store.getState().browseCancel();
    release();
    await cancelled;
    expect(store.getState()).toMatchObject({ listing: false, listCancelled: true, objects: [] });
  });
});

describe('browse slice: selection', () => {
  it('sorts by a column, a second click reverses, another column starts ascending', () => {
    const store = storeMake();
    store.getState().sortSet('size');
    expect(store.getState()).toMatchObject({ sortKey: 'size', sortDescending: false });
    store.getState().sortSet('size');
    expect(store.getState().sortDescending).toBe(true);
    store.getState().sortSet('name');
    expect(store.getState()).toMatchObject({ sortKey: 'name', sortDescending: false });
    store.getState().filterSet('x');
    expect(store.getState().filter).toBe('x');
  });
});
