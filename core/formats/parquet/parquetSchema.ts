/**
 * Parquet schema from the footer only: one tail read, a second only for a larger footer.
 */
import { parquetMetadata, parquetSchema } from 'hyparquet';
import type { FileMetaData, SchemaTree } from 'hyparquet';
import type { ByteSource } from '../../bytes/byteSource';
import { ShiplensError, isShiplensError } from '../../errors';
import { parquetFooterProblem } from './parquetErrors';

export interface ParquetColumnSchema {
  name: string;
  /** Dotted path for nested columns. */
  path: string;
  physicalType: string;
  logicalType?: string;
  repetition: 'REQUIRED' | 'OPTIONAL' | 'REPEATED';
  codec?: string;
  /** How values are shown when that is not plain from the types: bytes not known to be text. */
  shownAs?: string;
}

/** Same shape as `ParquetSchemaInfo` in main/api/contract.ts, without key/bytesRead/reads. */
export interface ParquetSchema {
  numRows: number;
  rowGroups: number;
  createdBy?: string;
  codecs: string[];
  columns: ParquetColumnSchema[];
  keyValueMetadata: { key: string; value: string }[];
  /** What was read despite a fault (footer num_rows contradicted by the row groups). */
  warnings?: string[];
}

export interface ParquetFooterOptions {
  /** First tail read in bytes (default 64 KiB: most footers fit, big objects cost 2 reads). */
  initialFetchBytes?: number;
  /** Largest footer accepted (default 64 MiB), checked before allocating. */
  maxFooterBytes?: number;
  signal?: AbortSignal;
}

const magic = 0x31524150; // "PAR1" little-endian

function corrupt(source: ByteSource, message: string, cause?: unknown): ShiplensError {
  return new ShiplensError('PARQUET_CORRUPT', message, {
    source: source.name,
    hint: 'The file is damaged; download it again or check the writer.',
    cause,
  });
}

async function notParquetOrTruncated(source: ByteSource, signal?: AbortSignal): Promise<ShiplensError> {
  const head = await source.read(0, 4, signal);
  if (new DataView(head.buffer, head.byteOffset, 4).getUint32(0, true) === magic) {
    return new ShiplensError('TRUNCATED', 'The file starts like Parquet but has no footer (no PAR1 at the end).', {
      source: source.name,
      hint: 'The object is truncated; download it again.',
    });
  }
  return new ShiplensError('NOT_PARQUET', 'This is not a Parquet file (no PAR1 magic).', {
    source: source.name,
    hint: 'Open it as JSON or CSV, or check the object name.',
  });
}

/**
 * Read and parse the footer (FileMetaData) with ≤ 2 range reads of about the footer's size.
 *
 * Errors: EMPTY_INPUT, NOT_PARQUET (no magic), TRUNCATED (head magic, no tail magic),
 * PARQUET_CORRUPT (footer length past the file, undecodable footer, counts or chunk offsets
 * that do not fit the file: parquetFooterCheck), TOO_LARGE (footer over limit).
 */
