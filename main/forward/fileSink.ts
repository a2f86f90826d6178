/**
 * The file / stdout sink: the exact bytes that would go to the receiver, one event per line
 * (HEC JSON or the syslog message), for dry runs, tests and piping into other tools. A batch
 * is acknowledged once it is written and, for a file, fsynced.
 */
import { mkdir, open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ForwardRecord } from '../../core/forward';
import { fsWriteErrorToShiplens, outputWriteAll } from '../services/outputWriter';
import type { ForwardSink } from './forwardTypes';

/** A writer for stdout (the CLI's, honouring back-pressure). */
export interface ByteWriter {
  write(chunk: Uint8Array): Promise<void>;
}

const newline = new Uint8Array([0x0a]);

function joined(payloads: readonly Uint8Array[], separator: Uint8Array): Uint8Array {
  const size = payloads.reduce((n, p) => n + p.length + separator.length, 0);
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of payloads) {
    out.set(p, at);
    out.set(separator, at + p.length);
    at += p.length + separator.length;
  }
  return out;
}

/** Events as lines appended to `path` (created when missing; earlier content kept). */
export function fileSinkCreate(path: string, encode: (record: ForwardRecord) => Uint8Array, separator: Uint8Array = newline): ForwardSink {
  let handle: FileHandle | null = null;
  return {
    label: `file:${path}`,
    encode,
    async send(payloads) {
      try {
        if (!handle) {
          await mkdir(dirname(path), { recursive: true });
          // Appending, never truncating: a resumed replay adds to what the first run wrote.
          handle = await open(path, 'a', 0o644);
        }
        // Every byte or an error: a short write (a full disk) must not count as acknowledged.
        await outputWriteAll(handle, joined(payloads, separator), path);
        await handle.sync();
      } catch (error) {
        throw fsWriteErrorToShiplens(error, path);
      }
      return { refused: [] };
    },
    async close() {
      await handle?.close();
      handle = null;
    },
  };
}

/** Events written to a stream (stdout for `-` and `--dry-run`). */
export function streamSinkCreate(
  label: string,
  writer: ByteWriter,
  encode: (record: ForwardRecord) => Uint8Array,
  separator: Uint8Array = newline,
): ForwardSink {
  return {
    label,
    encode,
    async send(payloads) {
      await writer.write(joined(payloads, separator));
      return { refused: [] };
    },
    async close() {},
  };
}
