// Uploads go through the output writer (issue 12 §3): exact bytes, the size limit, a full disk.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { UploadRegistry } from '../../../../main/services/uploadRegistry';

const work = mkdtempSync(join(tmpdir(), 'shiplens-upload-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function body(chunks: number, size: number): Readable {
  return Readable.from(Array.from({ length: chunks }, (_, i) => Buffer.alloc(size, 97 + (i % 26))));
}

describe('UploadRegistry.store', () => {
  it('stores the exact bytes, readable by the user only', async () => {
    const registry = new UploadRegistry(1 << 20);
    const entry = await registry.store('in.snappy', body(3, 1000));
    expect(entry).toMatchObject({ name: 'in.snappy', bytes: 3000 });
    expect(readFileSync(entry.path).toString()).toBe('a'.repeat(1000) + 'b'.repeat(1000) + 'c'.repeat(1000));
    expect(statSync(entry.path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dirname(entry.path))).toEqual([entry.id]);
    await registry.clear();
  });

  it('refuses a body over the limit with TOO_LARGE and keeps nothing', async () => {
    const registry = new UploadRegistry(2500);
    await registry.store('first', body(1, 10));
    const kept = readdirSync((registry as unknown as { dir: string }).dir);
    await expect(registry.store('big', body(3, 1000))).rejects.toMatchObject({
      code: 'TOO_LARGE',
      message: 'The upload is over the 2500-byte limit.',
    });
    expect(readdirSync((registry as unknown as { dir: string }).dir)).toEqual(kept);
    await registry.clear();
  });

  it.runIf(process.getuid?.() === 0)(
    'reports a full disk as such and keeps nothing (1 MiB tmpfs as TMPDIR; mounting needs root)',
    async () => {
      const disk = join(work, 'disk');
      mkdirSync(disk);
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', disk]);
      const saved = process.env.TMPDIR;
      try {
        process.env.TMPDIR = disk;
        const registry = new UploadRegistry(8 << 20);
        const error = await registry.store('big', body(32, 64 * 1024)).catch((e: unknown) => e);
        expect(error).toMatchObject({ code: 'IO', hint: 'Free some space or choose another folder.' });
        expect((error as Error).message).toMatch(new RegExp(`^The disk is full: no space left in ${disk}/shiplens-uploads-\\w+\\.$`));
        const [folder] = readdirSync(disk);
        expect(readdirSync(join(disk, folder as string))).toEqual([]);
        await registry.clear();
      } finally {
        process.env.TMPDIR = saved;
        execFileSync('umount', [disk]);
      }
    },
  );
});
