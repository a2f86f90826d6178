// Issue 12/16: the forward file sink and the dead-letter file on a full disk (1 MiB tmpfs) fail
// with "The disk is full" — a short write is never taken as delivered, so no checkpoint moves
// past events that did not reach the file.
import { execFileSync } from 'node:child_process';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeadLetterFile } from '../../main/forward/deadLetterFile';
import { fileSinkCreate } from '../../main/forward/fileSink';
import { tempDir } from './serverHelpers';

let full = '';
let mounted = false;

beforeAll(async () => {
  full = join(await tempDir('forward-full'), 'full');
  await mkdir(full);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', full], { stdio: 'ignore' });
    mounted = true;
  } catch {
    mounted = false;
  }
});
afterAll(() => {
  if (mounted) execFileSync('umount', ['-l', full], { stdio: 'ignore' });
});

describe.runIf(process.getuid?.() === 0)('forward writes on a full disk (1 MiB tmpfs; mounting needs root)', () => {
  it('mounted the tmpfs', () => expect(mounted).toBe(true));

  it('the file sink refuses a batch that does not fit instead of acknowledging part of it', async () => {
    const path = join(full, 'events.log');
    const sink = fileSinkCreate(path, () => new Uint8Array(0));
    const event = new Uint8Array(64 * 1024).fill(0x61);
    await expect(
      sink.send(
        Array.from({ length: 32 }, () => event),
        new AbortController().signal,
      ),
    ).rejects.toMatchObject({ code: 'IO', message: expect.stringContaining('The disk is full') });
    await sink.close();
    expect((await stat(path)).size).toBeLessThan(32 * (64 * 1024 + 1));
  });

  it('the dead-letter file says the disk is full', async () => {
    const letters = new DeadLetterFile(join(full, 'dead.jsonl'));
    const record = { text: 'x'.repeat(2 << 20) };
    await expect(letters.write({ position: { key: 'k', line: 1 }, record } as never, 'refused')).rejects.toMatchObject({
      code: 'IO',
      message: expect.stringContaining('The disk is full'),
    });
    await letters.close();
  });
});
