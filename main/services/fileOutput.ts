/**
 * Writes output files safely: into a `<name>.part` file first, then moved into place, and
 * never over an existing file unless the caller consented (`overwrite: true`).
 */
import { link, lstat, mkdir, open, rename, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ShiplensError, isShiplensError } from '../../core/errors';

/** Map a Node fs error to a ShiplensError naming the path (no stack, no internals). */
export function fsErrorToShiplens(error: unknown, path: string): ShiplensError {
  if (isShiplensError(error)) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return new ShiplensError('NOT_FOUND', 'The file or folder does not exist.', { source: path });
    case 'EACCES':
    case 'EPERM':
      return new ShiplensError('ACCESS_DENIED', 'Permission denied.', { source: path, hint: 'Choose a folder you can write to.' });
    case 'EEXIST':
      return new ShiplensError('FILE_EXISTS', 'A file with that name already exists.', { source: path, hint: 'Choose another name or allow overwriting.' });
    case 'ENOSPC':
      return new ShiplensError('IO', 'The disk is full.', { source: path });
    case 'EISDIR':
    case 'ENOTDIR':
      return new ShiplensError('IO', 'A folder is in the way of that file (or the reverse).', { source: path });
    default:
      return new ShiplensError('IO', `Could not write the file (${code ?? 'unknown error'}).`, { source: path });
  }
}

/** FILE_EXISTS when `target` exists and overwriting was not allowed. */
export async function outputTargetCheck(target: string, overwrite: boolean): Promise<void> {
  const existing = await lstat(target).catch(() => null);
  if (!existing) return;
  if (!overwrite || existing.isDirectory()) {
    throw new ShiplensError('FILE_EXISTS', 'A file with that name already exists.', { source: target, hint: 'Choose another name or allow overwriting.' });
  }
}

/** Create `target` through `<target>.part`: `write` fills the handle; failure leaves no file behind. */
export async function outputFileWrite(target: string, overwrite: boolean, write: (handle: FileHandle) => Promise<void>): Promise<void> {
  await outputTargetCheck(target, overwrite);
  try {
    await mkdir(dirname(target), { recursive: true });
  } catch (error) {
    throw fsErrorToShiplens(error, dirname(target));
  }
  const part = `${target}.part`;
  let handle: FileHandle | null = null;
  try {
    handle = await open(part, 'w', 0o644);
    await write(handle);
    await handle.close();
    handle = null;
    await outputCommit(part, target, overwrite);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(part).catch(() => undefined);
    throw fsErrorToShiplens(error, target);
  }
}

// link() fails with EEXIST instead of replacing: no race can make us overwrite silently.
async function outputCommit(part: string, target: string, overwrite: boolean): Promise<void> {
  if (overwrite) {
    await rename(part, target);
    return;
  }
  try {
    await link(part, target);
    await unlink(part);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw error;
    // File systems without hard links: check once more, then rename.
    await outputTargetCheck(target, false);
    await rename(part, target);
  }
}
