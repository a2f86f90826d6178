import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { objectsListAll } from '../../../../main/engine/objectsList';
import { LocalFolderStorage } from '../../../../main/storage/localFolderStorage';

const base = mkdtempSync(path.join(os.tmpdir(), 'shiplens-local-'));
const root = path.join(base, 'bucket');
const outside = path.join(base, 'secret');
const out = path.join(base, 'out');

function put(rel: string, text: string): void {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

beforeAll(() => {
  mkdirSync(root);
  mkdirSync(outside);
  mkdirSync(out);
  writeFileSync(path.join(outside, 'passwd'), 'root:x:0:0');
  put('a.json', 'A');
  put('a-b.json', 'AB');
  put('a/1.json', '1');
  put('a/2/x.json', '2x');
  put('b/\u65e5\u5fd7.json', 'zh');
  put('b/\ud83d\ude00.json', 'emoji');
  put('b/\uffee.json', 'halfwidth');
  put('big.bin', 'z'.repeat(100_000));
  symlinkSync(path.join(outside, 'passwd'), path.join(root, 'leak.txt'));
  symlinkSync(outside, path.join(root, 'leakdir'));
  symlinkSync(path.join(root, 'a.json'), path.join(root, 'inside-link.json'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('LocalFolderStorage.list', () => {
  it('lists objects and common prefixes in UTF-8 key order with a delimiter', async () => {
    const s = new LocalFolderStorage(root);
    const page = await s.list({ prefix: '', delimiter: '/' });
    expect(page.objects.map((o) => o.key)).toEqual(['a-b.json', 'a.json', 'big.bin', 'inside-link.json']);
    expect(page.prefixes).toEqual(['a/', 'b/']);
    expect(page.nextPageToken).toBeNull();
    expect(page.objects[0]).toMatchObject({ key: 'a-b.json', size: 2 });
    expect(page.objects[0]?.lastModified).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('lists recursively without a delimiter, in byte order (U+FFEE before an emoji)', async () => {
    const s = new LocalFolderStorage(root);
    const page = await s.list({ prefix: '', delimiter: '' });
    expect(page.objects.map((o) => o.key)).toEqual([
      'a-b.json',
      'a.json',
      'a/1.json',
      'a/2/x.json',
      'b/\u65e5\u5fd7.json',
      'b/\uffee.json',
      'b/\ud83d\ude00.json',
      'big.bin',
      'inside-link.json',
    ]);
  });

  it('filters by a partial name prefix and pages with opaque tokens', async () => {
    const s = new LocalFolderStorage(root);
    expect((await s.list({ prefix: 'a', delimiter: '/' })).objects.map((o) => o.key)).toEqual(['a-b.json', 'a.json']);
    expect(await s.list({ prefix: 'a/', delimiter: '/' })).toMatchObject({ prefixes: ['a/2/'] });
    const keys: string[] = [];
    const progress = await objectsListAll(s, { prefix: '', delimiter: '', maxKeys: 2 }, (page) => {
      expect(page.objects.length).toBeLessThanOrEqual(2);
      keys.push(...page.objects.map((o) => o.key));
    });
    expect(progress.pages).toBe(5);
    expect(keys).toHaveLength(9);
    expect(new Set(keys).size).toBe(9);
    await expect(s.list({ prefix: '', delimiter: '', pageToken: 'bm9wZQ' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('never lists links leading out of the root, and refuses a hostile prefix', async () => {
    const s = new LocalFolderStorage(root);
    const all = (await s.list({ prefix: '', delimiter: '' })).objects.map((o) => o.key);
    expect(all).not.toContain('leak.txt');
    expect(all.some((k) => k.startsWith('leakdir'))).toBe(false);
    expect(await s.list({ prefix: 'leakdir/', delimiter: '/' })).toEqual({ objects: [], prefixes: [], nextPageToken: null });
    await expect(s.list({ prefix: '../', delimiter: '/' })).rejects.toMatchObject({ code: 'PATH_OUTSIDE_ROOT' });
  });
});

describe('LocalFolderStorage.open/head', () => {
  it('reads exact ranges', async () => {
    const s = new LocalFolderStorage(root);
    const source = await s.open('a/2/x.json');
    expect(source.size).toBe(2);
    expect(new TextDecoder().decode(await source.read(1, 1))).toBe('x');
    await expect(source.read(1, 5)).rejects.toMatchObject({ code: 'TRUNCATED' });
    expect(await s.head('big.bin')).toMatchObject({ key: 'big.bin', size: 100_000 });
  });

  it.each([
    ['leak.txt', 'PATH_OUTSIDE_ROOT'],
    ['leakdir/passwd', 'PATH_OUTSIDE_ROOT'],
    ['../secret/passwd', 'PATH_OUTSIDE_ROOT'],
    ['a/../../secret/passwd', 'PATH_OUTSIDE_ROOT'],
    [path.join(outside, 'passwd'), 'PATH_OUTSIDE_ROOT'],
    ['a\\1.json', 'PATH_OUTSIDE_ROOT'],
    ['a.json\u0000', 'PATH_OUTSIDE_ROOT'],
    ['\u2025/secret/passwd', 'PATH_OUTSIDE_ROOT'],
    ['missing.json', 'NOT_FOUND'],
    ['a', 'NOT_FOUND'],
  ])('refuses %j with %s', async (key, code) => {
    const s = new LocalFolderStorage(root);
    await expect(s.open(key)).rejects.toMatchObject({ code });
    await expect(s.head(key)).rejects.toMatchObject({ code });
  });

  it('follows a link that stays inside the root', async () => {
    const s = new LocalFolderStorage(root);
    expect(new TextDecoder().decode(await (await s.open('inside-link.json')).read(0, 1))).toBe('A');
  });
});

describe('LocalFolderStorage.download', () => {
  it('copies via .part, reports progress, refuses to overwrite unless asked', async () => {
    const s = new LocalFolderStorage(root);
    const dest = path.join(out, 'big.bin');
    let last = 0;
    expect(await s.download('big.bin', dest, { onProgress: (done, total) => void ((last = done), expect(total).toBe(100_000)) })).toEqual({
      bytes: 100_000,
    });
    expect(last).toBe(100_000);
    const hash = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
    expect(hash(readFileSync(dest))).toBe(hash(readFileSync(path.join(root, 'big.bin'))));
    expect(readdirSync(out).filter((f) => f.startsWith('big.bin') && f.endsWith('.part'))).toEqual([]);
    await expect(s.download('a.json', dest)).rejects.toMatchObject({ code: 'FILE_EXISTS' });
    expect(readFileSync(dest).length).toBe(100_000);
    await s.download('a.json', dest, { overwrite: true });
    expect(readFileSync(dest, 'utf8')).toBe('A');
  });

  it('downloads an empty file, and leaves nothing behind when cancelled', async () => {
    const s = new LocalFolderStorage(root);
    put('empty.json', '');
    await s.download('empty.json', path.join(out, 'empty.json'));
    expect(readFileSync(path.join(out, 'empty.json')).length).toBe(0);
    const controller = new AbortController();
    controller.abort();
    await expect(s.download('big.bin', path.join(out, 'cancel.bin'), { signal: controller.signal })).rejects.toMatchObject({
      code: 'CANCELLED',
    });
    expect(readdirSync(out).filter((f) => f.startsWith('cancel'))).toEqual([]);
  });

  it('never writes through a planted .part link', async () => {
    const s = new LocalFolderStorage(root);
    const dest = path.join(out, 'planted.json');
    symlinkSync(path.join(outside, 'passwd'), `${dest}.part`);
    await s.download('a.json', dest);
    expect(readFileSync(path.join(outside, 'passwd'), 'utf8')).toBe('root:x:0:0');
    expect(readFileSync(dest, 'utf8')).toBe('A');
    // The planted link is left where it was (issue 12 §4: never followed, reused or deleted).
    expect(readlinkSync(`${dest}.part`)).toBe(path.join(outside, 'passwd'));
  });

  it('leaves an existing regular .part intact and uses its own part', async () => {
    const s = new LocalFolderStorage(root);
    const dest = path.join(out, 'kept.json');
    writeFileSync(`${dest}.part`, 'not ours');
    await s.download('a.json', dest);
    expect(readFileSync(`${dest}.part`, 'utf8')).toBe('not ours');
    expect(readFileSync(dest, 'utf8')).toBe('A');
    expect(
      readdirSync(out)
        .filter((f) => f.startsWith('kept'))
        .sort(),
    ).toEqual(['kept.json', 'kept.json.part']);
  });
});
