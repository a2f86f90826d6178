/**
 * The range cache: decoded (or downloaded) objects under `<data folder>/range-cache`, so a
 * second query over the same range reads no object again.
 *
 * - An entry is named `<sha256 of storage + key + size + modified time>-<bytes>.<ext>`: a
 *   changed object gets a new name, and the byte count in the name catches a file truncated
 *   by a crash (it is dropped and fetched again).
 * - Entries are written by the output writer (main/services/outputWriter.ts) to an exclusively
 *   created `.part` file and renamed, so a cancel or a failure never leaves a partial entry
 *   under an entry's name; leftover parts (a killed process) are removed on load.
 * - Least recently used entries go first once the total exceeds the budget (setting, default
 *   4 GiB); entries the running query uses are pinned.
 * - A decoded JSON entry may also have a columnar form, `<stem>-<bytes>.<signature>.parquet`
 *   (rangeConvert.ts writes it after a query; the signature names its column types): later
 *   queries read it instead of parsing the JSON again. The two forms are one entry (used,
 *   counted and evicted together), so the JSON is still there whenever the Parquet cannot
 *   stand for it (rangeQuery.ts checks its types against the range's).
 * - Packs (rangeCachePacks.ts) hold the columnar forms of many entries in one file; they go
 *   with the first of their members to be evicted.
 */
import { createHash } from 'node:crypto';
import { mkdir, rm, stat, unlink, utimes } from 'node:fs/promises';
import path from 'node:path';
import { throwIfCancelled } from '../../core/errors';
import { fsWriteErrorToShiplens, outputCommit, outputPartOpen, outputWriteAll } from '../services/outputWriter';
import { RangePacks } from './rangeCachePacks';
import type { RangePack } from './rangeCachePacks';
import { rangeCacheScan } from './rangeCacheScan';
import type { RangeCacheEntry as Entry } from './rangeCacheScan';

/** Default size budget of the range cache. */
export const rangeCacheBudgetDefault = 4 * 1024 ** 3;
/** The cache folder's name inside the data folder. */
export const rangeCacheFolder = 'range-cache';

/** What identifies one version of an object. */
export interface RangeCacheObject {
  storage: string;
  key: string;
  size: number;
  lastModified: string;
}

/** The columnar form of an entry: its file, the signature of its column types, and its pack if it is in one. */
export interface RangeColumnar {
  file: string;
  signature: string;
  pack?: RangePack;
}

/** An entry's size is trusted this long after it was checked; its use is written to disk at most this often. */
const recheckMs = 10_000;
const touchMs = 60_000;
const entryBytes = (e: Entry): number => e.bytes + (e.columnar?.bytes ?? 0);

/** The on-disk cache of decoded range objects. */
export class RangeCache {
  // One load shared by every caller: concurrent fetches each reading the folder would replace
  // each other's maps (losing entries just put) and remove each other's part files in flight.
  private loading: Promise<Map<string, Entry>> | null = null;
  private readonly pinned = new Set<string>();
  readonly packs: RangePacks;

  constructor(
    readonly dir: string,
    private budgetBytes: number = rangeCacheBudgetDefault,
  ) {
    // Part files of packs and their lists are written in the converter's folder (rangeConvert.ts).
    this.packs = new RangePacks(dir, path.join(dir, 'convert'));
  }

  /** The entry's stem (name without size and extension) for an object version. */
  static stem(object: RangeCacheObject): string {
    return createHash('sha256')
      .update(JSON.stringify([object.storage, object.key, object.size, object.lastModified]))
      .digest('hex')
      .slice(0, 40);
  }

  /** Change the budget (settings); evicts at the next put. */
  budgetSet(bytes: number): void {
    this.budgetBytes = bytes;
  }

  private load(): Promise<Map<string, Entry>> {
    this.loading ??= this.loadFromDisk().catch((error: unknown) => {
      this.loading = null;
      throw error;
    });
    return this.loading;
  }

  private async loadFromDisk(): Promise<Map<string, Entry>> {
    await mkdir(this.dir, { recursive: true }).catch((error: unknown) => {
      throw fsWriteErrorToShiplens(error, this.dir);
    });
    return rangeCacheScan(this.dir, this.packs);
  }

  /** The columnar form of an entry found by `get`, or null. */
  async columnar(stem: string): Promise<RangeColumnar | null> {
    const c = (await this.load()).get(stem)?.columnar;
    if (!c) return null;
    // A pack another process dropped is forgotten here: its members are read one by one.
    if (this.packs.of(stem) && !(await this.packs.present(stem, Date.now()))) await this.packDrop(stem);
    const pack = this.packs.of(stem);
    return { file: path.join(this.dir, c.name), signature: c.signature, ...(pack ? { pack } : {}) };
  }

  /** Entries of decoded JSON without a columnar form yet (most recently used first). */
  async unconverted(): Promise<{ stem: string; file: string }[]> {
    return [...(await this.load()).entries()]
      .filter(([, e]) => !e.columnar && e.name.endsWith('.ndjson'))
      .sort((a, b) => b[1].usedMs - a[1].usedMs)
      .map(([stem, e]) => ({ stem, file: path.join(this.dir, e.name) }));
  }