export async function parquetFooterRead(source: ByteSource, options: ParquetFooterOptions = {}): Promise<FileMetaData> {
  const { size } = source;
  if (size === 0) throw new ShiplensError('EMPTY_INPUT', 'The file is empty.', { source: source.name });
  if (size < 12)
    throw new ShiplensError('NOT_PARQUET', `The file is ${size} bytes, too short for Parquet (at least 12).`, { source: source.name });
  const first = Math.min(size, options.initialFetchBytes ?? 64 * 1024);
  const tail = await source.read(size - first, first, options.signal);
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  if (view.getUint32(first - 4, true) !== magic) throw await notParquetOrTruncated(source, options.signal);
  const footerLength = view.getUint32(first - 8, true);
  if (footerLength + 12 > size) throw corrupt(source, `The footer length ${footerLength} is past the start of the ${size}-byte file.`);
  if (footerLength > (options.maxFooterBytes ?? 64 * 1024 * 1024)) {
    throw new ShiplensError('TOO_LARGE', `The Parquet footer is ${footerLength} bytes, over the limit.`, { source: source.name });
  }
  let footer = tail;
  if (footerLength + 8 > first) {
    const rest = await source.read(size - footerLength - 8, footerLength + 8 - first, options.signal);
    footer = new Uint8Array(footerLength + 8);
    footer.set(rest, 0);
    footer.set(tail, rest.length);
  }
  let metadata: FileMetaData;
  try {
    metadata = parquetMetadata(footer, { geoparquet: false });
  } catch (error) {
    if (isShiplensError(error)) throw error;
    throw corrupt(source, `The Parquet footer cannot be decoded: ${parquetFooterProblem(error)}.`, error);
  }
  parquetFooterCheck(source, metadata, size - footerLength - 8);
  return metadata;
}

/** A count or offset from the footer as a safe non-negative integer, or null. */
function footerInt(value: bigint | number | undefined): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

function chunksCheck(source: ByteSource, metadata: FileMetaData, dataEnd: number): void {
  metadata.row_groups.forEach((group, g) => {
    group.columns.forEach((column, c) => {
      const meta = column.meta_data;
      if (!meta) return;
      // Where the page reader starts a chunk: its dictionary page, else its first data page.
      const start = footerInt(meta.dictionary_page_offset || meta.data_page_offset);
      const length = footerInt(meta.total_compressed_size);
      if (start === null || length === null || start < 4 || start + length > dataEnd) {
        const name = Array.isArray(meta.path_in_schema) ? meta.path_in_schema.join('.') : '';
        if (start === null || length === null)
          throw corrupt(source, `Row group ${g}, column ${c} (${name}) has no valid data page offset or size.`);
        throw corrupt(
          source,
          `Row group ${g}, column ${c} (${name}) claims bytes ${start}+${length}, outside the data of the file (bytes 4 to ${dataEnd}).`,
        );
      }
    });
  });
}

const footerWarnings = new WeakMap<FileMetaData, string[]>();

/** What parquetFooterCheck accepted despite a fault (empty when the footer is consistent). */
export function parquetFooterWarnings(metadata: FileMetaData): string[] {
  return footerWarnings.get(metadata) ?? [];
}

/**
 * Check the footer's counts and offsets against the file before any row is read: each row
 * group's num_rows must be exact in a double (≤ 2^53 - 1) and non-negative, and every column
 * chunk must lie between the head magic and the footer (`dataEnd`). The file-level num_rows
 * is trusted only when it is their sum: otherwise the row groups win (as in DuckDB and Arrow,
 * which read a file whose footer says 0 rows while its row group holds 6), the metadata is
 * corrected in place and a warning is kept for parquetFooterWarnings.
 */
export function parquetFooterCheck(
  source: ByteSource,
  metadata: FileMetaData,
  dataEnd = source.size - Number(metadata.metadata_length) - 8,
): void {
  let sum = 0;
  metadata.row_groups.forEach((group, g) => {
    const groupRows = footerInt(group.num_rows);
    if (groupRows === null)
      throw corrupt(
        source,
        group.num_rows === undefined
          ? `Row group ${g} has no row count.`
          : `Row group ${g} declares ${String(group.num_rows)} rows, which is not a row count (0 to 2^53 - 1).`,
      );
    sum += groupRows;
  });
  if (!Number.isSafeInteger(sum)) throw corrupt(source, `The row groups hold ${sum} rows in all, more than 2^53 - 1.`);
  chunksCheck(source, metadata, dataEnd);
  if (footerInt(metadata.num_rows) !== sum) {
    const group = metadata.row_groups.length === 1 ? 'row group' : `${metadata.row_groups.length} row groups`;
    const warning = `The Parquet footer declares ${String(metadata.num_rows)} rows, but its ${group} hold${metadata.row_groups.length === 1 ? 's' : ''} ${sum}; read ${sum} rows.`;
    footerWarnings.set(metadata, [...parquetFooterWarnings(metadata), warning]);
    metadata.num_rows = BigInt(sum);
  }
}

