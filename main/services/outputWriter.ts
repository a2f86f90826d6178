/**
 * The one output writer (issue 12): every file shiplens creates goes through here.
 *
 * - the bytes go to `<target>.<8 random hex>.part`, created exclusively (O_EXCL): an existing
 *   `<target>.part` or a planted link is never followed, reused, truncated or deleted, and two
 *   writes to one target each have their own part;
 * - every short write is continued, big buffers are written in slices (one write of more than
 *   2 GiB throws ERR_OUT_OF_RANGE), ENOSPC/EDQUOT become "The disk is full" naming the folder;
 * - the part is fsynced, then linked to the target (link fails on an existing file: no silent
 *   overwrite, of two concurrent writes exactly one wins) or renamed over it with consent;
 * - on any failure the part is removed and no target appears;
 * - only file-system errors are reported as output-file errors: what the producer throws
 *   passes through classified (a ShiplensError as is, anything else INTERNAL).
 */
import { link, lstat, open, rename, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ShiplensError, isShiplensError, toShiplensError } from '../../core/errors';
import { outputFolderPrepare, outputFolderVerify, outputNameCheck } from './outputName';
import { textBlocks } from './textBlocks';

/** Largest single write(): well under the 2 GiB a FileHandle.write accepts. */
export const writeSliceBytes = 64 << 20;
/** Text is collected into blocks of this size before it is encoded and written. */
const textBlockChars = 1 << 20;

/** Map a file-system error on an output file to a ShiplensError naming the path (reads: fsReadErrorToShiplens). */
export function fsWriteErrorToShiplens(error: unknown, path: string): ShiplensError {
  if (isShiplensError(error)) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return new ShiplensError('NOT_FOUND', 'The file or folder does not exist.', { source: path });
    case 'EACCES':
    case 'EPERM':
      return new ShiplensError('ACCESS_DENIED', 'Permission denied.', { source: path, hint: 'Choose a folder you can write to.' });
    case 'EROFS':
      return new ShiplensError('ACCESS_DENIED', 'The file system is read-only.', {
        source: path,
        hint: 'Choose a folder you can write to.',
      });
    case 'EEXIST':
      return fileExists(path);
    case 'ENOSPC':
    case 'EDQUOT':
      return new ShiplensError('IO', `The disk is full: no space left in ${dirname(path)}.`, {
        source: path,
        hint: 'Free some space or choose another folder.',
      });
    case 'EISDIR':
    case 'ENOTDIR':
      return new ShiplensError('IO', 'A folder is in the way of that file (or the reverse).', { source: path });
    case 'ENAMETOOLONG':
      return new ShiplensError('INVALID_ARGUMENT', 'The file name or path is too long for this file system.', {
        source: path,
        hint: 'Choose a shorter name.',
      });
    default:
      return new ShiplensError('IO', `Could not write the file (${code ?? 'unknown error'}).`, { source: path });
  }
}

function fileExists(path: string): ShiplensError {
  return new ShiplensError('FILE_EXISTS', 'A file with that name already exists.', {
    source: path,
    hint: 'Choose another name or allow overwriting.',
  });
}

/** Run one file-system step; its errors become output-file errors naming `path`. */
async function fsStep<T>(path: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw fsWriteErrorToShiplens(error, path);
  }
}

/** FILE_EXISTS when `target` exists and overwriting was not allowed (a folder is never replaced). */
export async function outputTargetCheck(target: string, overwrite: boolean): Promise<void> {
  const existing = await lstat(target).catch(() => null);
  if (existing && (!overwrite || existing.isDirectory())) throw fileExists(target);
}

/**
 * 8 random hex digits naming a part file. Math.random, not node:crypto (whose load is a tenth
 * of a one-shot `shiplens decode`'s start-up): the name need not be unguessable, because the
 * part is created with O_EXCL — a name someone planted (file or link) fails with EEXIST and the
 * next name is tried; it never is followed, reused or truncated.
 */
function partToken(): string {
  return Math.floor(Math.random() * 0x1_0000_0000)
    .toString(16)
    .padStart(8, '0');
}

