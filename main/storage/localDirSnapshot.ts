/**
 * Sorted snapshots of local folders, cached, so a listing page costs O(log N + page) instead of
 * re-reading and re-sorting the whole folder on every page (issue 12 §2: 100,000 keys took
 * 47.5 s to page through, 200 concurrent pages ran out of memory).
 *
 * One snapshot per folder, shared by every prefix inside it. A snapshot is reused while the
 * folder's mtime is unchanged (an entry added, removed or renamed changes it) and it is younger
 * than a short TTL (which catches what mtime cannot: same-tick changes, a link retargeted).
 * Concurrent readers of the same folder share one read (in-flight promise). Sizes and dates
 * are not in the snapshot: the walk stats only the entries it returns, so they are fresh.
 */
import { promises as fsp } from 'node:fs';
import type { Dirent } from 'node:fs';
import path from 'node:path';
import { lruCacheCreate } from '../../core/bytes';
import type { LruCache } from '../../core/bytes';
import { isInside } from '../safePath';
import { keyCompare } from './listing';

/** One entry of a folder: its name as it sorts (`name/` for a folder) and whether it is one. */
export interface SnapshotEntry {
  readonly sortName: string;
  readonly isDir: boolean;
}

/** A folder's entries in key order. */
export interface DirSnapshot {
  readonly entries: readonly SnapshotEntry[];
}

interface Cached {
  snapshot: Promise<DirSnapshot>;
  /** True while the folder is being read: every caller shares that one read. */
  pending: boolean;
  mtimeMs: number;
  readAt: number;
}

/** Options of `DirSnapshotCache` (tests shorten the TTL or inject a clock). */
export interface DirSnapshotCacheOptions {
  ttlMs?: number;
  /** Total entries kept over all cached folders; the least recently used folders go first. */
  maxEntries?: number;
  now?: () => number;
}

/**
 * Default TTL. Additions, removals and renames change the folder's mtime and are seen at once;
 * sizes and dates are stat'ed per page. The TTL only bounds what mtime misses (a link
 * retargeted, a change within the mtime tick), so it can be long enough not to re-read a
 * 100,000-entry folder while a listing pages through it.
 */
export const snapshotTtlMsDefault = 30_000;
const maxEntriesDefault = 1_000_000;

/**
 * A per-storage cache of folder snapshots with in-flight de-duplication, kept in the one LRU
 * (core/bytes/lruCache.ts) at a cost of one per entry: a folder being read costs nothing until
 * its size is known, then it is the most recent and the least recently used folders make room.
 */
export class DirSnapshotCache {
  private readonly cache: LruCache<string, Cached>;
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  /** Folder reads done (tests check that concurrent and repeated listings share one). */
  reads = 0;

  constructor(
    private readonly root: string,
    options: DirSnapshotCacheOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? snapshotTtlMsDefault;
    this.maxEntries = options.maxEntries ?? maxEntriesDefault;
    this.now = options.now ?? Date.now;
    this.cache = lruCacheCreate({ maxCost: this.maxEntries });
  }

  /** The snapshot of folder `abs` (empty when it cannot be read). */
  async get(abs: string): Promise<DirSnapshot> {
    const hit = this.cache.peek(abs);
    if (hit?.pending) return hit.snapshot;
    const { mtimeMs, size } = await fsp.stat(abs).then(
      (s) => ({ mtimeMs: s.mtimeMs, size: s.size }),
      () => ({ mtimeMs: -1, size: Infinity }),
    );
    // Checked again after the await: another caller may have started (or finished) a read.
    const again = this.cache.peek(abs);
    if (again?.pending) return again.snapshot;
    if (again && again.mtimeMs === mtimeMs && this.now() - again.readAt < this.ttlMs) {
      this.cache.get(abs); // marks the folder recently used
      return again.snapshot;
    }
    return this.read(abs, mtimeMs, size);
  }

  /** Read the folder once; `mtimeMs` was taken before reading, so a change during it invalidates. */
  private read(abs: string, mtimeMs: number, dirBytes: number): Promise<DirSnapshot> {
    this.reads++;
    const cached: Cached = { snapshot: Promise.resolve({ entries: [] }), pending: true, mtimeMs, readAt: this.now() };
    cached.snapshot = dirSnapshotRead(this.root, abs, dirBytes).then((snapshot) => {
      cached.pending = false;
      // A folder larger than the budget is still kept (at the whole budget, the others go):
      // the pages of a listing through it read it once.
      if (this.cache.peek(abs) === cached) this.cache.set(abs, cached, Math.min(snapshot.entries.length, this.maxEntries));
      return snapshot;
    });
    this.cache.set(abs, cached, 0);
    return cached.snapshot;
  }
}