function leaves(tree: SchemaTree, out: SchemaTree[] = []): SchemaTree[] {
  if (tree.children.length === 0) out.push(tree);
  for (const child of tree.children) leaves(child, out);
  return out;
}

/**
 * The logical type as users read it: the logical type name, else the converted type, with
 * what changes its meaning: DECIMAL(precision,scale), TIMESTAMP(unit, UTC or local).
 */
function logicalOf(tree: SchemaTree): string | undefined {
  const { logical_type: logical, converted_type: converted, precision, scale } = tree.element;
  if (logical?.type === 'DECIMAL') return `DECIMAL(${logical.precision},${logical.scale})`;
  if (converted === 'DECIMAL') return `DECIMAL(${precision ?? '?'},${scale ?? 0})`;
  if (logical?.type === 'TIMESTAMP') return `TIMESTAMP(${logical.unit},${logical.isAdjustedToUTC ? 'UTC' : 'local'})`;
  if (!logical && !converted && tree.element.type === 'INT96') return 'TIMESTAMP(INT96)';
  return logical?.type ?? converted ?? undefined;
}

/** Bytes with no annotation saying they are text (parquetBytesText shows them as text or hex). */
function isBinary(tree: SchemaTree): boolean {
  const { type, logical_type: logical, converted_type: converted } = tree.element;
  return (type === 'BYTE_ARRAY' || type === 'FIXED_LEN_BYTE_ARRAY') && !logical && !converted;
}

/** Plain schema facts from FileMetaData (no I/O). */
export function parquetSchemaFromMetadata(metadata: FileMetaData): ParquetSchema {
  const tree = parquetSchema(metadata);
  const firstGroup = metadata.row_groups[0];
  const columns = leaves(tree)
    .filter((leaf) => leaf !== tree)
    .map((leaf, i): ParquetColumnSchema => {
      const column: ParquetColumnSchema = {
        name: leaf.path[0] ?? leaf.element.name,
        path: leaf.path.join('.'),
        physicalType: leaf.element.type ?? 'GROUP',
        repetition: leaf.element.repetition_type ?? 'REQUIRED',
      };
      const logical = logicalOf(leaf);
      if (logical) column.logicalType = logical;
      if (isBinary(leaf)) column.shownAs = 'UTF-8 text; values that are not UTF-8 as 0x hex';
      const codec = firstGroup?.columns[i]?.meta_data?.codec;
      if (codec) column.codec = codec;
      return column;
    });
  const codecs = new Set<string>();
  for (const group of metadata.row_groups) for (const chunk of group.columns) if (chunk.meta_data) codecs.add(chunk.meta_data.codec);
  const schema: ParquetSchema = {
    numRows: Number(metadata.num_rows),
    rowGroups: metadata.row_groups.length,
    codecs: [...codecs],
    columns,
    keyValueMetadata: (metadata.key_value_metadata ?? []).map((kv) => ({ key: kv.key, value: kv.value ?? '' })),
  };
  if (metadata.created_by) schema.createdBy = metadata.created_by;
  const warnings = parquetFooterWarnings(metadata);
  if (warnings.length) schema.warnings = warnings;
  return schema;
}

/** The schema of a Parquet object from its footer alone (≤ 2 range reads). */
export async function parquetSchemaRead(source: ByteSource, options: ParquetFooterOptions = {}): Promise<ParquetSchema> {
  const metadata = await parquetFooterRead(source, options);
  try {
    return parquetSchemaFromMetadata(metadata);
  } catch (error) {
    if (isShiplensError(error)) throw error;
    throw corrupt(source, `The Parquet schema is invalid: ${parquetFooterProblem(error)}.`, error);
  }
}
