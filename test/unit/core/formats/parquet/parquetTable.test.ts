import { beforeAll, describe, expect, it } from 'vitest';
import { parquetTable } from '../../../../../core/formats/parquet';
import type { Cell } from '../../../../../core/model/cells';
import type { ParquetExpected } from '../fixtureFiles';
import {
  countingSource,
  parquetExpectedCells,
  fixtureJson,
  fixtureSource,
  fixturesEnsure,
  parquetDir,
  parquetNames,
} from '../fixtureFiles';

beforeAll(() => fixturesEnsure('genParquet'));

/** DuckDB's rows with INT64 columns back to bigint, FLOAT as DuckDB prints it. */
function expectedRows(expected: ParquetExpected): Cell[][] {
  return parquetExpectedCells(expected);
}

describe('parquetTable', () => {
  it.each([parquetNames.typesSnappy, parquetNames.typesPlain, parquetNames.typesZstd, parquetNames.typesGzip, parquetNames.empty])(
    'reads exactly the rows DuckDB reads from %s',
    async (name) => {
      const expected = fixtureJson<ParquetExpected>(parquetDir, `${name}.json`);
      const reader = await parquetTable(fixtureSource(parquetDir, name));
      expect(reader.columns.map((c) => c.name)).toEqual(expected.columns);
      expect(reader.numRows).toBe(expected.rows.length);
      expect(await reader.readRows(0, 100)).toEqual(expectedRows(expected));
    },
  );

  it('types SPEC §3 columns and keeps INT64 exact, null distinct from empty', async () => {
    const reader = await parquetTable(fixtureSource(parquetDir, parquetNames.typesSnappy));
    expect(reader.columns.map((c) => c.type)).toEqual(['int32', 'string', 'string', 'boolean', 'int64', 'double', 'float', 'string']);
    const [second, third] = await reader.readRows(1, 2);
    expect(second).toEqual([null, '', '', false, 9007199254740993n, -2.25, -3.5, '']);
    expect(third?.[4]).toBe(-9223372036854775808n);
    expect(third?.[1]).toBeNull();
  });

  it('reads every row of the multi-group file, the last row, and a page across a group boundary', async () => {
    const expected = expectedRows(fixtureJson<ParquetExpected>(parquetDir, `${parquetNames.multiGroup}.json`));
    const reader = await parquetTable(fixtureSource(parquetDir, parquetNames.multiGroup));
    expect(reader.numRows).toBe(50_000);
    expect(await reader.readRows(49_999, 100)).toEqual([expected[49_999]]);
    expect(await reader.readRows(10_230, 20)).toEqual(expected.slice(10_230, 10_250));
    const all: Cell[][] = [];
    for await (const batch of reader.rowBatches()) all.push(...batch);
    expect(all).toEqual(expected);
  });

  it('fetches only the row group a page needs', async () => {
    const source = countingSource(fixtureSource(parquetDir, parquetNames.multiGroup));
    const reader = await parquetTable(source);
    const afterFooter = source.bytes;
    await reader.readRows(0, 100);
    // 5 row groups of about equal size: the first page reads about one fifth of the file.
    expect(source.bytes - afterFooter).toBeLessThan(source.size / 4);
    const before = source.reads;
    await reader.readRows(100, 100); // same group: served from the slice cache
    expect(source.reads).toBe(before);
  });

  it('uses an injected raw snappy decoder for SNAPPY chunks', async () => {
    let calls = 0;
    const { snappyUncompress } = await import('hyparquet');
    const rawDecoder = {
      name: 'spy',
      uncompress(block: Uint8Array, length: number) {
        calls++;
        const out = new Uint8Array(length);
        snappyUncompress(block, out);
        return out;
      },
    };
    const reader = await parquetTable(fixtureSource(parquetDir, parquetNames.typesSnappy), { rawDecoder });
    expect(await reader.readRows(0, 1)).toHaveLength(1);
    expect(calls).toBeGreaterThan(0);
  });

  it('reports a garbled data page as PARQUET_CORRUPT without hanging', async () => {
    const reader = await parquetTable(fixtureSource(parquetDir, parquetNames.badPage));
    await expect(reader.readRows(0, 10)).rejects.toMatchObject({ code: 'PARQUET_CORRUPT', source: parquetNames.badPage });
  });

  it('reports a codec it cannot decode as UNSUPPORTED_FORMAT', async () => {
    const reader = await parquetTable(fixtureSource(parquetDir, parquetNames.typesZstd), { compressors: { ZSTD: undefined } });
    await expect(reader.readRows(0, 1)).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT' });
  });

  it('reports footer errors with their codes', async () => {
    await expect(parquetTable(fixtureSource(parquetDir, parquetNames.truncated))).rejects.toMatchObject({ code: 'TRUNCATED' });
    await expect(parquetTable(fixtureSource(parquetDir, parquetNames.footerPastEnd))).rejects.toMatchObject({ code: 'PARQUET_CORRUPT' });
  });
});

describe('parquetTable cancellation and arguments', () => {
  it('rejects an aborted read with CANCELLED and a bad range with INVALID_ARGUMENT', async () => {
    const reader = await parquetTable(fixtureSource(parquetDir, parquetNames.typesSnappy));
    const controller = new AbortController();
    controller.abort();
    await expect(reader.readRows(0, 1, controller.signal)).rejects.toMatchObject({ code: 'CANCELLED' });
    await expect(reader.readRows(-1, 1)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(await reader.readRows(6, 10)).toEqual([]);
  });
});