/** Entries read per step: the folder is read in slices so other calls run in between. */
const readSlice = 512;

/**
 * A folder this small on disk is read in one call (ext4 holds ~100 names in a 4 KiB block;
 * tmpfs and btrfs sizes grow with the names): one request instead of opendir's open, reads and
 * close, ~10 ms of walking a day's 313 folders of one object each.
 */
const oneReadMaxBytes = 64 * 1024;

/** The entries of a folder: in one call when it is small, else in slices (readdir would convert all 100,000 in one go). */
async function* direntsOf(abs: string, dirBytes: number): AsyncGenerator<Dirent> {
  // Some file systems give folders no size (NTFS, SMB: 0): those are read in slices.
  if (dirBytes > 0 && dirBytes <= oneReadMaxBytes) yield* await fsp.readdir(abs, { withFileTypes: true });
  else yield* await fsp.opendir(abs, { bufferSize: readSlice });
}

/**
 * Read and sort one folder (`dirBytes`: its size on disk, when known); links are kept only
 * when they stay inside the root and name a file.
 */
export async function dirSnapshotRead(root: string, abs: string, dirBytes = Infinity): Promise<DirSnapshot> {
  const entries: SnapshotEntry[] = [];
  let wide = false;
  try {
    for await (const dirent of direntsOf(abs, dirBytes)) {
      const entry = await snapshotEntry(root, abs, dirent);
      if (!entry) continue;
      entries.push(entry);
      wide ||= /[\ud800-\uffff]/.test(entry.sortName);
    }
  } catch {
    return { entries: [] };
  }
  // Below U+D800 UTF-16 order is byte order: the engine's own comparison is then exact and fast.
  const compare = wide
    ? (a: SnapshotEntry, b: SnapshotEntry) => keyCompare(a.sortName, b.sortName)
    : (a: SnapshotEntry, b: SnapshotEntry) => (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : 0);
  return { entries: await sortYielding(entries, compare) };
}

/** Sorted runs this long, then merged two by two: no step holds the event loop for long. */
const sortRun = 4096;

/**
 * A merge sort that lets other calls run between merges: sorting 100,000 names in one go held
 * the event loop for ~300 ms on a loaded machine, and every light call waited behind it.
 */
export async function sortYielding<T>(items: T[], compare: (a: T, b: T) => number): Promise<T[]> {
  let runs: T[][] = [];
  for (let i = 0; i < items.length; i += sortRun) runs.push(items.slice(i, i + sortRun).sort(compare));
  while (runs.length > 1) {
    const next: T[][] = [];
    for (let i = 0; i < runs.length; i += 2) {
      const [a, b] = [runs[i] as T[], runs[i + 1]];
      next.push(b ? runsMerge(a, b, compare) : a);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    runs = next;
  }
  return runs[0] ?? [];
}

function runsMerge<T>(a: T[], b: T[], compare: (x: T, y: T) => number): T[] {
  const out: T[] = new Array<T>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  // Stable: on a tie the element of the earlier run goes first.
  while (i < a.length && j < b.length) out[k++] = compare(b[j] as T, a[i] as T) < 0 ? (b[j++] as T) : (a[i++] as T);
  while (i < a.length) out[k++] = a[i++] as T;
  while (j < b.length) out[k++] = b[j++] as T;
  return out;
}

async function snapshotEntry(root: string, abs: string, dirent: Dirent): Promise<SnapshotEntry | null> {
  if (dirent.isDirectory()) return { sortName: `${dirent.name}/`, isDir: true };
  if (dirent.isFile()) return { sortName: dirent.name, isDir: false };
  // Linked folders are not descended (no escapes, no cycles).
  if (dirent.isSymbolicLink() && (await linkIsInnerFile(root, path.join(abs, dirent.name)))) return { sortName: dirent.name, isDir: false };
  return null;
}

async function linkIsInnerFile(root: string, entryAbs: string): Promise<boolean> {
  const real = await fsp.realpath(entryAbs).catch(() => null);
  if (real === null || !isInside(root, real)) return false;
  const stat = await fsp.stat(real).catch(() => null);
  return stat?.isFile() === true;
}

/** First index whose sortName is not below `name` (entries are sorted by keyCompare). */
export function snapshotLowerBound(entries: readonly SnapshotEntry[], name: string): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyCompare((entries[mid] as SnapshotEntry).sortName, name) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
