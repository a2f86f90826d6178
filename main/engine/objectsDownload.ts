/**
 * Download, the engine's one way to copy objects to local files (`object.download` in the app,
 * `shiplens get` in the CLI): which objects a location names, the checks on each file before
 * any byte moves (its name, overwrite consent, its folder: created, no links), then the
 * storage's atomic, resumable download with progress and cancel. The app checks its one file
 * before it starts the job (so the call itself refuses), the CLI checks each file in turn.
 */
import { basename } from 'node:path';
import { ShiplensError } from '../../core/errors';
import { outputFolderPrepare, outputNameCheck } from '../services/outputName';
import { outputTargetCheck } from '../services/outputWriter';
import type { Storage } from '../storage/storage';
import { objectKeysUnder } from './objectsList';

/** One object to download: its key and its file's name below the output folder (`/`-separated). */
export interface DownloadTarget {
  key: string;
  name: string;
}

/** Where downloads go: the output folder, overwrite consent and the joiner of untrusted names below it. */
export interface DownloadOutput {
  outDir: string;
  overwrite: boolean;
  /** Join an untrusted `/`-separated name below a folder, or throw PATH_OUTSIDE_ROOT. */
  safeJoin(root: string, relative: string): string;
}

/** The file name part of an object key (`a/b/c.csv` → `c.csv`); refuses keys naming a folder. */
export function keyFileName(key: string): string {
  const name = basename(key.replace(/\\/g, '/'));
  if (!name || name === '.' || name === '..') {
    throw new ShiplensError('INVALID_ARGUMENT', 'That key names a folder, not an object.', { source: key });
  }
  return name;
}

/** One object, downloaded under its key's file name. */
export function downloadTargetOf(key: string): DownloadTarget {
  return { key, name: keyFileName(key) };
}

/**
 * What a location names: one object (a key), or every object below a folder prefix (ending
 * in `/`, or `''` for all of them), each named by its key below the prefix. May be empty.
 */
export async function downloadTargets(storage: Storage, location: string, signal?: AbortSignal): Promise<DownloadTarget[]> {
  if (location !== '' && !location.endsWith('/')) return [downloadTargetOf(location)];
  const keys = await objectKeysUnder(storage, { prefix: location, recursive: true, signal });
  return keys.map((key) => ({ key, name: key.slice(location.length) }));
}

/** The file `name` is written to, checked before any byte moves; its folder is created. */
export async function downloadTargetPrepare(output: DownloadOutput, name: string): Promise<string> {
  const path = output.safeJoin(output.outDir, name);
  await outputTargetCheck(path, output.overwrite);
  outputNameCheck(path);
  await outputFolderPrepare(path, output.outDir);
  return path;
}

/** Download one object to its prepared file (`.part` + rename; a cancel leaves no file). */
export async function objectDownload(
  storage: Storage,
  key: string,
  path: string,
  options: { overwrite: boolean; signal?: AbortSignal; onProgress?: (done: number, total: number) => void },
): Promise<{ path: string; bytes: number }> {
  const { bytes } = await storage.download(key, path, options);
  return { path, bytes };
}

/** A run of downloads: the output, the signal, and what the face hears per object. */
export interface ObjectsDownloadRequest extends DownloadOutput {
  signal?: AbortSignal;
  /** An object's file is checked and its bytes are about to move: the progress listener for it. */
  onObjectStart?(target: DownloadTarget, path: string): ((done: number, total: number) => void) | undefined;
  onObjectDone?(target: DownloadTarget, path: string, bytes: number): void | Promise<void>;
}

/** Download each target in turn; the first failure (or a cancel) ends the run. */
export async function objectsDownload(
  storage: Storage,
  targets: readonly DownloadTarget[],
  request: ObjectsDownloadRequest,
): Promise<{ path: string; bytes: number }[]> {
  const done: { path: string; bytes: number }[] = [];
  for (const target of targets) {
    const path = await downloadTargetPrepare(request, target.name);
    const onProgress = request.onObjectStart?.(target, path);
    const result = await objectDownload(storage, target.key, path, { overwrite: request.overwrite, signal: request.signal, onProgress });
    await request.onObjectDone?.(target, path, result.bytes);
    done.push(result);
  }
  return done;
}
