/**
 * A local folder seen as a bucket: keys are `/`-joined paths relative to the root.
 *
 * The root is a jail: keys with `..`, NUL, backslashes or absolute paths are refused, every
 * path is resolved with realpath and must stay inside the (resolved) root, and links that
 * lead out of it are neither listed nor opened (issue 8 §4).
 */
import { createReadStream, promises as fsp } from 'node:fs';
import path from 'node:path';
import type { ByteSource } from '../../core/bytes';
import { ShiplensError, throwIfCancelled } from '../../core/errors';
import type { ObjectEntry, ListPage } from '../../core/model';
import { fileByteSource, fsReadErrorToShiplens } from '../fileByteSource';
import { isInside, keySegmentsCheck } from '../safePath';
import { maxKeysClamp, pageTokenDecode, pageTokenEncode } from './listing';
import { DirSnapshotCache } from './localDirSnapshot';
import type { DirSnapshotCacheOptions } from './localDirSnapshot';
import { walkSorted } from './localWalk';
import { outputWriteAll } from '../services/outputWriter';
import { destCheck, partCommit, partDiscard, partOpen } from './partFile';
import type { Storage, StorageDownloadOptions, StorageListOptions } from './storage';

const tokenKind = 'local1';

/** A Storage over a folder on disk. */
export class LocalFolderStorage implements Storage {
  readonly kind = 'local' as const;
  readonly label: string;
  readonly bucket: string;
  private readonly rootDir: string;
  private realRootPromise: Promise<string> | undefined;
  private snapshots: DirSnapshotCache | undefined;
  private readonly listsInFlight = new Map<string, Promise<ListPage>>();
  private readonly snapshotOptions: DirSnapshotCacheOptions;

  constructor(rootDir: string, snapshotOptions: DirSnapshotCacheOptions = {}) {
    this.snapshotOptions = snapshotOptions;
    this.rootDir = path.resolve(rootDir);
    this.label = this.rootDir;
    this.bucket = path.basename(this.rootDir) || this.rootDir;
  }

  /** The resolved root (links in the root path itself are fine: the user picked it). */
  private realRoot(): Promise<string> {
    this.realRootPromise ??= fsp.realpath(this.rootDir).catch((error: unknown) => {
      this.realRootPromise = undefined;
      throw fsReadErrorToShiplens(error, this.rootDir);
    });
    return this.realRootPromise;
  }

  /** Resolve a key to a real path inside the root, or throw PATH_OUTSIDE_ROOT / NOT_FOUND. */
  private async resolveKey(key: string): Promise<string> {
    const segments = keySegmentsCheck(key);
    const root = await this.realRoot();
    let real: string;
    try {
      real = await fsp.realpath(path.join(root, ...segments));
    } catch (error) {
      throw fsReadErrorToShiplens(error, key);
    }
    if (!isInside(root, real)) {
      throw new ShiplensError('PATH_OUTSIDE_ROOT', 'The key leads outside the bucket folder (a link).', {
        source: key,
        hint: 'shiplens never follows links out of the opened folder.',
      });
    }
    return real;
  }

  /**
   * One page. Identical pages asked for at the same time are walked once and shared (a
   * runaway page refreshing the same listing costs one walk, not one per request).
   */
  async list(options: StorageListOptions): Promise<ListPage> {
    throwIfCancelled(options.signal);
    const maxKeys = maxKeysClamp(options.maxKeys);
    const id = JSON.stringify([options.prefix, options.delimiter, options.pageToken ?? '', maxKeys]);
    let shared = this.listsInFlight.get(id);
    if (!shared) {
      shared = this.listPage(options.prefix, options.delimiter === '/', options.pageToken, maxKeys).finally(() =>
        this.listsInFlight.delete(id),
      );
      this.listsInFlight.set(id, shared);
    }
    const page = await shared;
    throwIfCancelled(options.signal);
    // Copies: callers may append to the arrays of the page they were given.
    return { objects: [...page.objects], prefixes: [...page.prefixes], nextPageToken: page.nextPageToken };
  }

  private async listPage(prefix: string, delimited: boolean, pageToken: string | undefined, maxKeys: number): Promise<ListPage> {
    const after = pageToken ? pageTokenDecode(tokenKind, pageToken).k : undefined;
    const root = await this.realRoot();
    this.snapshots ??= new DirSnapshotCache(root, this.snapshotOptions);
    const objects: ObjectEntry[] = [];
    const prefixes: string[] = [];
    let last: string | null = null;
    let more = false;
    for await (const item of walkSorted({ root, snapshots: this.snapshots }, prefix, delimited, after, maxKeys + 1)) {
      if (objects.length + prefixes.length === maxKeys) {
        more = true;
        break;
      }
      if (item.kind === 'prefix') prefixes.push(item.key);
      else objects.push({ key: item.key, size: item.size, lastModified: item.lastModified });
      last = item.key;
    }
    return { objects, prefixes, nextPageToken: more && last !== null ? pageTokenEncode(tokenKind, { k: last }) : null };
  }

  async head(key: string, signal?: AbortSignal): Promise<ObjectEntry> {
    throwIfCancelled(signal);
    const real = await this.resolveKey(key);
    const stat = await fsp.stat(real).catch((error: unknown) => {
      throw fsReadErrorToShiplens(error, key);
    });
    if (!stat.isFile()) throw new ShiplensError('NOT_FOUND', 'No such object (it is a folder).', { source: key });
    return { key, size: stat.size, lastModified: stat.mtime.toISOString() };
  }

  async open(key: string, signal?: AbortSignal): Promise<ByteSource> {
    throwIfCancelled(signal);
    const real = await this.resolveKey(key);
    return fileByteSource(real, key);
  }

  async download(key: string, destPath: string, options: StorageDownloadOptions = {}): Promise<{ bytes: number }> {
    const overwrite = options.overwrite === true;
    const entry = await this.head(key, options.signal);
    const real = await this.resolveKey(key);
    if (path.resolve(destPath) === real) {
      throw new ShiplensError('FILE_EXISTS', 'The download target is the object itself.', { source: destPath });
    }
    await destCheck(destPath, overwrite);
    const { path: part, handle } = await partOpen(destPath, { resume: false });
    let done = 0;
    try {
      const stream = createReadStream(real, { start: 0, end: Math.max(0, entry.size - 1), signal: options.signal });
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        if (entry.size === 0) break;
        await outputWriteAll(handle, chunk, destPath);
        done += chunk.length;
        options.onProgress?.(done, entry.size);
      }
      await handle.close();
      await partCommit(part, destPath, entry.size, overwrite);
      return { bytes: done };
    } catch (error) {
      await handle.close().catch(() => undefined);
      await partDiscard(part);
      if (options.signal?.aborted) throw new ShiplensError('CANCELLED', 'The download was cancelled.', { source: key });
      throw error instanceof ShiplensError ? error : fsReadErrorToShiplens(error, key);
    }
  }
}