  /**
   * Add the columnar form of an entry: `part` (a complete file written elsewhere in this
   * folder's file system) is renamed onto its name. False when the entry is gone meanwhile.
   */
  async columnarPut(stem: string, part: string, signature: string): Promise<boolean> {
    const entry = (await this.load()).get(stem);
    const bytes = (await stat(part)).size;
    if (!entry) {
      await unlink(part).catch(() => undefined);
      return false;
    }
    const name = `${stem}-${bytes}.${signature}.parquet`;
    try {
      await outputCommit(part, path.join(this.dir, name), true);
    } catch (error) {
      await unlink(part).catch(() => undefined);
      throw fsWriteErrorToShiplens(error, path.join(this.dir, name));
    }
    if (entry.columnar && entry.columnar.name !== name) {
      await unlink(path.join(this.dir, entry.columnar.name)).catch(() => undefined);
      await this.packDrop(stem);
    }
    entry.columnar = { name, bytes, signature };
    await this.evict();
    return true;
  }

  /** The path of a cached entry (marked used and pinned), or null. */
  async get(stem: string): Promise<string | null> {
    const entry = (await this.load()).get(stem);
    if (!entry) return null;
    const file = path.join(this.dir, entry.name);
    const now = Date.now();
    // Checked again unless just checked (a CLI's load a moment ago): another process may have evicted it.
    if (now - entry.checkedMs > recheckMs) {
      const info = await stat(file).catch(() => null);
      if (info?.size !== entry.bytes) {
        (await this.load()).delete(stem);
        return null;
      }
      entry.checkedMs = now;
    }
    // The file's time keeps the use for the next process's LRU order (to the minute is enough;
    // a packed entry's is its pack's); nothing waits for it.
    if (now - entry.usedMs > touchMs && !this.packs.touch(stem, now))
      void utimes(file, new Date(now), new Date(now)).catch(() => undefined);
    entry.usedMs = now;
    this.pinned.add(stem);
    return file;
  }

  /**
   * Store bytes as an entry through the output writer: an exclusively created part file, then
   * a rename onto the entry's name (a concurrent put of the same object writes the same bytes).
   * Returns its path (pinned). A cancel or a failure removes the part: no partial entry.
   */
  async put(stem: string, ext: 'ndjson' | 'csv' | 'parquet', bytes: Uint8Array, signal?: AbortSignal): Promise<string> {
    const entries = await this.load();
    const name = `${stem}-${bytes.length}.${ext}`;
    const file = path.join(this.dir, name);
    const part = await outputPartOpen(file);
    let closed = false;
    try {
      await outputWriteAll(part.handle, bytes, file);
      closed = true;
      await part.handle.close();
      throwIfCancelled(signal);
      await outputCommit(part.path, file, true);
    } catch (error) {
      if (!closed) await part.handle.close().catch(() => undefined);
      await unlink(part.path).catch(() => undefined);
      throw fsWriteErrorToShiplens(error, file);
    }
    entries.set(stem, { name, bytes: bytes.length, usedMs: Date.now(), checkedMs: Date.now() });
    this.pinned.add(stem);
    await this.evict();
    return file;
  }

  /** Unpin the entries of a finished query (they may be evicted from now on). */
  release(): void {
    this.pinned.clear();
  }

  /** Total bytes and entries held. */
  async usage(): Promise<{ entries: number; bytes: number; budgetBytes: number }> {
    const entries = await this.load();
    let bytes = this.packs.bytes();
    for (const e of entries.values()) bytes += entryBytes(e);
    return { entries: entries.size, bytes, budgetBytes: this.budgetBytes };
  }

  /** Drop least recently used, unpinned entries until the total fits the budget. */
  async evict(): Promise<number> {
    const entries = await this.load();
    let total = this.packs.bytes();
    for (const e of entries.values()) total += entryBytes(e);
    let removed = 0;
    // An entry is as recent as its pack; one whose pack a running query may read stays.
    const usedOf = (stem: string, e: Entry): number => Math.max(e.usedMs, this.packs.usedMs(stem) ?? 0);
    const oldest = [...entries.entries()].sort((a, b) => usedOf(...a) - usedOf(...b));
    const heldPacks = new Set([...this.pinned].map((s) => this.packs.idOf(s)));
    for (const [stem, entry] of oldest) {
      if (total <= this.budgetBytes) break;
      const pack = this.packs.idOf(stem);
      if (this.pinned.has(stem) || (pack !== undefined && heldPacks.has(pack))) continue;
      await unlink(path.join(this.dir, entry.name)).catch(() => undefined);
      if (entry.columnar) await unlink(path.join(this.dir, entry.columnar.name)).catch(() => undefined);
      const packBytes = this.packs.bytes();
      await this.packDrop(stem);
      entries.delete(stem);
      total -= entryBytes(entry) + packBytes - this.packs.bytes();
      removed++;
    }
    return removed;
  }

  /**
   * Drop an entry's pack; its members keep the pack's last use as theirs (in memory and on
   * their files, which the pack's touches had left behind).
   */
  private async packDrop(stem: string): Promise<void> {
    const dropped = await this.packs.dropWith(stem);
    if (!dropped) return;
    const entries = await this.load();
    for (const s of dropped.stems) {
      const e = entries.get(s);
      if (!e) continue;
      // A use while packed touched the pack only: each member's file gets its date now.
      e.usedMs = Math.max(e.usedMs, dropped.usedMs);
      void utimes(path.join(this.dir, e.name), new Date(e.usedMs), new Date(e.usedMs)).catch(() => undefined);
    }
  }

  /** Remove every entry (the clear-cache action); returns what was freed. */
  async clear(): Promise<{ entries: number; bytes: number }> {
    const before = await this.usage();
    await rm(this.dir, { recursive: true, force: true });
    this.loading = null;
    this.pinned.clear();
    return { entries: before.entries, bytes: before.bytes };
  }
}
