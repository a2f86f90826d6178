/**
 * The CLI's view of the terminal: stdout/stderr writers (pipe-friendly), progress lines on a
 * TTY, and aligned text tables. Commands write only through `CliIo`, so tests run them
 * in-process with captured output.
 */
import type { Writable } from 'node:stream';
import type { SecretBox } from '../credentials/secretBox';
import { CliPipeClosed } from './cliErrors';

/** A sink for text or bytes; `write` resolves when the chunk may be followed by more. */
export interface CliWriter {
  write(chunk: string | Uint8Array): Promise<void>;
}

/** Everything a command may touch besides files and the network. */
export interface CliIo {
  stdout: CliWriter;
  stderr: CliWriter;
  /** Progress lines are drawn only when stderr is a terminal. */
  stderrIsTTY: boolean;
  env: Record<string, string | undefined>;
  homeDir: string;
  cwd: string;
  now(): number;
  /**
   * Opens the box that unseals secrets saved in shiplens profiles; absent: the process's own
   * (Electron safeStorage when run by the app binary, else none — cliElectron.ts). Tests inject one.
   */
  secretBoxOpen?: () => Promise<SecretBox>;
}

/**
 * A CliWriter over a Node stream that honours back-pressure and ends quietly on EPIPE
 * (`shiplens head … | head -1` must not print a stack): writes after the reader went away
 * reject with CliPipeClosed, which the CLI turns into a silent exit.
 */
export function cliStreamWriter(stream: Writable): CliWriter {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') closed = true;
  });
  return {
    write(chunk) {
      if (closed) return Promise.reject(new CliPipeClosed());
      return new Promise((resolve, reject) => {
        const ok = stream.write(chunk, (error) => {
          if (!error) return;
          closed = true;
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED') reject(new CliPipeClosed());
          else reject(error);
        });
        if (ok) resolve();
        else stream.once('drain', resolve);
      });
    },
  };
}

/** Inputs above this size show progress on a terminal (issue 3 item 6). */
export const progressThresholdBytes = 50 * 1024 * 1024;

function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Progress drawn on one stderr line (`\r`), at most every 200 ms; a no-op when not wanted. */
export interface CliProgress {
  update(done: number, total: number | null): void;
  done(): Promise<void>;
}

/** A progress line for `label` when stderr is a TTY and the input is large enough. */
export function cliProgress(io: CliIo, label: string, sizeBytes: number, force = false): CliProgress {
  if (!io.stderrIsTTY || (!force && sizeBytes <= progressThresholdBytes)) {
    return { update() {}, async done() {} };
  }
  let last = 0;
  let drawn = false;
  return {
    update(done, total) {
      const t = io.now();
      if (t - last < 200 && done !== total) return;
      last = t;
      drawn = true;
      const pct = total ? ` ${Math.floor((done / total) * 100)}%` : '';
      void io.stderr.write(`\r\x1b[K${label}:${pct} ${mb(done)}${total ? ` of ${mb(total)}` : ''}`).catch(() => undefined);
    },
    async done() {
      if (drawn) await io.stderr.write('\r\x1b[K').catch(() => undefined);
    },
  };
}

/** Rows of text as columns separated by two spaces (the last column is not padded). */
export function textTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - [...cell].length)))
        .join('  ')
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join('');
}

/** A human size: `1234 B`, `2.5 KiB`, `3.1 MiB`, `1.2 GiB` plus the exact byte count when rounded. */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]} (${bytes} bytes)`;
}
