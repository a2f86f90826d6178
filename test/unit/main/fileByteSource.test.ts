import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileByteSource } from '../../../main/fileByteSource';

const dir = mkdtempSync(path.join(os.tmpdir(), 'shiplens-fbs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fileByteSource', () => {
  it('reads exact ranges and refuses reads past the end', async () => {
    const file = path.join(dir, 'a.bin');
    writeFileSync(file, Buffer.from('0123456789'));
    const source = await fileByteSource(file, 'a.bin');
    expect([source.size, source.name]).toEqual([10, 'a.bin']);
    expect(Buffer.from(await source.read(3, 4)).toString()).toBe('3456');
    expect((await source.read(10, 0)).length).toBe(0);
    await expect(source.read(8, 5)).rejects.toMatchObject({ code: 'TRUNCATED' });
    await expect(source.read(-1, 1)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('reports a file that shrank, a missing file and a folder', async () => {
    const file = path.join(dir, 'b.bin');
    writeFileSync(file, Buffer.alloc(100, 1));
    const source = await fileByteSource(file);
    truncateSync(file, 10);
    await expect(source.read(50, 10)).rejects.toMatchObject({ code: 'TRUNCATED' });
    await expect(fileByteSource(path.join(dir, 'missing'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(fileByteSource(dir)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('is cancellable', async () => {
    const file = path.join(dir, 'c.bin');
    writeFileSync(file, 'x');
    const controller = new AbortController();
    controller.abort();
    await expect((await fileByteSource(file)).read(0, 1, controller.signal)).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
