// Issue 12 §2: local listing pages come from one cached, sorted snapshot per folder (read once
// for concurrent and successive pages, re-read when the folder changes) and match an
// independent reference (all keys sorted by their UTF-8 bytes) for every page boundary.
import { promises as fsp, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { DirSnapshotCache, dirSnapshotRead, sortYielding } from '../../../../main/storage/localDirSnapshot';
import { LocalFolderStorage } from '../../../../main/storage/localFolderStorage';
import type { ListPage } from '../../../../core/model';

const base = mkdtempSync(path.join(os.tmpdir(), 'shiplens-snapshot-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** Every folder read (readdir or opendir), by folder name. */
function folderReads(): () => string[] {
  const readdir = vi.spyOn(fsp, 'readdir');
  const opendir = vi.spyOn(fsp, 'opendir');
  return () => [...readdir.mock.calls, ...opendir.mock.calls].map((c) => path.basename(String(c[0])));
}

function flatFolder(name: string, count: number): string {
  const dir = path.join(base, name, 'logs');
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(path.join(dir, `${String(i).padStart(5, '0')}.json`), 'x');
  return path.dirname(dir);
}

async function pageAll(storage: LocalFolderStorage, prefix: string, delimiter: '/' | '', maxKeys: number): Promise<string[]> {
  const keys: string[] = [];
  let pageToken: string | undefined;
  do {
    const page: ListPage = await storage.list({ prefix, delimiter, maxKeys, pageToken });
    keys.push(...[...page.objects.map((o) => o.key), ...page.prefixes].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return keys;
}

describe('local listing from folder snapshots', () => {
  it('reads a 3,000-key folder once for 30 successive pages (was once per page)', async () => {
    const storage = new LocalFolderStorage(flatFolder('paged', 3000));
    const reads = folderReads();
    const keys = await pageAll(storage, 'logs/', '', 100);
    expect(keys).toHaveLength(3000);
    expect(keys[2999]).toBe('logs/02999.json');
    expect(reads()).toEqual(['logs']);
  });

  it('shares one read among 50 concurrent identical first pages', async () => {
    const storage = new LocalFolderStorage(flatFolder('concurrent', 2000));
    const reads = folderReads();
    const pages = await Promise.all(Array.from({ length: 50 }, () => storage.list({ prefix: 'logs/', delimiter: '/', maxKeys: 10 })));
    expect(new Set(pages.map((p) => p.objects.map((o) => o.key).join())).size).toBe(1);
    expect(pages[0]?.objects.map((o) => o.key).at(-1)).toBe('logs/00009.json');
    expect(reads()).toEqual(['logs']);
  });

  it("walks 50 concurrent identical pages once (11 files stat'ed: the page and one to know there is more) with its own arrays per caller", async () => {
    const storage = new LocalFolderStorage(flatFolder('identical', 100));
    const stat = vi.spyOn(fsp, 'stat');
    const pages = await Promise.all(Array.from({ length: 50 }, () => storage.list({ prefix: 'logs/', delimiter: '', maxKeys: 10 })));
    const files = stat.mock.calls.map((c) => path.basename(String(c[0]))).filter((name) => name.endsWith('.json'));
    expect(files).toEqual(Array.from({ length: 11 }, (_v, i) => `000${String(i).padStart(2, '0')}.json`));
    expect(pages[0]?.objects.map((o) => o.key)).toEqual(files.slice(0, 10).map((name) => `logs/${name}`));
    expect(pages[0]?.objects).not.toBe(pages[1]?.objects);
    expect(pages[1]?.objects).toEqual(pages[0]?.objects);
  });

  it('sees a file added or removed after the snapshot was taken, and a size change at once', async () => {
    const root = flatFolder('changes', 3);
    const storage = new LocalFolderStorage(root);
    expect(await pageAll(storage, 'logs/', '/', 1000)).toEqual(['logs/00000.json', 'logs/00001.json', 'logs/00002.json']);
    writeFileSync(path.join(root, 'logs', '00001-new.json'), 'new');
    unlinkSync(path.join(root, 'logs', '00002.json'));
    writeFileSync(path.join(root, 'logs', '00000.json'), 'grown');
    const page = await storage.list({ prefix: 'logs/', delimiter: '/' });
    expect(page.objects.map((o) => [o.key, o.size])).toEqual([
      ['logs/00000.json', 5],
      ['logs/00001-new.json', 3],
      ['logs/00001.json', 1],
    ]);
  });

  it('re-reads a folder after the TTL even when its mtime did not change', async () => {
    const root = flatFolder('ttl', 2);
    let now = 1_000;
    const cache = new DirSnapshotCache(root, { ttlMs: 100, now: () => now });
    const dir = path.join(root, 'logs');
    expect((await cache.get(dir)).entries.map((e) => e.sortName)).toEqual(['00000.json', '00001.json']);
    await cache.get(dir);
    expect(cache.reads).toBe(1);
    now += 100;
    await cache.get(dir);
    expect(cache.reads).toBe(2);
  });

  it('keeps at most maxEntries entries over all folders, least recently used first out', async () => {
    const root = path.join(base, 'lru');
    for (const name of ['a', 'b', 'c']) flatFolder(`lru/${name}`, 4);
    const cache = new DirSnapshotCache(root, { maxEntries: 2 });
    for (const name of ['a', 'b', 'a', 'c', 'a']) await cache.get(path.join(root, name));
    // Each folder holds one entry (`logs/`): a stays cached (used last), b is evicted by c.
    expect(cache.reads).toBe(3);
    await cache.get(path.join(root, 'b'));
    expect(cache.reads).toBe(4);
  });

  it('keeps one folder larger than maxEntries (read once for all its pages) until another folder needs room', async () => {
    const root = flatFolder('lru-big', 5);
    const big = path.join(root, 'logs');
    const cache = new DirSnapshotCache(root, { maxEntries: 2 });
    expect((await cache.get(big)).entries).toHaveLength(5);
    await cache.get(big);
    expect(cache.reads).toBe(1);
    await cache.get(root);
    await cache.get(big);
    expect(cache.reads).toBe(3);
  });

  it('pages like an independent byte-order reference at every page size, prefix and delimiter', async () => {
    const root = path.join(base, 'mixed');
    const names = [
      'a',
      'a-b',
      'a.x',
      'a/1',
      'a/1/2',
      'a/1-z',
      'a/b/c/d',
      'a0',
      'b/\u65e5',
      'b/\ud83d\ude00',
      'b/\uffee',
      'b/\ue000',
      'b/c',
      'ba/x',
      'z',
    ];
    const keys = names.map((n) => `${n}.log`);
    for (const key of keys) {
      mkdirSync(path.dirname(path.join(root, key)), { recursive: true });
      writeFileSync(path.join(root, key), key);
    }
    const storage = new LocalFolderStorage(root);
    const byBytes = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));
    for (const prefix of ['', 'a', 'a/', 'a/1', 'b/', 'a/1-', 'b/c', 'q']) {
      const under = keys.filter((k) => k.startsWith(prefix)).sort(byBytes);
      const folded = [
        ...new Set(
          under.map((k) => {
            const cut = k.indexOf('/', prefix.length);
            return cut < 0 ? k : k.slice(0, cut + 1);
          }),
        ),
      ].sort(byBytes);
      for (const maxKeys of [1, 2, 3, 5, 1000]) {
        expect(await pageAll(storage, prefix, '', maxKeys), `${prefix} ${maxKeys}`).toEqual(under);
        expect(await pageAll(storage, prefix, '/', maxKeys), `${prefix}/ ${maxKeys}`).toEqual(folded);
      }
    }
  });

  it('reads a small folder in one call and a big one in slices, to the same sorted entries (links inside kept, others not)', async () => {
    const root = path.join(base, 'modes');
    const dir = path.join(root, 'logs');
    mkdirSync(path.join(dir, 'sub'), { recursive: true });
    for (const name of ['b.json', 'a.json', 'é.json', '\u{1F600}.json', 'Z.json']) writeFileSync(path.join(dir, name), 'x');
    writeFileSync(path.join(base, 'outside.json'), 'x');
    symlinkSync(path.join(dir, 'a.json'), path.join(dir, 'inner-link.json'));
    symlinkSync(path.join(base, 'outside.json'), path.join(dir, 'outer-link.json'));
    symlinkSync(path.join(dir, 'sub'), path.join(dir, 'dir-link'));
    const expected = ['Z.json', 'a.json', 'b.json', 'inner-link.json', 'sub/', 'é.json', '\u{1F600}.json'];
    const calls = folderReads();
    const small = await dirSnapshotRead(root, dir, statSync(dir).size);
    const big = await dirSnapshotRead(root, dir, Number.POSITIVE_INFINITY);
    expect(calls()).toEqual(['logs', 'logs']);
    expect(vi.mocked(fsp.readdir)).toHaveBeenCalledTimes(1);
    expect(vi.mocked(fsp.opendir)).toHaveBeenCalledTimes(1);
    expect(small.entries.map((e) => e.sortName)).toEqual(expected);
    expect(big.entries).toEqual(small.entries);
  });

  it('sortYielding sorts like Array.prototype.sort, stably, across many runs', async () => {
    let seed = 7;
    const items = Array.from({ length: 20_000 }, (_v, i) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return { key: seed % 5000, order: i };
    });
    const byKey = (a: { key: number }, b: { key: number }): number => a.key - b.key;
    expect(await sortYielding([...items], byKey)).toEqual([...items].sort(byKey));
    expect(await sortYielding([], byKey)).toEqual([]);
  });
});
