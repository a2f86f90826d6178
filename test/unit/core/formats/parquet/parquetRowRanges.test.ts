import type { FileMetaData } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { parquetGroupSlices, parquetRowsFromColumns } from '../../../../../core/formats/parquet/parquetRowRanges';

const threeGroups = { row_groups: [{ num_rows: 10n }, { num_rows: 0n }, { num_rows: 5n }] } as unknown as FileMetaData;

describe('parquetGroupSlices', () => {
  it('gives the row groups a range overlaps with group-relative bounds (an empty group inside it too)', () => {
    expect(parquetGroupSlices(threeGroups, 8, 12)).toEqual([
      [0, 8, 10],
      [1, 0, 0],
      [2, 0, 2],
    ]);
    expect(parquetGroupSlices(threeGroups, 0, 10)).toEqual([[0, 0, 10]]);
    expect(parquetGroupSlices(threeGroups, 15, 20)).toEqual([]);
  });
});

describe('parquetRowsFromColumns', () => {
  it('turns column arrays into rows from an offset, each column through its own cell function', () => {
    const rows = parquetRowsFromColumns(
      [
        [1, 2, 3],
        ['a', 'b', 'c'],
      ],
      2,
      [(v) => `n${String(v)}`, (v) => `s${String(v)}`],
      1,
    );
    expect(rows).toEqual([
      ['n2', 'sb'],
      ['n3', 'sc'],
    ]);
  });
});
