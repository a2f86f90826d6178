/**
 * When the range cache's columnar forms get written (rangeConvert.ts): after a query, never
 * inside one, so a cold query costs what it did. One converter per cache folder at a time
 * across processes: it holds `convert/lock` (its pid); a lock whose process is gone is taken.
 *
 * - The app converts in its own process (`rangeConvertSchedule`), one DuckDB thread.
 * - The CLI starts a detached child (`rangeConvertSpawn`, out/main/rangeConvertChild.cjs) and
 *   exits, as `git gc --auto` does; SHIPLENS_RANGE_CONVERT=off turns that off, =wait converts
 *   before the command exits instead.
 *
 * This module loads no DuckDB: the CLI spawns the child without it.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RangeCache } from './rangeCache';
import { rangePackMinMembers } from './rangeCachePacks';
import type { RangeFile } from './rangeFetch';

/** How the CLI converts after a query (SHIPLENS_RANGE_CONVERT). */
export type RangeConvertMode = 'background' | 'wait' | 'off';

/** The mode from the environment (default: background). */
export function rangeConvertMode(env: Record<string, string | undefined>): RangeConvertMode {
  const value = env.SHIPLENS_RANGE_CONVERT;
  return value === 'off' || value === 'wait' ? value : 'background';
}

/** The lock file of a cache folder's converter. */
export function rangeConvertLockPath(cacheDir: string): string {
  return path.join(cacheDir, 'convert', 'lock');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Take the converter's lock; false when a live process holds it. */
export async function rangeConvertLock(cacheDir: string): Promise<boolean> {
  const lock = rangeConvertLockPath(cacheDir);
  await mkdir(path.dirname(lock), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lock, String(process.pid), { flag: 'wx' });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(await readFile(lock, 'utf8').catch(() => ''));
      if (Number.isSafeInteger(pid) && pid > 0 && alive(pid)) return false;
      await unlink(lock).catch(() => undefined);
    }
  }
  return false;
}

/** Release the lock if this process holds it. */
export async function rangeConvertUnlock(cacheDir: string): Promise<void> {
  const lock = rangeConvertLockPath(cacheDir);
  if (Number(await readFile(lock, 'utf8').catch(() => '')) === process.pid) await unlink(lock).catch(() => undefined);
}

/** A converter's part file this old was left by a process that died (a pack's copy takes seconds). */
const partStaleMs = 10 * 60_000;

/** Remove the part files dead converters left in the converter's folder (under the lock: no live one writes there). */
async function partsStaleRemove(dir: string): Promise<void> {
  const now = Date.now();
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!name.endsWith('.part')) continue;
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => null);
    if (info?.isFile() && now - info.mtimeMs > partStaleMs) await unlink(file).catch(() => undefined);
  }
}

/** Convert under the lock (nothing when another process converts). */
export async function rangeConvertLocked(cache: RangeCache, signal?: AbortSignal): Promise<void> {
  if (!(await rangeConvertLock(cache.dir))) return;
  try {
    await partsStaleRemove(path.dirname(rangeConvertLockPath(cache.dir)));
    const { rangeConvert } = await import('./rangeConvert');
    await rangeConvert(cache, signal);
  } finally {
    await rangeConvertUnlock(cache.dir);
  }
}

/**
 * After a query: ask for its objects not yet in a pack to be packed, when there are enough of
 * them (rangeCachePacks.ts). True when asked. A request that cannot be written is let go:
 * the answer does not depend on it.
 */
export async function rangePackAsk(cache: RangeCache, files: readonly RangeFile[]): Promise<boolean> {
  // Decoded JSON only (CSV and Parquet entries have no columnar forms); those with a form are
  // packed by signature, those without may join any group once converted.
  const loose = files.filter((f) => f.file.endsWith('.ndjson') && !f.columnar?.pack);
  const bySignature = new Map<string, number>();
  for (const f of loose) if (f.columnar) bySignature.set(f.columnar.signature, (bySignature.get(f.columnar.signature) ?? 0) + 1);
  const unconverted = loose.filter((f) => !f.columnar).length;
  if (unconverted + Math.max(0, ...bySignature.values()) < rangePackMinMembers) return false;
  const stems = loose.map((f) => path.basename(f.file).slice(0, 40));
  return cache.packs.request(stems).then(
    () => true,
    () => false,
  );
}

const scheduled = new WeakMap<RangeCache, { running: Promise<void>; again: boolean }>();

/** In this process, after a query over `files`: convert what is new and pack them, one pass at a time (errors leave JSON as it is). */
export function rangeConvertSchedule(cache: RangeCache, files: readonly RangeFile[]): void {
  void rangePackAsk(cache, files).then(() => rangeConvertRepeat(cache));
}

function rangeConvertRepeat(cache: RangeCache): void {
  const state = scheduled.get(cache);
  if (state) {
    state.again = true;
    return;
  }
  const next = { running: Promise.resolve(), again: false };
  const loop = async (): Promise<void> => {
    do {
      next.again = false;
      await rangeConvertLocked(cache).catch(() => undefined);
    } while (next.again);
    scheduled.delete(cache);
  };
  scheduled.set(cache, next);
  next.running = loop();
}

/** The converter child's script next to this bundle, or null (tests run from source). */
export function rangeConvertChildPath(): string | null {
  const file = typeof __dirname === 'string' ? path.join(__dirname, 'rangeConvertChild.cjs') : null;
  return file !== null && existsSync(file) ? file : null;
}

/** Start a detached converter for the cache folder; false when there is no child script. */
export function rangeConvertSpawn(cacheDir: string, budgetBytes: number): boolean {
  const script = rangeConvertChildPath();
  if (script === null) return false;
  const child = spawn(process.execPath, [script, cacheDir, String(budgetBytes)], { detached: true, stdio: 'ignore' });
  child.on('error', () => undefined);
  child.unref();
  return true;
}
