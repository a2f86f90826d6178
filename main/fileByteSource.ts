/**
 * A ByteSource over a local file, read by ranges (hyparquet's `asyncBufferFromFile` in spirit).
 *
 * Each read opens, reads and closes its own FileHandle: no handle outlives a call, so a
 * forgotten source never leaks a descriptor and a file replaced meanwhile is seen as such.
 */
import { promises as fsp } from 'node:fs';
import type { ByteSource } from '../core/bytes';
import { byteRangeCheck } from '../core/bytes';
import { ShiplensError, throwIfCancelled } from '../core/errors';

/** Map a Node fs error from reading a file to a ShiplensError naming it (writes: fsWriteErrorToShiplens). */
export function fsReadErrorToShiplens(error: unknown, file: string): ShiplensError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new ShiplensError('NOT_FOUND', 'The file does not exist.', { source: file, hint: 'Check the path, or refresh the listing.' });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new ShiplensError('ACCESS_DENIED', 'Permission denied.', { source: file, hint: 'Check the file permissions.' });
  }
  if (code === 'EEXIST') {
    return new ShiplensError('FILE_EXISTS', 'The file already exists.', {
      source: file,
      hint: 'Choose another name, or allow overwriting.',
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ShiplensError('IO', `File error: ${message}`, { source: file, cause: error });
}

/** Open `filePath` as a ByteSource (stat once for the size; reads must stay within it). */
export async function fileByteSource(filePath: string, name: string = filePath): Promise<ByteSource> {
  let size: number;
  try {
    const stat = await fsp.stat(filePath);
    if (!stat.isFile()) throw new ShiplensError('NOT_FOUND', 'Not a regular file.', { source: name });
    size = stat.size;
  } catch (error) {
    throw error instanceof ShiplensError ? error : fsReadErrorToShiplens(error, name);
  }
  return {
    size,
    name,
    async read(offset, length, signal) {
      byteRangeCheck(size, offset, length, name);
      throwIfCancelled(signal);
      const out = new Uint8Array(length);
      await fileRangeRead(filePath, offset, out, name);
      return out;
    },
    async readInto(offset, target, signal) {
      byteRangeCheck(size, offset, target.length, name);
      throwIfCancelled(signal);
      await fileRangeRead(filePath, offset, target, name);
    },
  };
}

/** Fill `out` with the bytes at `offset` (TRUNCATED if the file shrank meanwhile). */
async function fileRangeRead(filePath: string, offset: number, out: Uint8Array, name: string): Promise<void> {
  const length = out.length;
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(filePath, 'r');
    let done = 0;
    while (done < length) {
      const { bytesRead } = await handle.read(out, done, length - done, offset + done);
      if (bytesRead === 0) {
        throw new ShiplensError('TRUNCATED', `The file ended after ${offset + done} bytes while reading ${length} at ${offset}.`, {
          source: name,
          hint: 'The file changed or was truncated while reading it.',
        });
      }
      done += bytesRead;
    }
  } catch (error) {
    throw error instanceof ShiplensError ? error : fsReadErrorToShiplens(error, name);
  } finally {
    await handle?.close();
  }
}
