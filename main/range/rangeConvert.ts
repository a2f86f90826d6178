/**
 * The range cache's columnar forms: each decoded JSON entry is also written as Parquet, so a
 * later query scans columns instead of parsing the JSON again (a day's GROUP BY: 656 ms CPU
 * over NDJSON, about 230 ms over Parquet). Writing one costs a full parse (about 33 ms CPU per
 * 7,000-row object), so it runs after a query, not inside it: the app converts in its own
 * process, the CLI in a detached child (rangeConvertChild.ts), one DuckDB thread either way.
 *
 * The Parquet holds exactly what `read_json` reads from that object alone (its own detected
 * columns and types); one whose types do not read back the same is not kept. Its signature
 * (a hash of those types) lets a query tell, without opening it, whether it stands for the
 * JSON under the range's column types (rangeColumns.ts).
 */
import { mkdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { throwIfCancelled } from '../../core/errors';
import { outputPartOpen } from '../services/outputWriter';
import { rangePacksWrite } from './rangePackWrite';
import { rangeColumnsSignature, rangeSignatureWrite } from './rangeSignatures';
import type { RangeCache } from './rangeCache';
import { sqlString } from './rangeView';
import type { RangeColumnType } from './rangeView';

/** Folder of the converter's part files and lock (inside the cache: same file system). */
export function rangeConvertDir(cache: RangeCache): string {
  return path.join(cache.dir, 'convert');
}

async function describe(connection: DuckDBConnection, reader: string): Promise<RangeColumnType[]> {
  const result = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${reader}`);
  return (result.getRowsJson() as string[][]).map((row) => ({ name: row[0] as string, type: row[1] as string }));
}

/** The JSON reader of one decoded object (the same options the range's description uses). */
export function rangeJsonReader(file: string, columns?: readonly RangeColumnType[]): string {
  const given = columns ? `, columns={${columns.map((c) => `${sqlString(c.name)}: ${sqlString(c.type)}`).join(', ')}}` : '';
  return `read_json(${sqlString(file)}, format='newline_delimited'${given})`;
}

/** Write one entry's columnar form; false when its types would not read back the same. */
async function convertOne(connection: DuckDBConnection, cache: RangeCache, stem: string, file: string): Promise<boolean> {
  const columns = await describe(connection, rangeJsonReader(file));
  const part = await outputPartOpen(path.join(rangeConvertDir(cache), `${stem}.parquet`));
  await part.handle.close();
  try {
    await connection.run(
      `COPY (SELECT * FROM ${rangeJsonReader(file, columns)}) TO ${sqlString(part.path)} (FORMAT parquet, COMPRESSION zstd)`,
    );
    const back = await describe(connection, `read_parquet(${sqlString(part.path)})`);
    const signature = rangeColumnsSignature(columns);
    if (rangeColumnsSignature(back) !== signature) {
      await unlink(part.path);
      return false;
    }
    await rangeSignatureWrite(cache.dir, rangeConvertDir(cache), signature, columns);
    return await cache.columnarPut(stem, part.path, signature);
  } catch (error) {
    await unlink(part.path).catch(() => undefined);
    throw error;
  }
}

/** What one conversion pass did. */
export interface RangeConvertResult {
  converted: number;
  /** Entries left as JSON: types that Parquet does not keep, or a read error (the JSON still answers). */
  kept: number;
  /** Packs written (rangePackWrite.ts). */
  packs: number;
}

/** Convert every decoded JSON entry of the cache that has no columnar form yet, then write the packs asked for. */
export async function rangeConvert(cache: RangeCache, signal?: AbortSignal): Promise<RangeConvertResult> {
  const todo = await cache.unconverted();
  const requests = await cache.packs.requests();
  const result = { converted: 0, kept: 0, packs: 0 };
  if (todo.length === 0 && requests.length === 0) return result;
  await mkdir(rangeConvertDir(cache), { recursive: true });
  const instance = await DuckDBInstance.create(':memory:', { threads: '1', memory_limit: '200MB' });
  const connection = await instance.connect();
  const onAbort = (): void => connection.interrupt();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (const { stem, file } of todo) {
      throwIfCancelled(signal);
      const done = await convertOne(connection, cache, stem, file).catch((error: unknown) => {
        throwIfCancelled(signal);
        // An entry evicted meanwhile, or JSON DuckDB cannot type: it stays as JSON.
        void error;
        return false;
      });
      if (done) result.converted++;
      else result.kept++;
    }
    result.packs = await rangePacksWrite(connection, cache, requests, (reader) => describe(connection, reader), signal);
    return result;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    connection.closeSync();
    instance.closeSync();
  }
}
