import { lstat, mkdir, mkdtemp, readFile, readdir, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ShiplensError } from '../../../../core/errors';
import { outputFolderVerify } from '../../../../main/services/outputName';
import { outputFileWrite, outputWrite, outputWriteAll, writeSliceBytes } from '../../../../main/services/outputWriter';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shiplens-writer-'));
});

/** A handle that accepts at most `max` bytes per write() and records what it got. */
function shortHandle(max: number): { handle: Parameters<typeof outputWriteAll>[0]; lengths: number[]; bytes: number[] } {
  const lengths: number[] = [];
  const bytes: number[] = [];
  const handle = {
    write: async (buffer: Uint8Array, offset: number, length: number) => {
      const n = Math.min(max, length);
      lengths.push(length);
      for (let i = 0; i < n; i++) bytes.push(buffer[offset + i] as number);
      return { bytesWritten: n, buffer };
    },
  } as unknown as Parameters<typeof outputWriteAll>[0];
  return { handle, lengths, bytes };
}

describe('outputWriteAll', () => {
  it('continues every short write until all bytes are written, in order', async () => {
    const data = Uint8Array.from({ length: 10 }, (_, i) => i + 1);
    const fake = shortHandle(3);
    await outputWriteAll(fake.handle, data, '/x');
    expect(fake.bytes).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(fake.lengths).toEqual([10, 7, 4, 1]);
  });

  it('writes a buffer over one slice in slices of at most 64 MiB (one 2 GiB+ write throws ERR_OUT_OF_RANGE)', async () => {
    const data = new Uint8Array(writeSliceBytes * 2 + 5);
    const lengths: number[] = [];
    const handle = {
      write: async (b: Uint8Array, o: number, l: number) => (lengths.push(l), { bytesWritten: l, buffer: b }),
    } as unknown as Parameters<typeof outputWriteAll>[0];
    await outputWriteAll(handle, data, '/x');
    expect(lengths).toEqual([writeSliceBytes, writeSliceBytes, 5]);
  });

  it('fails instead of looping when the file system accepts nothing', async () => {
    await expect(outputWriteAll(shortHandle(0).handle, new Uint8Array(4), '/out/x')).rejects.toMatchObject({
      code: 'IO',
      message: 'The file system accepted no more bytes.',
      source: '/out/x',
    });
  });
});

