import { describe, expect, it } from 'vitest';
import type { ListPage } from '../../../../core/model';
import { objectKeysUnder, objectsListAll, objectsListPage } from '../../../../main/engine/objectsList';
import type { Storage } from '../../../../main/storage/storage';

/** A storage whose `list` is `list` (the other methods are not used here). */
function fakeStorage(list: Storage['list']): Storage {
  const unused = async (): Promise<never> => {
    throw new Error('unused');
  };
  return { kind: 'local', label: 'fake', bucket: 'fake', list, head: unused, open: unused, download: unused };
}

const obj = (key: string) => ({ key, size: 1, lastModified: '1970-01-01T00:00:00.000Z' });

describe('objectsListAll', () => {
  function fake(pages: ListPage[]): Storage {
    let i = 0;
    return fakeStorage(async () => pages[Math.min(i++, pages.length - 1)] as ListPage);
  }

  it('streams pages and counts', async () => {
    const seen: number[] = [];
    const progress = await objectsListAll(
      fake([
        { objects: [obj('a')], prefixes: ['p/'], nextPageToken: 't1' },
        { objects: [obj('b'), obj('c')], prefixes: [], nextPageToken: null },
      ]),
      { prefix: '', delimiter: '/' },
      (_page, p) => void seen.push(p.objects),
    );
    expect(progress).toEqual({ pages: 2, objects: 3, prefixes: 1 });
    expect(seen).toEqual([1, 3]);
  });

  it('refuses to loop on a repeated token', async () => {
    const looping = fake([
      { objects: [obj('a')], prefixes: [], nextPageToken: 't1' },
      { objects: [obj('b')], prefixes: [], nextPageToken: 't2' },
      { objects: [obj('c')], prefixes: [], nextPageToken: 't1' },
    ]);
    await expect(objectsListAll(looping, { prefix: '', delimiter: '' }, () => undefined)).rejects.toMatchObject({
      code: 'LISTING_INCOMPLETE',
    });
  });

  it('is cancellable between pages', async () => {
    const controller = new AbortController();
    const endless = fake([{ objects: [obj('a')], prefixes: [], nextPageToken: 'x' }]);
    let n = 0;
    const pagesEndless: Storage = { ...endless, list: async () => ({ objects: [obj('a')], prefixes: [], nextPageToken: `t${n++}` }) };
    await expect(
      objectsListAll(pagesEndless, { prefix: '', delimiter: '', signal: controller.signal }, (_p, progress) => {
        if (progress.pages === 3) controller.abort();
      }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});

describe('objectsListPage and objectKeysUnder', () => {
  /** A storage answering from `pages` by token, recording each list call's options. */
  function recording(pages: Record<string, ListPage>): { storage: Storage; calls: Parameters<Storage['list']>[0][] } {
    const calls: Parameters<Storage['list']>[0][] = [];
    const storage = fakeStorage(async (options) => {
      calls.push(options);
      return pages[options.pageToken ?? ''] as ListPage;
    });
    return { storage, calls };
  }

  it('asks the storage for one page with the request as given', async () => {
    const { storage, calls } = recording({ t1: { objects: [obj('logs/b')], prefixes: ['logs/x/'], nextPageToken: null } });
    const page = await objectsListPage(storage, { prefix: 'logs/', delimiter: '/', maxKeys: 7, pageToken: 't1' });
    expect(page).toEqual({ objects: [obj('logs/b')], prefixes: ['logs/x/'], nextPageToken: null });
    expect(calls).toEqual([{ prefix: 'logs/', delimiter: '/', maxKeys: 7, pageToken: 't1', signal: undefined }]);
  });

  it('refuses a page once the signal has aborted, before asking the storage', async () => {
    const { storage, calls } = recording({ '': { objects: [], prefixes: [], nextPageToken: null } });
    const controller = new AbortController();
    controller.abort();
    await expect(objectsListPage(storage, { prefix: '', delimiter: '', signal: controller.signal })).rejects.toMatchObject({
      code: 'CANCELLED',
    });
    expect(calls).toEqual([]);
  });

  it('collects the object keys of every page, without folder markers, one level or all below', async () => {
    const { storage, calls } = recording({
      '': { objects: [obj('p/'), obj('p/a')], prefixes: ['p/sub/'], nextPageToken: 't1' },
      t1: { objects: [obj('p/b'), obj('p/sub/')], prefixes: [], nextPageToken: null },
    });
    const found: number[] = [];
    expect(await objectKeysUnder(storage, { prefix: 'p/', recursive: false }, (n) => found.push(n))).toEqual(['p/a', 'p/b']);
    expect(found).toEqual([1, 2]);
    expect(calls.map((c) => [c.delimiter, c.pageToken])).toEqual([
      ['/', undefined],
      ['/', 't1'],
    ]);
    await objectKeysUnder(storage, { prefix: 'p/', recursive: true });
    expect(calls.slice(2).map((c) => c.delimiter)).toEqual(['', '']);
  });
});
