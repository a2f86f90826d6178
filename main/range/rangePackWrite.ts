/**
 * The converter's second step (rangeConvert.ts): write the packs queries asked for
 * (rangeCachePacks.ts) — the members' columnar forms, one signature per pack, copied in member
 * order into one Parquet file with each row's member position. A pack whose columns or row
 * count do not read back as its members' is not kept.
 */
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { throwIfCancelled } from '../../core/errors';
import { outputPartOpen } from '../services/outputWriter';
import { unlink } from 'node:fs/promises';
import type { RangeCache } from './rangeCache';
import { rangePackMemberColumn, rangePackMinMembers } from './rangeCachePacks';
import type { RangePackRequest } from './rangeCachePacks';
import type { RangeColumnType, RangeDescribe } from './rangeView';
import { sqlIdent, sqlString } from './rangeView';

const sameColumns = (a: readonly RangeColumnType[], b: readonly RangeColumnType[]): boolean =>
  a.length === b.length && a.every((c, i) => c.name === b[i]?.name && c.type === b[i]?.type);

async function count(connection: DuckDBConnection, reader: string): Promise<string> {
  const result = await connection.runAndReadAll(`SELECT count(*) FROM ${reader}`);
  return String(result.getRowsJson()[0]?.[0]);
}

/** Write one pack of `members` (same signature, in order); false when it would not read back the same. */
async function packOne(
  connection: DuckDBConnection,
  cache: RangeCache,
  describe: RangeDescribe,
  signature: string,
  members: readonly { stem: string; file: string }[],
): Promise<boolean> {
  const list = `read_parquet([${members.map((m) => sqlString(m.file)).join(', ')}])`;
  const part = await outputPartOpen(path.join(cache.packs.partDir, `pack-${signature}.parquet`));
  await part.handle.close();
  try {
    // One thread and insertion order kept: each member's rows stay together, in member order.
    await connection.run(
      `COPY (SELECT *, file_index::UINTEGER AS ${sqlIdent(rangePackMemberColumn)} FROM ${list}) TO ${sqlString(part.path)} (FORMAT parquet, COMPRESSION zstd)`,
    );
    const packed = `read_parquet(${sqlString(part.path)})`;
    const back = (await describe(packed)).filter((c) => c.name !== rangePackMemberColumn);
    if (!sameColumns(back, await describe(list)) || (await count(connection, packed)) !== (await count(connection, list))) {
      await unlink(part.path);
      return false;
    }
    const put = await cache.packs.put(
      members.map((m) => m.stem),
      part.path,
      signature,
    );
    // The pack counts against the budget like any entry (its members, dated by it, are the newest).
    await cache.evict();
    return put;
  } catch (error) {
    await unlink(part.path).catch(() => undefined);
    throw error;
  }
}

/** Write the requested packs; returns how many were written. Requests are done with either way. */
export async function rangePacksWrite(
  connection: DuckDBConnection,
  cache: RangeCache,
  requests: readonly RangePackRequest[],
  describe: RangeDescribe,
  signal?: AbortSignal,
): Promise<number> {
  let written = 0;
  for (const request of requests) {
    throwIfCancelled(signal);
    const groups = new Map<string, { stem: string; file: string }[]>();
    for (const stem of request.stems) {
      const columnar = await cache.columnar(stem);
      if (!columnar || columnar.pack) continue;
      const group = groups.get(columnar.signature) ?? [];
      group.push({ stem, file: columnar.file });
      groups.set(columnar.signature, group);
    }
    for (const [signature, members] of groups) {
      if (members.length < rangePackMinMembers) continue;
      // An entry evicted meanwhile (its form gone): no pack this time, the query still answers.
      const done = await packOne(connection, cache, describe, signature, members).catch((error: unknown) => {
        throwIfCancelled(signal);
        void error;
        return false;
      });
      if (done) written++;
    }
    await unlink(request.file).catch(() => undefined);
  }
  return written;
}