describe('outputWrite', () => {
  it('writes text and bytes, counts the bytes, leaves only the target', async () => {
    const target = join(dir, 'a.txt');
    const result = await outputWrite(target, { overwrite: false }, async (sink) => {
      await sink.write('héllo ');
      await sink.write(new TextEncoder().encode('world'));
      return 7;
    });
    expect(result).toEqual({ value: 7, bytes: 12 });
    expect(await readFile(target, 'utf8')).toBe('héllo world');
    expect(await readdir(dir)).toEqual(['a.txt']);
    expect((await stat(target)).mode & 0o777).toBe(0o644);
  });

  it('creates secrets with mode 0600 and replaces only with consent', async () => {
    const target = join(dir, 's.json');
    await outputFileWrite(target, { overwrite: false, mode: 0o600 }, 'one');
    expect((await stat(target)).mode & 0o777).toBe(0o600);
    await expect(outputFileWrite(target, { overwrite: false }, 'two')).rejects.toMatchObject({ code: 'FILE_EXISTS', source: target });
    await outputFileWrite(target, { overwrite: true, mode: 0o600 }, 'three');
    expect(await readFile(target, 'utf8')).toBe('three');
    expect(await readdir(dir)).toEqual(['s.json']);
  });

  it('never replaces a folder, even with consent', async () => {
    await mkdir(join(dir, 'd'));
    await expect(outputFileWrite(join(dir, 'd'), { overwrite: true }, 'x')).rejects.toMatchObject({ code: 'FILE_EXISTS' });
  });

  it('passes a producer ShiplensError through unchanged and removes the part', async () => {
    const error = new ShiplensError('JSON_LINE_INVALID', 'Line 3 is not JSON.', { source: 'in.json' });
    await expect(
      outputWrite(join(dir, 'p.csv'), { overwrite: false }, async (sink) => {
        await sink.write('partial');
        throw error;
      }),
    ).rejects.toBe(error);
    expect(await readdir(dir)).toEqual([]);
  });

  it('reports an unknown producer error as INTERNAL, not as an output-file IO error', async () => {
    const failing = outputWrite(join(dir, 'q.csv'), { overwrite: false }, async () => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    await expect(failing).rejects.toMatchObject({ code: 'INTERNAL', message: 'Maximum call stack size exceeded' });
    await expect(failing).rejects.not.toMatchObject({ message: expect.stringContaining('Could not write the file') });
    expect(await readdir(dir)).toEqual([]);
  });

  it('leaves a planted `.part` link, its victim and a regular `.part` alone', async () => {
    await writeFile(join(dir, 'victim'), 'secret');
    await symlink(join(dir, 'victim'), join(dir, 'x.json.part'));
    await writeFile(join(dir, 'y.csv.part'), 'keep me');
    await outputFileWrite(join(dir, 'x.json'), { overwrite: false }, 'decoded');
    await outputFileWrite(join(dir, 'y.csv'), { overwrite: false }, 'exported');
    expect(await readFile(join(dir, 'victim'), 'utf8')).toBe('secret');
    expect(await readlink(join(dir, 'x.json.part'))).toBe(join(dir, 'victim'));
    expect((await lstat(join(dir, 'x.json'))).isFile()).toBe(true);
    expect(await readFile(join(dir, 'x.json'), 'utf8')).toBe('decoded');
    expect(await readFile(join(dir, 'y.csv.part'), 'utf8')).toBe('keep me');
    expect((await readdir(dir)).sort()).toEqual(['victim', 'x.json', 'x.json.part', 'y.csv', 'y.csv.part']);
  });

  it('of ten concurrent writes to one name exactly one wins, the rest get FILE_EXISTS', async () => {
    const target = join(dir, 'same.txt');
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => outputFileWrite(target, { overwrite: false }, `writer ${i}\n`.repeat(1000))),
    );
    const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
    expect(won).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(
      Array(9).fill('FILE_EXISTS'),
    );
    expect(await readFile(target, 'utf8')).toBe(`writer ${won[0]}\n`.repeat(1000));
    expect(await readdir(dir)).toEqual(['same.txt']);
  });

  it('refuses a folder link below the root but follows links in the root itself', async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'shiplens-elsewhere-'));
    await symlink(elsewhere, join(dir, 'lnk'));
    await expect(outputFileWrite(join(dir, 'lnk', 'x.csv'), { overwrite: false, root: dir }, 'x')).rejects.toMatchObject({
      code: 'PATH_OUTSIDE_ROOT',
      source: join(dir, 'lnk'),
    });
    await expect(outputFileWrite(join(dir, 'lnk', 'sub', 'x.csv'), { overwrite: false, root: dir }, 'x')).rejects.toMatchObject({
      code: 'PATH_OUTSIDE_ROOT',
    });
    expect(await readdir(elsewhere)).toEqual([]);
    await outputFileWrite(join(dir, 'lnk', 'y.csv'), { overwrite: false, root: join(dir, 'lnk') }, 'y');
    expect(await readdir(elsewhere)).toEqual(['y.csv']);
    await outputFileWrite(join(dir, 'new', 'deep', 'z.csv'), { overwrite: false, root: dir }, 'z');
    expect(await readFile(join(dir, 'new', 'deep', 'z.csv'), 'utf8')).toBe('z');
  });

  it('catches a folder swapped for a link after the check (the part resolves elsewhere)', async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'shiplens-swapped-'));
    await symlink(elsewhere, join(dir, 'sub'));
    await expect(outputFolderVerify(join(dir, 'sub', 'x.csv'), dir, join(dir, 'sub', 'x.csv.0.part'))).rejects.toMatchObject({
      code: 'PATH_OUTSIDE_ROOT',
      source: join(dir, 'sub'),
    });
    await mkdir(join(dir, 'real'));
    await expect(outputFolderVerify(join(dir, 'real', 'x.csv'), dir, join(dir, 'real', 'x.csv.0.part'))).resolves.toBeUndefined();
  });

  it('checks the name with its part suffix: 241 bytes are written, 242 refused up front', async () => {
    await outputFileWrite(join(dir, 'a'.repeat(241)), { overwrite: false }, 'ok');
    await expect(outputFileWrite(join(dir, 'b'.repeat(242)), { overwrite: false }, 'no')).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'The file name is 242 bytes; at most 241 bytes fit (the temporary ".part" name adds 14).',
    });
    expect(await readdir(dir)).toEqual(['a'.repeat(241)]);
  });

  it('refuses bidi controls in the name and in folders below the root', async () => {
    await expect(outputFileWrite(join(dir, 'report\u202ecsv.exe'), { overwrite: false }, 'x')).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(outputFileWrite(join(dir, 'a\u2067b', 'x.csv'), { overwrite: false, root: dir }, 'x')).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      source: join(dir, 'a\u2067b'),
    });
    expect(await readdir(dir)).toEqual([]);
  });
});
