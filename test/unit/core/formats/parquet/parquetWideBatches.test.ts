// Issue 12: Parquet export batches are sized in cells too. A DuckDB-written file of 1,000
// columns comes in batches of 500 rows (500,000 cells), not 10,000 rows (10 million cells).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byteSourceFromBytes } from '../../../../../core/bytes/byteSource';
import { parquetTable } from '../../../../../core/formats/parquet';

const dir = mkdtempSync(join(tmpdir(), 'shiplens-pqwide-'));
const file = join(dir, 'wide.parquet');

beforeAll(async () => {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const columns = Array.from({ length: 1000 }, (_v, c) => `(i * 1000 + ${c})::INTEGER AS c${c}`).join(', ');
  await conn.run(`COPY (SELECT ${columns} FROM range(1200) t(i)) TO '${file}' (FORMAT PARQUET)`);
  conn.closeSync();
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parquetTable rowBatches', () => {
  it('reads 1,000 columns in batches of 500 rows and every value in place', async () => {
    const reader = await parquetTable(byteSourceFromBytes(new Uint8Array(readFileSync(file)), 'wide.parquet'));
    expect(reader.columns).toHaveLength(1000);
    const sizes: number[] = [];
    let row = 0;
    for await (const batch of reader.rowBatches()) {
      sizes.push(batch.length);
      for (const cells of batch) {
        expect([cells[0], cells[999]]).toEqual([row * 1000, row * 1000 + 999]);
        row++;
      }
    }
    expect(sizes).toEqual([500, 500, 200]);
  }, 60_000);
});
