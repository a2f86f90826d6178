/**
 * Parquet rows as a paged TableReader on hyparquet, reading only the row groups a page needs.
 */
import type { AsyncBuffer, Compressors, FileMetaData } from 'hyparquet';
import type { RawBlockDecoder } from '../../codecs/snappy';
import type { ByteSource } from '../../bytes/byteSource';
import { ShiplensError, throwIfCancelled } from '../../errors';
import { tableBatchRows } from '../table';
import type { Cell, TableWarning } from '../../model/cells';
import type { TableReader } from '../table';
import { parquetBufferFrom } from './parquetBuffer';
import { parquetChunksCheck, parquetColumnsOf } from './parquetColumns';
import type { ParquetCellOf } from './parquetColumns';
import { parquetCompressorsFor } from './parquetCompressors';
import { parquetReadError } from './parquetErrors';
import { parquetIsFlat, parquetPageReader } from './parquetPageReader';
import type { ParquetGroupStream, ParquetPageReader } from './parquetPageReader';
import { parquetGroupSlices, parquetNestedRange, parquetPagedRange, parquetRowsFromColumns } from './parquetRowRanges';
import { parquetFooterCheck, parquetFooterRead, parquetFooterWarnings } from './parquetSchema';

export interface ParquetTableOptions {
  /** Footer already read (saves the footer reads). */
  metadata?: FileMetaData;
  /** Raw snappy block decoder for SNAPPY column chunks; default hysnappy (WASM), else hyparquet's JS snappy. */
  rawDecoder?: RawBlockDecoder;
  /** Codecs that replace the defaults (GZIP, ZSTD, BROTLI, LZ4 from hyparquet-compressors). */
  compressors?: Compressors;
  /** Rows per batch of `rowBatches` (default 10,000). */
  batchRows?: number;
  /** Budget for fetched bytes and decoded pages (default 64 MiB). */
  cacheBytes?: number;
  /** Unrequested bytes between two needed ranges still fetched in one read (default 256 KiB). */
  gapBytes?: number;
  /** Fetch the rows after each page read ahead (default on: scrolling on a slow link). */
  prefetch?: boolean;
  /** Zone UTC-adjusted timestamps are shown in, with their offset (default UTC). */
  timeZone?: string;
  /** Receives what was read despite a fault (a footer row count the row groups contradict). */
  warnings?: TableWarning[];
  signal?: AbortSignal;
}

/** What reading rows of one open file needs. */
interface ParquetOpen {
  source: ByteSource;
  metadata: FileMetaData;
  cells: ParquetCellOf[];
  compressors: Compressors;
  /** The page reader (flat files), else null: nested files go through hyparquet. */
  pages: ParquetPageReader | null;
  file: AsyncBuffer;
}

/** The page reader for a flat file, else null (a schema hyparquet cannot read fails in Parquet terms). */
function pageReaderFor(
  source: ByteSource,
  metadata: FileMetaData,
  compressors: Compressors,
  options: ParquetTableOptions,
): ParquetPageReader | null {
  let flat: boolean;
  try {
    flat = parquetIsFlat(metadata);
  } catch (error) {
    throw parquetReadError(source, error);
  }
  return flat ? parquetPageReader(source, metadata, { compressors, cacheBytes: options.cacheBytes, gapBytes: options.gapBytes }) : null;
}

async function readRange(open: ParquetOpen, rowStart: number, rowEnd: number, signal?: AbortSignal): Promise<Cell[][]> {
  throwIfCancelled(signal);
  let rows: Cell[][] = [];
  try {
    if (open.pages) rows = await parquetPagedRange(open.pages, open.metadata, open.cells, rowStart, rowEnd, signal);
    else rows = await parquetNestedRange(open.file, open.metadata, open.compressors, open.cells, rowStart, rowEnd);
  } catch (error) {
    throw parquetReadError(open.source, error);
  }
  throwIfCancelled(signal);
  return rows;
}

