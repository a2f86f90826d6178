/**
 * Decompress a partition in one go (issue 18 feature 5): every snappy object of a folder (one
 * level, or all below it) or of a given list, into one output folder, as one job.
 *
 * One object at a time (one decoded object in memory). Each object ends as one outcome: ok
 * (written), skipped (the output exists and overwriting was not allowed, the object is plain
 * text already, or it is Parquet, which compresses inside the file) or failed (its error), and
 * the others go on. Every file goes through the output writer, and the cancel check sits
 * inside its producer, so a cancelled job leaves no part file and no half-written output:
 * what was written before the cancel is complete. An output keeps the key's folders below
 * `prefix`, so objects of several partitions never collide.
 */
import { ShiplensError, throwIfCancelled, toShiplensError } from '../../core/errors';
import { outputTargetCheck, outputWrite } from '../services/outputWriter';
import type { Storage } from '../storage/storage';
import type { ObjectDecompressOutcome, ObjectsDecompressResult } from '../model';
import { decompressOutputName } from './decodedName';
import { objectKeysUnder } from './objectsList';
import { sourceDecode } from './sourceDecode';
import type { SnappyDecoder } from './sourceDecode';
import type { Engine } from './engineTypes';

/** What the operation is given: the storage, detection, the decoder and the output folder's joiner. */
export interface ObjectsDecompressDeps {
  storage: Storage;
  formatDetect: Engine['formatDetect'];
  decode: SnappyDecoder;
  /** Join an untrusted `/`-separated name below a folder, or throw PATH_OUTSIDE_ROOT. */
  safeJoin(root: string, relative: string): string;
  maxDecodeBytes: number;
}

/** One run: which objects, where to, and how it reports. */
export interface ObjectsDecompressRequest {
  /** The folder the objects are under (`''` or ending with `/`); outputs keep the folders below it. */
  prefix: string;
  /** The objects (each under `prefix`); absent: the objects listed under `prefix`. */
  keys?: string[];
  /** Without `keys`: every object below `prefix`, not only those directly in it. */
  recursive: boolean;
  outDir: string;
  overwrite: boolean;
  signal: AbortSignal;
  /** `list`: objects found so far; `decode`: objects done of all, with the bytes written so far. */
  onProgress(phase: 'list' | 'decode', done: number, total: number | null, bytes: number): void;
}

/** The keys of a run: the given list (checked to be under the prefix) or the prefix's listing. */
export async function objectsDecompressKeys(storage: Storage, request: ObjectsDecompressRequest): Promise<string[]> {
  const { prefix, keys, signal } = request;
  if (prefix !== '' && !prefix.endsWith('/')) {
    throw new ShiplensError('INVALID_ARGUMENT', 'The prefix must name a folder (end with "/").', { source: prefix });
  }
  if (keys) {
    const outside = keys.find((key) => !key.startsWith(prefix) || key.endsWith('/'));
    if (outside !== undefined) {
      throw new ShiplensError('INVALID_ARGUMENT', `"${outside}" is not an object under the folder "${prefix}".`, { source: outside });
    }
    return [...new Set(keys)];
  }
  return objectKeysUnder(storage, { prefix, recursive: request.recursive, signal }, (found) => request.onProgress('list', found, null, 0));
}

/** The output path of `key` decoded to a `name`: the key's folders below the prefix, inside the output folder. */
function outputPath(deps: ObjectsDecompressDeps, request: ObjectsDecompressRequest, key: string, name: string): string {
  const folders = key.slice(request.prefix.length).split('/').slice(0, -1).filter(Boolean);
  return deps.safeJoin(request.outDir, [...folders, name].join('/'));
}

function keyName(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}

/** Decode one object to its file; throws (CANCELLED, FILE_EXISTS, …) for the caller to classify. */
async function objectDecompress(
  deps: ObjectsDecompressDeps,
  request: ObjectsDecompressRequest,
  key: string,
): Promise<ObjectDecompressOutcome> {
  const { signal, overwrite } = request;
  const source = await deps.storage.open(key, signal);
  const detected = await deps.formatDetect(source, undefined, signal);
  if (detected.format === 'parquet') return { key, status: 'skipped', reason: 'parquet' };
  if (detected.compression === 'none') return { key, status: 'skipped', reason: 'not-compressed' };
  // The likely name, checked before paying for the read and decode; the writer has the last word.
  await outputTargetCheck(outputPath(deps, request, key, decompressOutputName(keyName(key), detected.format)), overwrite);
  const { output, variant, inputBytes, contentFormat } = await sourceDecode(source, deps.decode, {
    maxDecodeBytes: deps.maxDecodeBytes,
    signal,
    source: key,
  });
  const path = outputPath(deps, request, key, decompressOutputName(keyName(key), contentFormat));
  const { bytes } = await outputWrite(path, { overwrite, root: request.outDir }, async (sink) => {
    await sink.write(output);
    // Cancelled while writing: the part is removed, the target never appears.
    throwIfCancelled(signal);
  });
  return { key, status: 'ok', path, bytes, inputBytes, variant, contentFormat };
}

/** Decompress every object of the request; per-object failures are outcomes, a cancel ends the run early. */
export async function objectsDecompress(deps: ObjectsDecompressDeps, request: ObjectsDecompressRequest): Promise<ObjectsDecompressResult> {
  const result: ObjectsDecompressResult = {
    outDir: request.outDir,
    results: [],
    total: 0,
    decoded: 0,
    skipped: 0,
    failed: 0,
    bytes: 0,
    cancelled: false,
  };
  try {
    const keys = await objectsDecompressKeys(deps.storage, request);
    result.total = keys.length;
    request.onProgress('decode', 0, keys.length, 0);
    for (const key of keys) {
      throwIfCancelled(request.signal);
      const outcome = await objectDecompress(deps, request, key).catch((error: unknown) => outcomeOfError(key, error, request.signal));
      result.results.push(outcome);
      if (outcome.status === 'ok') result.decoded++;
      else if (outcome.status === 'skipped') result.skipped++;
      else result.failed++;
      result.bytes += outcome.bytes ?? 0;
      request.onProgress('decode', result.results.length, keys.length, result.bytes);
    }
  } catch (error) {
    if (!request.signal.aborted) throw error;
    result.cancelled = true;
  }
  return result;
}

/** A failed object's outcome; a cancel passes through to end the run. */
function outcomeOfError(key: string, error: unknown, signal: AbortSignal): ObjectDecompressOutcome {
  const failure = toShiplensError(error);
  if (signal.aborted) throw failure;
  if (failure.code === 'FILE_EXISTS') return { key, status: 'skipped', reason: 'exists', path: failure.source, error: failure.toInfo() };
  return { key, status: 'failed', error: { ...failure.toInfo(), source: failure.source ?? key } };
}
