/**
 * The columns each signature stands for, kept beside the cache (`signatures/<signature>.json`)
 * by the converter that named them (rangeConvert.ts): a query then knows the columns of its
 * columnar forms without asking DuckDB to open one (two describes, ~15 ms of a warm query). A
 * list is trusted only when it hashes to its signature.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { rangeCacheTextWrite } from './rangeCacheText';
import type { RangeColumnType } from './rangeView';

/** The signature of a column list (names, types, order): 12 hex digits. */
export function rangeColumnsSignature(columns: readonly RangeColumnType[]): string {
  return createHash('sha256')
    .update(JSON.stringify(columns.map((c) => [c.name, c.type])))
    .digest('hex')
    .slice(0, 12);
}

function fileOf(cacheDir: string, signature: string): string {
  return path.join(cacheDir, 'signatures', `${signature}.json`);
}

/** The columns of a signature from its list, or null (none, or one that does not hash to it). */
export async function rangeSignatureRead(cacheDir: string, signature: string): Promise<RangeColumnType[] | null> {
  try {
    const columns = JSON.parse(await readFile(fileOf(cacheDir, signature), 'utf8')) as unknown;
    if (!Array.isArray(columns) || !columns.every((c) => typeof c?.name === 'string' && typeof c?.type === 'string')) return null;
    const typed = (columns as RangeColumnType[]).map((c) => ({ name: c.name, type: c.type }));
    return rangeColumnsSignature(typed) === signature ? typed : null;
  } catch {
    return null;
  }
}

/** Keep the list of a signature's columns (once; `partDir` is on the cache's file system). */
export async function rangeSignatureWrite(
  cacheDir: string,
  partDir: string,
  signature: string,
  columns: readonly RangeColumnType[],
): Promise<void> {
  if ((await rangeSignatureRead(cacheDir, signature)) !== null) return;
  await mkdir(path.dirname(fileOf(cacheDir, signature)), { recursive: true });
  await rangeCacheTextWrite(partDir, fileOf(cacheDir, signature), JSON.stringify(columns));
}
