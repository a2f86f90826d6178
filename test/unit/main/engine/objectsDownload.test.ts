// The download operation both faces use (object.download, shiplens get): targets, the checks on
// each file before any byte moves, and the storage's download with progress, on a local bucket.
import { mkdir, mkdtemp, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  downloadTargetOf,
  downloadTargetPrepare,
  downloadTargets,
  keyFileName,
  objectsDownload,
} from '../../../../main/engine/objectsDownload';
import { safeJoin } from '../../../../main/safePath';
import { LocalFolderStorage } from '../../../../main/storage/localFolderStorage';

let root: string;
let storage: LocalFolderStorage;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'shiplens-objdl-'));
  for (const [key, text] of [
    ['logs/a.csv', 'a,b\n1,2\n'],
    ['logs/2026/b.json', '{"k":1}\n'],
    ['other/c.txt', 'c'],
  ] as const) {
    await mkdir(join(root, 'bucket', key, '..'), { recursive: true });
    await writeFile(join(root, 'bucket', key), text);
  }
  storage = new LocalFolderStorage(join(root, 'bucket'));
});

describe('download targets', () => {
  it('names one object by its key file name and refuses keys naming a folder', () => {
    expect(downloadTargetOf('logs/2026/b.json')).toEqual({ key: 'logs/2026/b.json', name: 'b.json' });
    expect(keyFileName('dir\\x.csv')).toBe('x.csv');
    for (const key of ['', 'logs/..', '.'])
      expect(() => keyFileName(key)).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }) as Error);
  });

  it('lists every object below a folder prefix, named below it', async () => {
    expect(await downloadTargets(storage, 'logs/')).toEqual([
      { key: 'logs/2026/b.json', name: '2026/b.json' },
      { key: 'logs/a.csv', name: 'a.csv' },
    ]);
    expect(await downloadTargets(storage, 'logs/a.csv')).toEqual([{ key: 'logs/a.csv', name: 'a.csv' }]);
    expect(await downloadTargets(storage, 'none/')).toEqual([]);
  });
});

describe('objectsDownload', () => {
  it('writes each object below the output folder with progress, then refuses to overwrite without consent', async () => {
    const outDir = join(root, 'out');
    const heard: string[] = [];
    const output = { outDir, overwrite: false, safeJoin };
    const run = () =>
      objectsDownload(storage, [{ key: 'logs/2026/b.json', name: '2026/b.json' }, downloadTargetOf('other/c.txt')], {
        ...output,
        onObjectStart: (target, path) => {
          heard.push(`start ${target.key} ${path.slice(outDir.length)}`);
          return (done, total) => heard.push(`progress ${done}/${total}`);
        },
        onObjectDone: (target, _path, bytes) => void heard.push(`done ${target.key} ${bytes}`),
      });
    expect(await run()).toEqual([
      { path: join(outDir, '2026', 'b.json'), bytes: 8 },
      { path: join(outDir, 'c.txt'), bytes: 1 },
    ]);
    expect(heard).toEqual([
      'start logs/2026/b.json /2026/b.json',
      'progress 8/8',
      'done logs/2026/b.json 8',
      'start other/c.txt /c.txt',
      'progress 1/1',
      'done other/c.txt 1',
    ]);
    expect(await readFile(join(outDir, '2026', 'b.json'), 'utf8')).toBe('{"k":1}\n');
    heard.length = 0;
    await expect(run()).rejects.toMatchObject({ code: 'FILE_EXISTS', source: join(outDir, '2026', 'b.json') });
    // Refused before any byte moved: nothing started.
    expect(heard).toEqual([]);
    await writeFile(join(outDir, 'c.txt'), 'old');
    await objectsDownload(storage, [downloadTargetOf('other/c.txt')], { ...output, overwrite: true });
    expect(await readFile(join(outDir, 'c.txt'), 'utf8')).toBe('c');
  });

  it('checks a file before the download: names leaving the folder, links inside it, a cancelled run', async () => {
    const outDir = join(root, 'out');
    const output = { outDir, overwrite: false, safeJoin };
    await expect(downloadTargetPrepare(output, '../escape.csv')).rejects.toMatchObject({ code: 'PATH_OUTSIDE_ROOT' });
    await mkdir(outDir, { recursive: true });
    await symlink(join(root, 'bucket'), join(outDir, 'lnk'));
    await expect(downloadTargetPrepare(output, 'lnk/x.csv')).rejects.toMatchObject({ code: 'PATH_OUTSIDE_ROOT' });
    const controller = new AbortController();
    controller.abort();
    await expect(
      objectsDownload(storage, [downloadTargetOf('logs/a.csv')], { ...output, signal: controller.signal }),
    ).rejects.toMatchObject({
      code: 'CANCELLED',
    });
    expect((await readdir(outDir)).sort()).toEqual(['lnk']);
  });
});
