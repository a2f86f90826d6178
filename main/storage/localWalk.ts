/**
 * A directory walk in OSS key order, with prefix/delimiter semantics and pruning.
 *
 * Sibling entries sort by `name` for files and `name/` for folders: every key under folder
 * `a` starts with `a/`, so a depth-first walk in that order yields keys in global byte order
 * and a page can start after a token without visiting earlier subtrees.
 */
import { promises as fsp } from 'node:fs';
import type { Dirent } from 'node:fs';
import path from 'node:path';
import { isInside, keySegmentsCheck } from '../safePath';
import { keyCompare } from './listing';

/** One listed item: an object or a common prefix. */
export type WalkItem = { kind: 'object'; key: string; size: number; lastModified: string } | { kind: 'prefix'; key: string };

interface Entry {
  name: string;
  abs: string;
  isDir: boolean;
  sortKey: string;
}

/** Walk `root` yielding keys under `prefix` in key order, strictly after `after`. */
export async function* walkSorted(root: string, prefix: string, delimited: boolean, after: string | undefined): AsyncGenerator<WalkItem> {
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
  yield* walkDir(root, dirAbs, dirKey, namePrefix, delimited, after);
}

async function* walkDir(root: string, abs: string, dirKey: string, namePrefix: string, delimited: boolean, after: string | undefined): AsyncGenerator<WalkItem> {
  const entries = await dirEntries(root, abs, dirKey, namePrefix);
  for (const entry of entries) {
    const key = dirKey + entry.name;
    if (!entry.isDir) {
      if (after !== undefined && keyCompare(key, after) <= 0) continue;
      const stat = await fsp.stat(entry.abs).catch(() => null);
      if (stat?.isFile()) yield { kind: 'object', key, size: stat.size, lastModified: stat.mtime.toISOString() };
      continue;
    }
    const folderKey = `${key}/`;
    if (delimited) {
      if (after !== undefined && keyCompare(folderKey, after) <= 0) continue;
      yield { kind: 'prefix', key: folderKey };
    } else {
      // Every key below starts with folderKey: skip the subtree when all of it is before `after`.
      if (after !== undefined && !after.startsWith(folderKey) && keyCompare(folderKey, after) < 0) continue;
      yield* walkDir(root, entry.abs, folderKey, '', false, after);
    }
  }
}

/** The entries of one folder matching `namePrefix`, sorted; links out of the root are dropped. */
async function dirEntries(root: string, abs: string, dirKey: string, namePrefix: string): Promise<Entry[]> {
  let dirents: Dirent[];
  try {
    dirents = await fsp.readdir(abs, { withFileTypes: true });
  } catch {
    return [];
  }
  const entries: Entry[] = [];
  for (const dirent of dirents) {
    if (!dirent.name.startsWith(namePrefix)) continue;
    const entryAbs = path.join(abs, dirent.name);
    let isDir = dirent.isDirectory();
    if (dirent.isSymbolicLink()) {
      // A link is listed only when it stays inside the root and points at a file; linked
      // folders are not descended (no escapes, no cycles).
      const real = await fsp.realpath(entryAbs).catch(() => null);
      if (real === null || !isInside(root, real)) continue;
      const stat = await fsp.stat(real).catch(() => null);
      if (!stat?.isFile()) continue;
      isDir = false;
    } else if (!isDir && !dirent.isFile()) {
      continue;
    }
    entries.push({ name: dirent.name, abs: entryAbs, isDir, sortKey: dirKey + dirent.name + (isDir ? '/' : '') });
  }
  entries.sort((a, b) => keyCompare(a.sortKey, b.sortKey));
  return entries;
}
