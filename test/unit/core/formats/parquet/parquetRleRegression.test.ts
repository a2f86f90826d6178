// Regression test for a defect found by fuzzing (test/fuzz/parquet.fuzz.test.ts): a corrupt RLE
// run header in a data page made hyparquet's hybrid decoder loop up to 2^31 times (4–120 s per
// read of a 1,264-byte file). Such a run is longer than the page's values: PARQUET_CORRUPT.
import { describe, expect, it } from 'vitest';
import { byteSourceFromBytes } from '../../../../../core/bytes/byteSource';
import { isShiplensError } from '../../../../../core/errors';
import { parquetTable } from '../../../../../core/formats/parquet';
import { fixtureBytes, fixturesEnsure, parquetDir, parquetNames } from '../fixtureFiles';

fixturesEnsure('genParquet');

describe('Parquet RLE regressions (fuzz findings)', () => {
  it('parquetRleRegression: a page whose RLE run claims ~2^31 values is PARQUET_CORRUPT, not a long spin', async () => {
    // The DuckDB ZSTD fixture with 3 bytes of a compressed page zeroed (the fuzzer's input).
    const bytes = fixtureBytes(parquetDir, parquetNames.typesZstd);
    expect([bytes[317], bytes[318], bytes[319]]).toEqual([1, 65, 2]);
    bytes.set([0, 0, 0], 317);
    const reader = await parquetTable(byteSourceFromBytes(bytes, 'rle.parquet'));
    let verdict = 'value';
    let reads = 0;
    for (const [offset, limit] of [
      [0, 50],
      [3, 3],
    ] as const) {
      try {
        await reader.readRows(offset, limit);
        reads++;
      } catch (error) {
        verdict = isShiplensError(error) ? error.code : `untyped ${String(error)}`;
      }
    }
    expect(verdict).toBe('PARQUET_CORRUPT');
    expect(reads).toBe(0);
  });

  it('parquetRleRegression: intact pages of every fixture still read (runs within their page)', async () => {
    for (const name of [parquetNames.typesZstd, parquetNames.typesSnappy, parquetNames.typesPlain, parquetNames.typesGzip]) {
      const reader = await parquetTable(byteSourceFromBytes(fixtureBytes(parquetDir, name), name));
      expect((await reader.readRows(0, 100)).length).toBe(6);
    }
  });
});
