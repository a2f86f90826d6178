/**
 * A directory walk in OSS key order, with prefix/delimiter semantics and pruning.
 *
 * Sibling entries sort by `name` for files and `name/` for folders: every key under folder
 * `a` starts with `a/`, so a depth-first walk in that order yields keys in global byte order
 * and a page can start after a token without visiting earlier subtrees. Each folder comes from
 * a cached sorted snapshot and the start of a page is found by binary search: a page costs
 * O(log N + page), not a read and sort of the folder (issue 12 §2).
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { isInside, keySegmentsCheck } from '../safePath';
import { snapshotLowerBound } from './localDirSnapshot';
import type { DirSnapshotCache, SnapshotEntry } from './localDirSnapshot';
import { keyCompare } from './listing';

/** One listed item: an object or a common prefix. */
export type WalkItem = { kind: 'object'; key: string; size: number; lastModified: string } | { kind: 'prefix'; key: string };

/** What a walk needs: the resolved root and the folder snapshots of this storage. */
export interface WalkContext {
  root: string;
  snapshots: DirSnapshotCache;
}

/** Items the consumer still wants: files are stat'ed in batches no larger than that. */
interface Budget {
  left: number;
}

/** Walk `root` yielding at most `limit` keys under `prefix` in key order, strictly after `after`. */
export async function* walkSorted(
  context: WalkContext,
  prefix: string,
  delimited: boolean,
  after: string | undefined,
  limit = Infinity,
): AsyncGenerator<WalkItem> {
  const { root } = context;
  const cut = prefix.lastIndexOf('/') + 1;
  const dirKey = prefix.slice(0, cut);
  const namePrefix = prefix.slice(cut);
  let dirAbs = root;
  if (dirKey !== '') {
    const segments = keySegmentsCheck(dirKey.slice(0, -1));
    try {
      dirAbs = await fsp.realpath(path.join(root, ...segments));
    } catch {
      return;
    }
    if (!isInside(root, dirAbs)) return;
  }
  yield* walkDir(context, { left: limit }, dirAbs, dirKey, namePrefix, delimited, after);
}

/**
 * Index of the first entry of a folder that can hold a key after `after`: the first entry
 * sorting after it, or the folder just before that when `after` lies inside it (nothing
 * else can sort between a folder `a/` and a key `a/…`).
 */
function startIndex(entries: readonly SnapshotEntry[], dirKey: string, namePrefix: string, after: string | undefined): number {
  const low = snapshotLowerBound(entries, namePrefix);
  if (after === undefined || !after.startsWith(dirKey)) {
    return after !== undefined && keyCompare(after, dirKey) > 0 ? entries.length : low;
  }
  const rest = after.slice(dirKey.length);
  // An entry equal to `rest` is kept: the loop skips it when it is the token's own key.
  let i = snapshotLowerBound(entries, rest);
  const before = entries[i - 1];
  if (before?.isDir && rest.startsWith(before.sortName)) i--;
  return Math.max(i, low);
}

/** Files stat'ed at once: a page's sizes come in a few round trips, not one await per file. */
const statBatch = 64;

async function* walkDir(
  context: WalkContext,
  budget: Budget,
  abs: string,
  dirKey: string,
  namePrefix: string,
  delimited: boolean,
  after: string | undefined,
): AsyncGenerator<WalkItem> {
  const { entries } = await context.snapshots.get(abs);
  let i = startIndex(entries, dirKey, namePrefix, after);
  while (i < entries.length && budget.left > 0) {
    const entry = entries[i] as SnapshotEntry;
    if (!entry.sortName.startsWith(namePrefix)) return;
    const key = dirKey + entry.sortName;
    if (!entry.isDir) {
      const run = fileRun(entries, i, namePrefix, budget.left);
      yield* filesStat(abs, dirKey, run, after, budget);
      i += run.length;
      continue;
    }
    i++;
    if (delimited) {
      if (after !== undefined && keyCompare(key, after) <= 0) continue;
      budget.left--;
      yield { kind: 'prefix', key };
    } else {
      // Every key below starts with `key`: the subtree is skipped when all of it is before `after`.
      if (after !== undefined && !after.startsWith(key) && keyCompare(key, after) < 0) continue;
      yield* walkDir(context, budget, path.join(abs, entry.sortName.slice(0, -1)), key, '', false, after);
    }
  }
}

/** The files from `start` on (at most statBatch and `left`), up to the next folder or prefix mismatch. */
function fileRun(entries: readonly SnapshotEntry[], start: number, namePrefix: string, left: number): SnapshotEntry[] {
  const run: SnapshotEntry[] = [];
  for (let i = start; i < entries.length && run.length < Math.min(statBatch, left); i++) {
    const entry = entries[i] as SnapshotEntry;
    if (entry.isDir || !entry.sortName.startsWith(namePrefix)) break;
    run.push(entry);
  }
  return run;
}

/** Stat a run of files together (sizes and dates are read now, never from the snapshot). */
async function* filesStat(
  abs: string,
  dirKey: string,
  run: SnapshotEntry[],
  after: string | undefined,
  budget: Budget,
): AsyncGenerator<WalkItem> {
  const wanted = run.filter((entry) => after === undefined || keyCompare(dirKey + entry.sortName, after) > 0);
  const stats = await Promise.all(wanted.map((entry) => fsp.stat(path.join(abs, entry.sortName)).catch(() => null)));
  for (let j = 0; j < wanted.length; j++) {
    const stat = stats[j];
    if (!stat?.isFile()) continue;
    budget.left--;
    yield { kind: 'object', key: dirKey + (wanted[j] as SnapshotEntry).sortName, size: stat.size, lastModified: stat.mtime.toISOString() };
  }
}
