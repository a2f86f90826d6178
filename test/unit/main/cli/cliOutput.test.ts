import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CliPipeClosed } from '../../../../main/cli/cliErrors';
import { cliProgress, cliStreamWriter, progressThresholdBytes, sizeText, textTable } from '../../../../main/cli/cliOutput';
import type { CliIo } from '../../../../main/cli/cliOutput';

function io(tty: boolean, clock: { t: number }): { io: CliIo; err: string[] } {
  const err: string[] = [];
  return {
    err,
    io: {
      stdout: { write: async () => undefined },
      stderr: { write: async (c) => void err.push(String(c)) },
      stderrIsTTY: tty,
      env: {},
      homeDir: '/',
      cwd: '/',
      now: () => clock.t,
    },
  };
}

describe('cliProgress', () => {
  it('draws on a TTY for inputs over 50 MB, throttled, and clears the line', async () => {
    const clock = { t: 0 };
    const { io: cli, err } = io(true, clock);
    const p = cliProgress(cli, 'decoding x', progressThresholdBytes + 1);
    clock.t = 1000;
    p.update(10 * 1024 * 1024, 100 * 1024 * 1024);
    clock.t = 1100;
    p.update(20 * 1024 * 1024, 100 * 1024 * 1024); // within 200 ms: skipped
    clock.t = 1300;
    p.update(100 * 1024 * 1024, 100 * 1024 * 1024);
    await p.done();
    expect(err).toEqual(['\r\x1b[Kdecoding x: 10% 10.0 MB of 100.0 MB', '\r\x1b[Kdecoding x: 100% 100.0 MB of 100.0 MB', '\r\x1b[K']);
  });

  it('stays silent for small inputs and when stderr is not a TTY', async () => {
    for (const [tty, size] of [
      [true, progressThresholdBytes],
      [false, progressThresholdBytes * 4],
    ] as const) {
      const clock = { t: 1000 };
      const { io: cli, err } = io(tty, clock);
      const p = cliProgress(cli, 'x', size);
      p.update(1, 2);
      await p.done();
      expect(err).toEqual([]);
    }
  });
});

describe('cliStreamWriter', () => {
  it('rejects with CliPipeClosed after EPIPE', async () => {
    const stream = new PassThrough();
    const writer = cliStreamWriter(stream);
    await writer.write('a');
    stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    await expect(writer.write('b')).rejects.toBeInstanceOf(CliPipeClosed);
  });
});

describe('textTable and sizeText', () => {
  it('aligns columns by characters and leaves the last unpadded', () => {
    expect(
      textTable([
        ['A', 'B', 'C'],
        ['中文', 'x', 'y'],
      ]),
    ).toBe('A   B  C\n中文  x  y\n');
  });
  it('shows exact bytes beside rounded units', () => {
    expect(sizeText(1023)).toBe('1023 B');
    expect(sizeText(3800)).toBe('3.7 KiB (3800 bytes)');
    expect(sizeText(3 * 1024 * 1024)).toBe('3.0 MiB (3145728 bytes)');
  });
});
