/**
 * The part → `<dest>` protocol of every download (issue 8 §3, issue 12 §4), on the output
 * writer's primitives (exclusive create, commit without silent replace).
 *
 * A download writes only to its part (`<dest>.part` when resumable, else a unique name); the
 * target name appears only when the bytes are complete, verified and synced, and never
 * replaces an existing file without `overwrite`.
 */
import { constants as fsConstants, promises as fsp } from 'node:fs';
import { ShiplensError } from '../../core/errors';
import { fsWriteErrorToShiplens, outputCommit, outputPartOpen } from '../services/outputWriter';

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
    throw fsWriteErrorToShiplens(error, destPath);
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

/** An open part file: where the bytes of one download go. */
export interface OpenPart {
  path: string;
  handle: fsp.FileHandle;
}

/**
 * Open a part for `destPath` (issue 12 §4, §5). `resume`: append to the stable `<dest>.part`
 * (checked by `partResumableBytes`; a regular file, never through a link). Fresh with
 * `stable`: create `<dest>.part` exclusively so a broken download can be resumed — a stale
 * part of `ownedSource` (our own state record says so) is replaced, anything else is left
 * alone and a unique `<dest>.<random>.part` is used instead. Nothing is ever truncated or
 * followed: every create is O_EXCL.
 */
export async function partOpen(destPath: string, options: { resume: boolean; stable?: boolean; ownedSource?: string }): Promise<OpenPart> {
  const stablePath = partPathOf(destPath);
  try {
    if (options.resume && (await fsp.lstat(stablePath).catch(() => null))?.isFile()) {
      const { O_WRONLY, O_APPEND, O_NOFOLLOW } = fsConstants;
      return { path: stablePath, handle: await fsp.open(stablePath, O_WRONLY | O_APPEND | O_NOFOLLOW) };
    }
    if (options.stable) {
      if (options.ownedSource !== undefined && (await partStateSource(stablePath)) === options.ownedSource) {
        await partDiscard(stablePath);
        await partStateDiscard(stablePath);
      }
      const handle = await fsp.open(stablePath, 'wx', 0o644).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'EEXIST') return null;
        throw error;
      });
      if (handle) return { path: stablePath, handle };
    }
  } catch (error) {
    throw fsWriteErrorToShiplens(error, destPath);
  }
  return outputPartOpen(destPath);
}

/** The `source` of a part's state record, when it is a regular file we wrote. */
async function partStateSource(partPath: string): Promise<string | undefined> {
  try {
    if (!(await fsp.lstat(partPath)).isFile() || !(await fsp.lstat(statePathOf(partPath))).isFile()) return undefined;
    return (JSON.parse(await fsp.readFile(statePathOf(partPath), 'utf8')) as Partial<PartState>).source;
  } catch {
    return undefined;
  }
}

/** Remove a `.part` file, ignoring absence. */
export async function partDiscard(partPath: string): Promise<void> {
  await fsp.rm(partPath, { force: true }).catch(() => undefined);
}

/**
 * Move a complete part onto `destPath` after checking its size and syncing it, through the
 * output writer's commit: link+unlink without `overwrite` (fails atomically if the target
 * appeared meanwhile), rename with it.
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
    await partSync(partPath);
  } catch (error) {
    await partDiscard(partPath);
    throw fsWriteErrorToShiplens(error, destPath);
  }
  await outputCommit(partPath, destPath, overwrite);
}

// Flush the closed part to the disk before it gets its final name (a crash leaves old or new).
async function partSync(partPath: string): Promise<void> {
  const handle = await fsp.open(partPath, fsConstants.O_RDONLY | fsConstants.O_NOFOLLOW);
  try {
    await handle.sync();
  } finally {
    await handle.close();
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