/** An exclusively created part file for `target` (a fresh random name per call). */
export async function outputPartOpen(target: string, mode = 0o644): Promise<{ path: string; handle: FileHandle }> {
  for (let attempt = 0; ; attempt++) {
    const path = `${target}.${partToken()}.part`;
    try {
      // 'wx' is O_CREAT|O_EXCL: fails on any existing entry, a dangling link included.
      return { path, handle: await open(path, 'wx', mode) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 8) throw fsWriteErrorToShiplens(error, target);
    }
  }
}

/** Write all of `bytes` at the handle's position: short writes continued, in bounded slices. */
export async function outputWriteAll(handle: Pick<FileHandle, 'write'>, bytes: Uint8Array, target: string): Promise<void> {
  let at = 0;
  while (at < bytes.length) {
    const length = Math.min(writeSliceBytes, bytes.length - at);
    const { bytesWritten } = await fsStep(target, () => handle.write(bytes, at, length));
    if (bytesWritten <= 0) throw new ShiplensError('IO', 'The file system accepted no more bytes.', { source: target });
    at += bytesWritten;
  }
}

/** Move a complete part onto `target`: link (never replaces) without consent, rename with it. */
export async function outputCommit(part: string, target: string, overwrite: boolean): Promise<void> {
  await fsStep(target, async () => {
    if (overwrite) {
      await outputTargetCheck(target, true);
      await rename(part, target);
      return;
    }
    try {
      await link(part, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' || code === 'ENOSPC' || code === 'EDQUOT') throw error;
      // File systems without hard links: check once more, then rename (a tiny race remains).
      await outputTargetCheck(target, false);
      await rename(part, target);
      return;
    }
    await unlink(part);
  });
}

/** Where a producer writes: text is buffered into ~1 MB blocks, bytes go straight through. */
export interface OutputSink {
  write(chunk: string | Uint8Array): Promise<void>;
  /** Bytes that reached the file so far. */
  readonly bytes: number;
}

function sinkCreate(handle: FileHandle, target: string): OutputSink & { flush(): Promise<void> } {
  let bytes = 0;
  const put = async (chunk: Uint8Array): Promise<void> => {
    await outputWriteAll(handle, chunk, target);
    bytes += chunk.length;
  };
  const text = textBlocks((block) => put(Buffer.from(block, 'utf8')), textBlockChars);
  return {
    get bytes() {
      return bytes;
    },
    flush: text.flush,
    async write(chunk) {
      if (typeof chunk === 'string') return text.write(chunk);
      await text.flush();
      await put(chunk);
    },
  };
}

export interface OutputWriteOptions {
  /** Replace an existing file (the user consented). */
  overwrite: boolean;
  /** The folder the user chose when the rest of the name comes from elsewhere: no folder link below it is followed. */
  root?: string;
  /** File mode of a new file (default 0o644; secrets 0o600). */
  mode?: number;
}

/**
 * Create `target` from what `produce` writes into the sink; resolves with the producer's
 * value and the bytes written. On any failure no target appears and the part is removed.
 */
export async function outputWrite<T>(
  target: string,
  options: OutputWriteOptions,
  produce: (sink: OutputSink) => Promise<T>,
): Promise<{ value: T; bytes: number }> {
  outputNameCheck(target);
  await outputTargetCheck(target, options.overwrite);
  await outputFolderPrepare(target, options.root);
  const part = await outputPartOpen(target, options.mode);
  let closed = false;
  try {
    await fsStep(target, () => outputFolderVerify(target, options.root, part.path));
    const sink = sinkCreate(part.handle, target);
    const value = await produce(sink);
    await sink.flush();
    await fsStep(target, () => part.handle.sync());
    closed = true;
    await fsStep(target, () => part.handle.close());
    await outputCommit(part.path, target, options.overwrite);
    return { value, bytes: sink.bytes };
  } catch (error) {
    if (!closed) await part.handle.close().catch(() => undefined);
    await unlink(part.path).catch(() => undefined);
    // Only fsStep errors are output-file errors; the producer's pass through classified.
    throw toShiplensError(error);
  }
}

/** Write one buffer or string as `target` (small files: rules, settings, simulated objects). */
export async function outputFileWrite(target: string, options: OutputWriteOptions, content: string | Uint8Array): Promise<number> {
  const { bytes } = await outputWrite(target, options, (sink) => sink.write(content));
  return bytes;
}
