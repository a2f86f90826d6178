import { describe, expect, it } from 'vitest';
import { keyCompare, maxKeysClamp, pageTokenDecode, pageTokenEncode, storageListAll } from '../../../../main/storage/listing';
import type { ListPage } from '../../../../core/model';
import type { Storage } from '../../../../main/storage/storage';

describe('keyCompare', () => {
  it('orders by UTF-8 bytes, not UTF-16 units', () => {
    const keys = ['b', '\ud83d\ude00', '\uffee', 'a/b', 'a-b', 'a', '\u00e9'];
    const bytes = [...keys].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
    expect([...keys].sort(keyCompare)).toEqual(bytes);
    expect(keyCompare('same', 'same')).toBe(0);
  });
});

describe('page tokens', () => {
  it('round-trip and reject foreign tokens', () => {
    expect(pageTokenDecode('x1', pageTokenEncode('x1', { k: 'a/b' }))).toEqual({ v: 'x1', k: 'a/b' });
    expect(() => pageTokenDecode('y1', pageTokenEncode('x1', { k: 'a' }))).toThrowError(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }) as Error,
    );
    expect(() => pageTokenDecode('x1', '%%%')).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }) as Error);
    expect([maxKeysClamp(undefined), maxKeysClamp(0), maxKeysClamp(5000), maxKeysClamp(10)]).toEqual([1000, 1, 1000, 10]);
  });
});

describe('storageListAll', () => {
  function fake(pages: ListPage[]): Storage {
    let i = 0;
    return {
      kind: 'local',
      label: 'fake',
      bucket: 'fake',
      list: async () => pages[Math.min(i++, pages.length - 1)] as ListPage,
      head: async () => {
        throw new Error('unused');
      },
      open: async () => {
        throw new Error('unused');
      },
      download: async () => {
        throw new Error('unused');
      },
    };
  }
  const obj = (key: string) => ({ key, size: 1, lastModified: '1970-01-01T00:00:00.000Z' });

  it('streams pages and counts', async () => {
    const seen: number[] = [];
    const progress = await storageListAll(
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
    await expect(storageListAll(looping, { prefix: '', delimiter: '' }, () => undefined)).rejects.toMatchObject({
      code: 'LISTING_INCOMPLETE',
    });
  });

  it('is cancellable between pages', async () => {
    const controller = new AbortController();
    const endless = fake([{ objects: [obj('a')], prefixes: [], nextPageToken: 'x' }]);
    let n = 0;
    const pagesEndless: Storage = { ...endless, list: async () => ({ objects: [obj('a')], prefixes: [], nextPageToken: `t${n++}` }) };
    await expect(
      storageListAll(pagesEndless, { prefix: '', delimiter: '', signal: controller.signal }, (_p, progress) => {
        if (progress.pages === 3) controller.abort();
      }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
