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

  it("reads into a caller's buffer: exact bytes, nothing past the end, TRUNCATED when the file shrank", async () => {
    const file = path.join(dir, 'd.bin');
    writeFileSync(file, Buffer.from('0123456789'));
    const source = await fileByteSource(file, 'd.bin');
    const target = new Uint8Array(12).fill(0x2e);
    await source.readInto?.(3, target.subarray(1, 5));
    expect(Buffer.from(target).toString()).toBe('.3456.......');
    await expect(source.readInto?.(8, new Uint8Array(5))).rejects.toMatchObject({ code: 'TRUNCATED', source: 'd.bin' });
    truncateSync(file, 4);
    await expect(source.readInto?.(0, new Uint8Array(10))).rejects.toMatchObject({ code: 'TRUNCATED', source: 'd.bin' });
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
