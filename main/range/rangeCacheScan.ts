/**
 * Reading the range cache's folder into its entries (rangeCache.ts): names, sizes and dates,
 * leftovers removed. Packs are read first (rangeCachePacks.ts): the files of packed entries are
 * taken by their names, the rest are stat'ed and checked against the size in their names.
 */
import { statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { RangePacks } from './rangeCachePacks';

/** One entry as the cache holds it: its file, size, last use, and columnar form. */
export interface RangeCacheEntry {
  name: string;
  bytes: number;
  usedMs: number;
  /** When its size on disk was last checked (load, put, get). */
  checkedMs: number;
  columnar?: { name: string; bytes: number; signature: string };
}

const entryPattern = /^[0-9a-f]{40}-(\d+)\.(ndjson|csv|parquet)$/;
const columnarPattern = /^([0-9a-f]{40})-(\d+)\.([0-9a-f]{12})\.parquet$/;
/** Below this many files the folder is stat'ed synchronously (at most ~50 ms of blocking on a slow disk). */
const statSyncMax = 2000;

/**
 * The stats of the folder's files (null where gone). A few thousand synchronous stats cost half
 * of the same stats awaited together (a warm day's 579 files: 16–20 ms vs ~40 ms, each stat
 * ~30 µs here); a bigger folder is stat'ed asynchronously so the app's main process stays free.
 */
async function statsOf(dir: string, names: readonly string[]): Promise<(Stats | null)[]> {
  if (names.length > statSyncMax) return Promise.all(names.map((name) => stat(path.join(dir, name)).catch(() => null)));
  return names.map((name) => {
    try {
      return statSync(path.join(dir, name), { throwIfNoEntry: false }) ?? null;
    } catch {
      return null;
    }
  });
}

/**
 * Each entry's columnar signature from the folder's names alone, for the entries that have
 * exactly one columnar form (a pack of an entry with two is not trusted).
 */
function signaturesByName(names: readonly string[]): (stem: string) => string | undefined {
  const entryStems = new Set(names.filter((n) => entryPattern.test(n)).map((n) => n.slice(0, 40)));
  const signatures = new Map<string, string | undefined>();
  for (const name of names) {
    const c = columnarPattern.exec(name);
    if (!c || !entryStems.has(c[1] as string)) continue;
    signatures.set(c[1] as string, signatures.has(c[1] as string) ? undefined : c[3]);
  }
  return (stem) => signatures.get(stem);
}

/** The entries of the cache folder `dir` (which exists); `packs` is loaded on the way. */
export async function rangeCacheScan(dir: string, packs: RangePacks): Promise<Map<string, RangeCacheEntry>> {
  const entries = new Map<string, RangeCacheEntry>();
  const columnar: { name: string; bytes: number }[] = [];
  const all = await readdir(dir);
  const names = all.filter((n) => !n.startsWith('pack-'));
  await packs.load(
    all.filter((n) => n.startsWith('pack-')),
    signaturesByName(names),
  );
  // The files of packed entries are taken by their names (a query over them reads the pack,
  // whose size was checked): 579 stats were most of a warm query's cache lookups.
  const packed = (name: string): boolean =>
    (entryPattern.test(name) || columnarPattern.test(name)) && packs.usedMs(name.slice(0, 40)) !== undefined;
  for (const name of names.filter(packed)) {
    const c = columnarPattern.exec(name);
    if (c) columnar.push({ name, bytes: Number(c[2]) });
    else {
      const usedMs = packs.usedMs(name.slice(0, 40)) as number;
      entries.set(name.slice(0, 40), { name, bytes: Number(entryPattern.exec(name)?.[1]), usedMs, checkedMs: Date.now() });
    }
  }
  const loose = names.filter((n) => !packed(n));
  const infos = await statsOf(dir, loose);
  for (const [i, name] of loose.entries()) {
    const m = entryPattern.exec(name);
    const info = infos[i];
    if (!info?.isFile()) continue;
    const c = columnarPattern.exec(name);
    if (c && Number(c[2]) === info.size) columnar.push({ name, bytes: info.size });
    else if (!m || Number(m[1]) !== info.size) {
      // Leftover parts (a killed process) and truncated entries are removed on load.
      await unlink(path.join(dir, name)).catch(() => undefined);
    } else entries.set(name.slice(0, 40), { name, bytes: info.size, usedMs: info.mtimeMs, checkedMs: Date.now() });
  }
  for (const { name, bytes } of columnar) {
    const entry = entries.get(name.slice(0, 40));
    // A columnar form without its entry (evicted by another process) goes too.
    if (entry && !entry.columnar) entry.columnar = { name, bytes, signature: name.split('.')[1] as string };
    else await unlink(path.join(dir, name)).catch(() => undefined);
  }
  return entries;
}
