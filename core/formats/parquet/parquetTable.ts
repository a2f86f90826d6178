/**
 * Parquet rows as a paged TableReader on hyparquet, reading only the row groups a page needs.
 */
import { parquetRead, parquetSchema, snappyUncompress } from 'hyparquet';
import type { AsyncBuffer, Compressors, FileMetaData, SchemaElement, SchemaTree } from 'hyparquet';
import { decompressBrotli, decompressGzip, decompressLz4, decompressLz4Raw, decompressZstd } from 'hyparquet-compressors';
import type { ByteSource } from '../../bytes/byteSource';
import type { RawBlockDecoder } from '../../codecs/snappy';
import { hysnappyRawDecoder } from '../../codecs/snappy/hysnappyDecoder';
import { ShiplensError, throwIfCancelled } from '../../errors';
import { tableBatchRows } from '../table';
import type { Cell, ColumnType, TableColumn, TableWarning } from '../../model/cells';
import type { TableReader } from '../table';
import { parquetBufferFrom } from './parquetBuffer';
import { parquetAtAsync, parquetReadError } from './parquetErrors';
import { parquetIsFlat, parquetPageReader } from './parquetPageReader';
import type { ParquetGroupStream, ParquetPageReader } from './parquetPageReader';
import { parquetFooterCheck, parquetFooterRead, parquetFooterWarnings } from './parquetSchema';
import { parquetCell, parquetCellFor, parquetNestedCellFor, parquetNestedParsers, parquetTopLevelRawElement } from './parquetValues';

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

/** Column type as the table shows it, from a top-level schema element. */
function columnTypeOf(element: SchemaElement): ColumnType {
  const logical = element.logical_type?.type;
  const converted = element.converted_type;
  if (element.num_children) return 'json';
  if (logical === 'TIMESTAMP' || converted === 'TIMESTAMP_MILLIS' || converted === 'TIMESTAMP_MICROS' || element.type === 'INT96')
    return 'timestamp';
  if (logical === 'DATE' || converted === 'DATE') return 'date';
  if (logical === 'DECIMAL' || converted === 'DECIMAL') return 'decimal';
  if (logical === 'JSON' || converted === 'JSON') return 'json';
  switch (element.type) {
    case 'BOOLEAN':
      return 'boolean';
    case 'INT32':
      return 'int32';
    case 'INT64':
      return 'int64';
    case 'FLOAT':
      return 'float';
    case 'DOUBLE':
      return 'double';
    // SLS writes strings as plain BINARY (SPEC §3): shown as UTF-8 text.
    case 'BYTE_ARRAY':
      return 'string';
    case 'FIXED_LEN_BYTE_ARRAY':
      return 'binary';
    default:
      return 'unknown';
  }
}

/** Indexes in the flattened schema of the root's direct children, in schema order. */
function topIndexes(schema: SchemaElement[]): number[] {
  const out: number[] = [];
  const skip = (index: number): number => {
    let next = index + 1;
    for (let c = 0; c < (schema[index]?.num_children ?? 0); c++) next = skip(next);
    return next;
  };
  for (let c = 0, i = 1; c < (schema[0]?.num_children ?? 0) && i < schema.length; c++, i = skip(i)) out.push(i);
  return out;
}

function compressorsFor(options: ParquetTableOptions): Compressors {
  // Injected (main: WASM for pages, native for huge ones), else WASM snappy where it compiles.
  const decoder = options.rawDecoder ?? hysnappyRawDecoder() ?? undefined;
  const snappy = decoder
    ? (input: Uint8Array, length: number) => decoder.uncompress(input, length)
    : (input: Uint8Array, length: number) => {
        const output = new Uint8Array(length);
        snappyUncompress(input, output);
        return output;
      };
  // Log Service writes SNAPPY (SPEC §3); the others serve Parquet files users bring along.
  const others: Compressors = {
    GZIP: decompressGzip,
    ZSTD: (input: Uint8Array) => decompressZstd(input),
    BROTLI: decompressBrotli,
    LZ4: decompressLz4,
    LZ4_RAW: decompressLz4Raw,
  };
  return { ...others, SNAPPY: snappy, ...options.compressors };
}

function leafPaths(tree: SchemaTree, out = new Set<string>()): Set<string> {
  if (tree.children.length === 0) out.add(tree.path.join('.'));
  for (const child of tree.children) leafPaths(child, out);
  return out;
}

/** Top-level columns with their schema elements. */
function topColumns(metadata: FileMetaData): (TableColumn & { element: SchemaElement })[] {
  return topIndexes(metadata.schema).map((i) => {
    const element = metadata.schema[i] as SchemaElement;
    return { name: element.name, type: columnTypeOf(element), element };
  });
}

/**
 * Every column chunk must name a distinct schema leaf. hyparquet reads chunks in parallel and
 * awaits only those it can place in the schema, so a chunk naming no leaf (or a leaf twice)
 * would fail as an unhandled rejection, which ends a Node process (fuzzing found it).
 */
function parquetChunksCheck(source: ByteSource, metadata: FileMetaData): void {
  let leaves: Set<string>;
  try {
    leaves = leafPaths(parquetSchema(metadata));
  } catch (error) {
    throw parquetReadError(source, error);
  }
  metadata.row_groups.forEach((group, g) => {
    const seen = new Set<string>();
    for (const chunk of group.columns) {
      const path = chunk.meta_data?.path_in_schema;
      const name = Array.isArray(path) ? path.join('.') : '';
      if (!leaves.has(name) || seen.has(name)) {
        throw new ShiplensError(
          'PARQUET_CORRUPT',
          `Row group ${g} has a column chunk for ${JSON.stringify(name)}, which the schema does not hold once.`,
          {
            source: source.name,
            hint: 'The file is damaged; download it again or check the writer.',
          },
        );
      }
      seen.add(name);
    }
  });
}

