import { readOffsetIndex } from 'hyparquet';
import { beforeAll, describe, expect, it } from 'vitest';
import { parquetFooterRead, parquetTable } from '../../../../../core/formats/parquet';
import type { Cell } from '../../../../../core/model/cells';
import type { ParquetExpected } from '../fixtureFiles';
import {
  countingSource,
  parquetExpectedCells,
  fixtureBytes,
  fixtureJson,
  fixtureSource,
  fixturesEnsure,
  parquetDir,
  parquetNames,
} from '../fixtureFiles';

beforeAll(() => fixturesEnsure('genParquet'));

function expectedRows(name: string): Cell[][] {
  return parquetExpectedCells(fixtureJson<ParquetExpected>(parquetDir, `${name}.json`));
}

describe('parquetTable page-level reads (arrow-rs file: 2 KiB pages, offset indexes)', () => {
  it("reads exactly DuckDB's rows at page starts, mid-page, across pages and row groups", async () => {
    const expected = expectedRows(parquetNames.multiPage);
    const reader = await parquetTable(fixtureSource(parquetDir, parquetNames.multiPage));
    expect(reader.numRows).toBe(50_000);
    for (const [offset, limit] of [
      [0, 100],
      [1, 7],
      [2040, 20],
      [5000, 100],
      [19_950, 100],
      [39_999, 3],
      [49_990, 100],
    ] as const) {
      expect(await reader.readRows(offset, limit), `rows ${offset}+${limit}`).toEqual(expected.slice(offset, offset + limit));
    }
    const all: Cell[][] = [];
    for await (const batch of reader.rowBatches()) all.push(...batch);
    expect(all).toEqual(expected);
  });

  it('rowBatches streams windows across page and row-group edges with the exact rows (any batch size)', async () => {
    for (const name of [
      parquetNames.multiPage,
      parquetNames.typesSnappy,
      parquetNames.typesPlain,
      parquetNames.multiGroup,
      parquetNames.typesZstd,
      parquetNames.typesGzip,
    ]) {
      const expected = expectedRows(name);
      for (const batchRows of [1, 333, 4096]) {
        const reader = await parquetTable(fixtureSource(parquetDir, name), { batchRows });
        const all: Cell[][] = [];
        const sizes = new Set<number>();
        for await (const batch of reader.rowBatches()) {
          all.push(...batch);
          sizes.add(batch.length);
        }
        expect(all, `${name} in batches of ${batchRows}`).toEqual(expected);
        expect(Math.max(...sizes, 0)).toBeLessThanOrEqual(batchRows);
      }
    }
    // Six files read 1 row at a time among others: seconds, more on a busy machine.
  }, 120_000);

  it('first 100 rows read only the offset indexes, dictionaries and first data pages of group 0', async () => {
    const bytes = fixtureBytes(parquetDir, parquetNames.multiPage);
    const metadata = await parquetFooterRead(fixtureSource(parquetDir, parquetNames.multiPage));
    // What the pages holding rows 0–99 are, from hyparquet's own offset-index reader.
    let want = 0;
    for (const chunk of metadata.row_groups[0]?.columns ?? []) {
      const at = Number(chunk.offset_index_offset);
      const index = readOffsetIndex({ view: new DataView(bytes.buffer, bytes.byteOffset + at, chunk.offset_index_length), offset: 0 });
      const first = index.page_locations[0];
      const start = Number(chunk.meta_data?.dictionary_page_offset ?? chunk.meta_data?.data_page_offset);
      want += (chunk.offset_index_length ?? 0) + Number(first?.offset) + (first?.compressed_page_size ?? 0) - start;
    }
    const source = countingSource(fixtureSource(parquetDir, parquetNames.multiPage));
    const reader = await parquetTable(source, { metadata, gapBytes: 0, prefetch: false });
    expect((await reader.readRows(0, 100)).length).toBe(100);
    expect(source.bytes).toBe(want);
    // The same rows again come from the caches; rows deeper in the group cost one page per column.
    source.reset();
    await reader.readRows(0, 100);
    expect(source.reads).toBe(0);
    const deeper = 10_000;
    let pageBytes = 0;
    for (const chunk of metadata.row_groups[0]?.columns ?? []) {
      const at = Number(chunk.offset_index_offset);
      const pages = readOffsetIndex({
        view: new DataView(bytes.buffer, bytes.byteOffset + at, chunk.offset_index_length),
        offset: 0,
      }).page_locations;
      // A page that starts at row 0 was fetched by the first read and is still cached.
      const holding = pages.filter(
        (p, i) =>
          Number(p.first_row_index) > 0 &&
          Number(p.first_row_index) < deeper + 10 &&
          Number(pages[i + 1]?.first_row_index ?? Infinity) > deeper,
      );
      pageBytes += holding.reduce((sum, p) => sum + p.compressed_page_size, 0);
    }
    expect(await reader.readRows(deeper, 10)).toEqual(expectedRows(parquetNames.multiPage).slice(deeper, deeper + 10));
    expect(source.bytes).toBe(pageBytes);
  });
});

describe('parquetTable page-level reads (DuckDB file: one data page per column chunk)', () => {
  it("first 100 rows cost one read of group 0's column chunks; later rows in the group cost none", async () => {
    const metadata = await parquetFooterRead(fixtureSource(parquetDir, parquetNames.multiGroup));
    const group = metadata.row_groups[0];
    const groupBytes = (group?.columns ?? []).reduce((sum, c) => sum + Number(c.meta_data?.total_compressed_size), 0);
    const source = countingSource(fixtureSource(parquetDir, parquetNames.multiGroup));
    const reader = await parquetTable(source, { metadata, prefetch: false });
    const expected = expectedRows(parquetNames.multiGroup);
    expect(await reader.readRows(0, 100)).toEqual(expected.slice(0, 100));
    expect(source.reads).toBe(1);
    expect(source.bytes).toBe(groupBytes);
    source.reset();
    expect(await reader.readRows(3, 5)).toEqual(expected.slice(3, 8));
    expect(await reader.readRows(9_000, 100)).toEqual(expected.slice(9_000, 9_100));
    expect(source.reads).toBe(0);
  });

  it('prefetches the next page: a read ending at a group boundary fetches the next group ahead', async () => {
    const source = countingSource(fixtureSource(parquetDir, parquetNames.multiGroup));
    const reader = await parquetTable(source);
    const boundary = 10_240; // DuckDB rounds ROW_GROUP_SIZE 10000 up to whole 2,048-row vectors
    await reader.readRows(boundary - 100, 100);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(source.reads).toBe(3); // footer, group 0, group 1 ahead
    expect(await reader.readRows(boundary, 100)).toEqual(expectedRows(parquetNames.multiGroup).slice(boundary, boundary + 100));
    expect(source.reads).toBe(3);
  });
});
