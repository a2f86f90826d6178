/**
 * The `<dest>.part` → `<dest>` protocol of every download (issue 8 §3).
 *
 * A download writes only to `<dest>.part`; the target name appears only when the bytes are
 * complete and verified, and never replaces an existing file without `overwrite`.
 */
import { promises as fsp } from 'node:fs';
import { ShiplensError } from '../../core/errors';
import { fsErrorToShiplens } from '../fileByteSource';

/** The partial-file name of a download target. */
export function partPathOf(destPath: string): string {
  return `${destPath}.part`;
}

/** Refuse early when `destPath` exists and overwriting was not allowed. */
export async function destCheck(destPath: string, overwrite: boolean): Promise<void> {
  if (overwrite) return;
  try {
    await fsp.lstat(destPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw fsErrorToShiplens(error, destPath);
  }
  throw new ShiplensError('FILE_EXISTS', 'The target file already exists.', {
    source: destPath,
    hint: 'Choose another folder, or allow overwriting.',
  });
}

/** Size of an existing `.part` file (0 when there is none). */
export async function partSize(partPath: string): Promise<number> {
  try {
    const stat = await fsp.lstat(partPath);
    return stat.isFile() ? stat.size : 0;
  } catch {
    return 0;
  }
}

/**
 * Open the `.part` file for writing: appending when `resume`, else fresh.
 *
 * A fresh part is unlinked then created with O_EXCL, so a planted link is never followed.
 */
export async function partOpen(partPath: string, resume: boolean): Promise<fsp.FileHandle> {
  try {
    if (resume) {
      const stat = await fsp.lstat(partPath);
      if (stat.isFile()) return await fsp.open(partPath, 'a');
    }
    await fsp.rm(partPath, { force: true });
    return await fsp.open(partPath, 'wx');
  } catch (error) {
    throw fsErrorToShiplens(error, partPath);
  }
}

/** Remove a `.part` file, ignoring absence. */
export async function partDiscard(partPath: string): Promise<void> {
  await fsp.rm(partPath, { force: true }).catch(() => undefined);
}

/**
 * Move a complete `.part` onto `destPath` after checking its size.
 *
 * Without `overwrite` uses link+unlink, which fails atomically if the target appeared meanwhile.
 */
export async function partCommit(partPath: string, destPath: string, expectedBytes: number, overwrite: boolean): Promise<void> {
  const size = await partSize(partPath);
  if (size !== expectedBytes) {
    await partDiscard(partPath);
    throw new ShiplensError('TRUNCATED', `Downloaded ${size} bytes, expected ${expectedBytes}.`, {
      source: destPath,
      hint: 'The transfer was incomplete; try again.',
    });
  }
  try {
    if (overwrite) {
      await fsp.rename(partPath, destPath);
      return;
    }
    try {
      await fsp.link(partPath, destPath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw error;
      // Filesystems without hard links: check, then rename (small race, still no silent overwrite in practice).
      await destCheck(destPath, false);
      await fsp.rename(partPath, destPath);
      return;
    }
    await fsp.unlink(partPath);
  } catch (error) {
    throw error instanceof ShiplensError ? error : fsErrorToShiplens(error, destPath);
  }
}

/** What a kept `.part` holds, so a later download can resume it safely. */
export interface PartState {
  /** `oss://bucket/key`. */
  source: string;
  etag: string;
  size: number;
}

function statePathOf(partPath: string): string {
  return `${partPath}.json`;
}

/** The bytes already in a `.part` that belong to `expected` (0 when none or another version). */
export async function partResumableBytes(partPath: string, expected: PartState): Promise<number> {
  try {
    const state = JSON.parse(await fsp.readFile(statePathOf(partPath), 'utf8')) as Partial<PartState>;
    if (state.source !== expected.source || state.etag !== expected.etag || state.size !== expected.size) return 0;
  } catch {
    return 0;
  }
  const size = await partSize(partPath);
  return size <= expected.size ? size : 0;
}

/** Record which object version a `.part` holds. */
export async function partStateWrite(partPath: string, state: PartState): Promise<void> {
  const file = statePathOf(partPath);
  await fsp.rm(file, { force: true });
  await fsp.writeFile(file, JSON.stringify(state), { flag: 'wx' });
}

/** Remove the `.part` state record. */
export async function partStateDiscard(partPath: string): Promise<void> {
  await fsp.rm(statePathOf(partPath), { force: true }).catch(() => undefined);
}
