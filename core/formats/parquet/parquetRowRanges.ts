/**
 * Row ranges of a Parquet table as cells: flat files through the page reader (only the pages
 * holding the rows), nested files through hyparquet's parquetRead by row group.
 */
import { parquetRead } from 'hyparquet';
import type { AsyncBuffer, Compressors, FileMetaData } from 'hyparquet';
import type { Cell } from '../../model/cells';
import type { ParquetCellOf } from './parquetColumns';
import { parquetTopIndexes } from './parquetColumns';
import { parquetAtAsync } from './parquetErrors';
import type { ParquetPageReader } from './parquetPageReader';
import { parquetCell, parquetNestedParsers, parquetTopLevelRawElement } from './parquetValues';

/** Column arrays → rows of cells, each column through its own cell function (parquetCellFor). */
export function parquetRowsFromColumns(columns: ArrayLike<unknown>[], count: number, cells: ParquetCellOf[], from = 0): Cell[][] {
  const rows: Cell[][] = new Array(count);
  const width = columns.length;
  for (let r = 0; r < count; r++) {
    const row: Cell[] = new Array(width);
    for (let c = 0; c < width; c++) row[c] = (cells[c] ?? parquetCell)((columns[c] as ArrayLike<unknown>)[from + r]);
    rows[r] = row;
  }
  return rows;
}

/**
 * The footer hyparquet assembles nested files from, with top-level DECIMAL and TIMESTAMP
 * columns unannotated so their raw values reach parquetCellFor (nested ones stay hyparquet's).
 */
function nestedMetadata(metadata: FileMetaData): FileMetaData {
  const top = new Set(parquetTopIndexes(metadata.schema));
  const schema = metadata.schema.map((element, i) => (top.has(i) && !element.num_children ? parquetTopLevelRawElement(element) : element));
  return { ...metadata, schema };
}

/** Rows of a nested file through hyparquet, one row group at a time (a failure names its group). */
export async function parquetNestedRange(
  file: AsyncBuffer,
  metadata: FileMetaData,
  compressors: Compressors,
  cells: ParquetCellOf[],
  start: number,
  end: number,
): Promise<Cell[][]> {
  const nested = nestedMetadata(metadata);
  const out: Cell[][] = [];
  let groupStart = 0;
  for (const [index, group] of metadata.row_groups.entries()) {
    const groupEnd = groupStart + Number(group.num_rows);
    const [from, to] = [Math.max(start, groupStart), Math.min(end, groupEnd)];
    const onComplete = (r: unknown[][]): void => {
      for (const row of r) out.push(row.map((v, c) => (cells[c] ?? parquetCell)(v)));
    };
    if (from < to)
      await parquetAtAsync({ rowGroup: index }, () =>
        parquetRead({
          file,
          metadata: nested,
          rowStart: from,
          rowEnd: to,
          compressors,
          rowFormat: 'array',
          parsers: parquetNestedParsers,
          utf8: false,
          onComplete,
        }),
      );
    groupStart = groupEnd;
  }
  return out;
}

/** Row groups overlapping [start, end) as [group, selectStart, selectEnd] (group-relative). */
export function parquetGroupSlices(metadata: FileMetaData, start: number, end: number): [number, number, number][] {
  const out: [number, number, number][] = [];
  let groupStart = 0;
  metadata.row_groups.forEach((group, index) => {
    const groupEnd = groupStart + Number(group.num_rows);
    if (groupEnd > start && groupStart < end)
      out.push([index, Math.max(start, groupStart) - groupStart, Math.min(end, groupEnd) - groupStart]);
    groupStart = groupEnd;
  });
  return out;
}

/** Rows of a flat file through the page reader (only the pages holding the rows). */
export async function parquetPagedRange(
  pages: ParquetPageReader,
  metadata: FileMetaData,
  cells: ParquetCellOf[],
  start: number,
  end: number,
  signal?: AbortSignal,
): Promise<Cell[][]> {
  const parts = await Promise.all(
    parquetGroupSlices(metadata, start, end).map(async ([group, from, to]) =>
      parquetRowsFromColumns(await pages.groupRead(group, from, to, signal), to - from, cells),
    ),
  );
  return parts.length === 1 ? (parts[0] as Cell[][]) : parts.flat();
}