type CellOf = (value: unknown) => Cell;

/** Column arrays → rows of cells, each column through its own cell function (parquetCellFor). */
function rowsFromColumns(columns: ArrayLike<unknown>[], count: number, cells: CellOf[], from = 0): Cell[][] {
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
  const top = new Set(topIndexes(metadata.schema));
  const schema = metadata.schema.map((element, i) => (top.has(i) && !element.num_children ? parquetTopLevelRawElement(element) : element));
  return { ...metadata, schema };
}

/** Rows of a nested file through hyparquet, one row group at a time (a failure names its group). */
async function nestedRange(
  file: AsyncBuffer,
  metadata: FileMetaData,
  compressors: Compressors,
  cells: CellOf[],
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
function groupSlices(metadata: FileMetaData, start: number, end: number): [number, number, number][] {
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
async function pagedRange(
  pages: ParquetPageReader,
  metadata: FileMetaData,
  cells: CellOf[],
  start: number,
  end: number,
  signal?: AbortSignal,
): Promise<Cell[][]> {
  const parts = await Promise.all(
    groupSlices(metadata, start, end).map(async ([group, from, to]) =>
      rowsFromColumns(await pages.groupRead(group, from, to, signal), to - from, cells),
    ),
  );
  return parts.length === 1 ? (parts[0] as Cell[][]) : parts.flat();
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
  const compressors = compressorsFor(options);
  const top = topColumns(metadata);
  const columns: TableColumn[] = top.map(({ name, type }) => ({ name, type }));
  const trees = parquetSchema(metadata).children;
  const cells = top.map(({ element }, i) => {
    const tree = trees[i];
    return element.num_children && tree ? parquetNestedCellFor(tree, options.timeZone) : parquetCellFor(element, options.timeZone);
  });
  for (const message of parquetFooterWarnings(metadata)) options.warnings?.push({ message });
  const numRows = Number(metadata.num_rows);
  let flat: boolean;
  try {
    flat = parquetIsFlat(metadata);
  } catch (error) {
    throw parquetReadError(source, error);
  }
  const pages = flat
    ? parquetPageReader(source, metadata, { compressors, cacheBytes: options.cacheBytes, gapBytes: options.gapBytes })
    : null;
  const file = parquetBufferFrom(source, { cacheBytes: options.cacheBytes, signal: options.signal });

  const readRange = async (rowStart: number, rowEnd: number, signal?: AbortSignal): Promise<Cell[][]> => {
    throwIfCancelled(signal);
    let rows: Cell[][] = [];
    try {
      if (pages) rows = await pagedRange(pages, metadata, cells, rowStart, rowEnd, signal);
      else rows = await nestedRange(file, metadata, compressors, cells, rowStart, rowEnd);
    } catch (error) {
      throw parquetReadError(source, error);
    }
    throwIfCancelled(signal);
    return rows;
  };
  /** A group's rows in forward windows (page path): one page per column decompressed at a time. */
  const groupStream = async (group: number, signal?: AbortSignal): Promise<ParquetGroupStream> => {
    throwIfCancelled(signal);
    try {
      return await (pages as ParquetPageReader).groupStream(group, signal);
    } catch (error) {
      throw parquetReadError(source, error);
    }
  };
  const take = (stream: ParquetGroupStream, count: number): Cell[][] => {
    try {
      return rowsFromColumns(stream.take(count), count, cells);
    } catch (error) {
      throw parquetReadError(source, error);
    }
  };
  return {
    columns,
    numRows,
    async readRows(offset, limit, signal) {
      if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(limit) || offset < 0 || limit < 0) {
        throw new ShiplensError('INVALID_ARGUMENT', `Invalid row range ${offset}+${limit}.`, { source: source.name });
      }
      const end = Math.min(numRows, offset + limit);
      if (end <= offset) return [];
      const rows = await readRange(offset, end, signal);
      if (pages && options.prefetch !== false && end < numRows) {
        for (const [group, from, to] of groupSlices(metadata, end, Math.min(numRows, end + limit))) pages.groupPrefetch(group, from, to);
      }
      return rows;
    },
    async *rowBatches(signal) {
      // Sized in cells (issue 12): 10,000 rows of a 5,000-column file would be 50 million cells;
      // up to 50 columns keep 10,000-row batches (decoded per page, cheaper per cell than text).
      const step = options.batchRows ?? tableBatchRows(columns.length, 10_000, 500_000);
      // One read per row group: its column chunks are fetched and decoded once (constant per
      // group, not per batch; re-reading a group per batch would decode its pages quadratically).
      let groupStart = 0;
      for (const [index, group] of metadata.row_groups.entries()) {
        const groupEnd = groupStart + Number(group.num_rows);
        if (groupEnd > groupStart && pages) {
          // Values are decoded per batch: a group's cells never all exist at once.
          const stream = await groupStream(index, signal);
          for (let start = 0; start < groupEnd - groupStart; start += step) {
            throwIfCancelled(signal);
            yield take(stream, Math.min(step, groupEnd - groupStart - start));
          }
        } else if (groupEnd > groupStart) {
          const rows = await readRange(groupStart, groupEnd, signal);
          for (let start = 0; start < rows.length; start += step) yield rows.slice(start, start + step);
        }
        groupStart = groupEnd;
      }
    },
  };
}
