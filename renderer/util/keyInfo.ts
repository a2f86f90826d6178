/**
 * Parsed shipped keys for the object list, cached. Whole listings (sorting, the gap timeline)
 * use the cheap tail parse; the full parse (partition inference) is for rows on screen and the
 * selected object only.
 */
import { objectKeyParse, objectKeyParseTail } from '../../core/shipping';
import type { ObjectKeyTail, ParsedObjectKey } from '../../core/shipping';

const cache = new Map<string, ParsedObjectKey | null>();
const cacheLimit = 250_000;

/** The parsed key, or null when the key is not what a shipping task writes. */
export function keyInfo(key: string): ParsedObjectKey | null {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  if (cache.size >= cacheLimit) cache.clear();
  let parsed: ParsedObjectKey | null = null;
  try {
    const result = objectKeyParse(key);
    parsed = result.ok ? result.value : null;
  } catch {
    parsed = null;
  }
  cache.set(key, parsed);
  return parsed;
}

/** Task time, number and format from the key's tail (no partition inference), or null. */
export function keyTail(key: string): ObjectKeyTail | null {
  return objectKeyParseTail(key);
}

/** Why a key is not a shipped key ('' when it is). */
export function keyInfoReason(key: string): string {
  try {
    const result = objectKeyParse(key);
    return result.ok ? '' : result.reason;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Hive-style `key=value` levels of a path, in order. */
export function hiveLevels(path: string): { name: string; value: string }[] {
  const levels: { name: string; value: string }[] = [];
  for (const segment of path.split('/')) {
    const match = /^([^=]+)=(.*)$/.exec(segment);
    if (match?.[1] !== undefined && match[2] !== undefined) levels.push({ name: match[1], value: match[2] });
  }
  return levels;
}

/** The last path segment of a key (the file name). */
export function keyBaseName(key: string): string {
  const slash = key.lastIndexOf('/', key.length - 2);
  return key.slice(slash + 1);
}