/** A group's rows in forward windows (page path): one page per column decompressed at a time. */
async function groupStream(open: ParquetOpen, group: number, signal?: AbortSignal): Promise<ParquetGroupStream> {
  throwIfCancelled(signal);
  try {
    return await (open.pages as ParquetPageReader).groupStream(group, signal);
  } catch (error) {
    throw parquetReadError(open.source, error);
  }
}

function take(open: ParquetOpen, stream: ParquetGroupStream, count: number): Cell[][] {
  try {
    return parquetRowsFromColumns(stream.take(count), count, open.cells);
  } catch (error) {
    throw parquetReadError(open.source, error);
  }
}

/**
 * Every row in batches of `step`, one read per row group: its column chunks are fetched and
 * decoded once (constant per group, not per batch; re-reading a group per batch would decode
 * its pages quadratically).
 */
async function* rowBatches(open: ParquetOpen, step: number, signal?: AbortSignal): AsyncGenerator<Cell[][]> {
  let groupStart = 0;
  for (const [index, group] of open.metadata.row_groups.entries()) {
    const groupEnd = groupStart + Number(group.num_rows);
    if (groupEnd > groupStart && open.pages) {
      // Values are decoded per batch: a group's cells never all exist at once.
      const stream = await groupStream(open, index, signal);
      for (let start = 0; start < groupEnd - groupStart; start += step) {
        throwIfCancelled(signal);
        yield take(open, stream, Math.min(step, groupEnd - groupStart - start));
      }
    } else if (groupEnd > groupStart) {
      const rows = await readRange(open, groupStart, groupEnd, signal);
      for (let start = 0; start < rows.length; start += step) yield rows.slice(start, start + step);
    }
    groupStart = groupEnd;
  }
}

/**
 * Open a Parquet object as a TableReader (footer read once; pages read by row range).
 *
 * Flat files (every SLS object) go through the page reader: `readRows` fetches and decodes
 * only the pages holding the rows, then fetches the next page ahead. Nested files use
 * hyparquet's `parquetRead` by row group. INT64 → bigint, BINARY/UTF8 → string, null ≠ ''.
 */
export async function parquetTable(source: ByteSource, options: ParquetTableOptions = {}): Promise<TableReader> {
  const given = options.metadata;
  // A footer read here is checked by parquetFooterRead; one handed in is checked the same way.
  if (given) parquetFooterCheck(source, given);
  const metadata = given ?? (await parquetFooterRead(source, { signal: options.signal }));
  parquetChunksCheck(source, metadata);
  const compressors = parquetCompressorsFor(options);
  const { columns, cells } = parquetColumnsOf(metadata, options.timeZone);
  for (const message of parquetFooterWarnings(metadata)) options.warnings?.push({ message });
  const numRows = Number(metadata.num_rows);
  const pages = pageReaderFor(source, metadata, compressors, options);
  const file = parquetBufferFrom(source, { cacheBytes: options.cacheBytes, signal: options.signal });
  const open: ParquetOpen = { source, metadata, cells, compressors, pages, file };
  return {
    columns,
    numRows,
    async readRows(offset, limit, signal) {
      if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(limit) || offset < 0 || limit < 0) {
        throw new ShiplensError('INVALID_ARGUMENT', `Invalid row range ${offset}+${limit}.`, { source: source.name });
      }
      const end = Math.min(numRows, offset + limit);
      if (end <= offset) return [];
      const rows = await readRange(open, offset, end, signal);
      if (pages && options.prefetch !== false && end < numRows) {
        for (const [group, from, to] of parquetGroupSlices(metadata, end, Math.min(numRows, end + limit)))
          pages.groupPrefetch(group, from, to);
      }
      return rows;
    },
    // Sized in cells (issue 12): 10,000 rows of a 5,000-column file would be 50 million cells;
    // up to 50 columns keep 10,000-row batches (decoded per page, cheaper per cell than text).
    rowBatches: (signal) => rowBatches(open, options.batchRows ?? tableBatchRows(columns.length, 10_000, 500_000), signal),
  };
}
