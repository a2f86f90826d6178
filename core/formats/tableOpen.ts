/**
 * The one entry point the API and the CLI call to open an object as a table.
 */
import type { ByteSource } from '../bytes/byteSource';
import { byteSourceReadAll } from '../bytes/byteSource';
import { snappyDecode } from '../codecs/snappy';
import { maxDecodeBytesDefault } from '../model/decodeCap';
import type { RawBlockDecoder, SnappyVariant } from '../codecs/snappy';
import { ShiplensError, isShiplensError, throwIfCancelled, toShiplensError } from '../errors';
import type { Compression, StorageFormat } from '../model/rule';
import { formatDetect, looksLikeJson } from '../detect/formatDetect';
import type { FormatDetection } from '../model/detection';
import { jsonLinesTable } from './jsonLines';
import { parquetTable } from './parquet';
import { csvDialectDefault } from '../model/csvDialect';
import type { CsvDialect } from '../model/csvDialect';
import { shippedCsvTable } from './shippedCsv';
import type { TableWarning } from '../model/cells';
import type { TableReader } from './table';

/** Hints, dialect, limits and platform pieces for `tableOpen`. */
export interface TableOpenOptions {
  format?: StorageFormat;
  compression?: Compression;
  dialect?: CsvDialect;
  /** Largest decoded JSON/CSV text (default 1 GiB), checked before allocating. */
  maxDecodeBytes?: number;
  /** Native raw-block decoder injected by main/CLI (snappy objects and Parquet SNAPPY chunks). */
  rawDecoder?: RawBlockDecoder;
  /** Zone UTC-adjusted Parquet timestamps are shown in, with their offset (default UTC). */
  timeZone?: string;
  /** Longest JSON line (default 64 MiB). */
  maxLineBytes?: number;
  /** Most columns (default 2,000): further JSON keys or CSV fields share one column as JSON. */
  maxColumns?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number | null) => void;
}

/** An object opened as a table: the reader, what it was, and warnings. */
export interface OpenedTable {
  reader: TableReader;
  format: StorageFormat;
  compression: Compression;
  snappyVariant?: SnappyVariant;
  detectedBy: FormatDetection['detectedBy'];
  /** Decoded bytes for the raw view of JSON/CSV; null for Parquet. */
  text: Uint8Array | null;
  warnings: TableWarning[];
  /** Frees what the table holds outside this object (a worker thread); called by the table registry. */
  close?: () => void;
}

// Decoder verdicts that mean "these bytes are not snappy at all" rather than a real failure.
const notSnappyCodes = new Set(['NOT_SNAPPY', 'TRUNCATED', 'SNAPPY_BAD_OFFSET', 'SNAPPY_BAD_LENGTH', 'CHECKSUM_MISMATCH']);

async function textBytes(
  source: ByteSource,
  detection: FormatDetection,
  options: TableOpenOptions,
  warnings: TableWarning[],
): Promise<{ bytes: Uint8Array; variant?: SnappyVariant }> {
  const limit = options.maxDecodeBytes ?? maxDecodeBytesDefault;
  const raw = await byteSourceReadAll(source, limit, options.signal);
  if (detection.compression !== 'snappy') return { bytes: raw };
  try {
    const decoded = await snappyDecode(raw, {
      maxDecodeBytes: limit,
      rawDecoder: options.rawDecoder,
      // Named `.snappy`/`.snappy.csv` or hinted: a corrupt header is reported as one, not NOT_SNAPPY.
      presentedAsSnappy: detection.detectedBy !== 'content',
      signal: options.signal,
      onProgress: options.onProgress,
      source: source.name,
    });
    return { bytes: decoded.output, variant: decoded.variant };
  } catch (error) {
    // Snappy guessed from a few bytes of an un-suffixed object (short text can look like a raw
    // block): when it does not decode, the object is plain text after all.
    if (detection.detectedBy !== 'content' || !isShiplensError(error) || !notSnappyCodes.has(error.code)) throw error;
    warnings.length = 0;
    warnings.push({ message: 'The first bytes looked like snappy, but the object does not decode as snappy; read as plain text.' });
    detection.compression = 'none';
    detection.format = looksLikeJson(raw.subarray(0, 64)) ? 'json' : 'csv';
    delete detection.snappyVariant;
    return { bytes: raw };
  }
}

function utf8Text(bytes: Uint8Array, source?: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new ShiplensError('UTF8_INVALID', 'The CSV text is not valid UTF-8.', {
      source,
      cause: error,
      hint: 'Check that this is a Log Service CSV object.',
    });
  }
}

async function tableOpenUnchecked(source: ByteSource, options: TableOpenOptions): Promise<OpenedTable> {
  const detection = await formatDetect(source, { format: options.format, compression: options.compression }, options.signal);
  const base = { format: detection.format, compression: detection.compression, detectedBy: detection.detectedBy };
  const warnings: TableWarning[] = detection.note ? [{ message: detection.note }] : [];
  if (detection.format === 'parquet') {
    const reader = await parquetTable(source, {
      rawDecoder: options.rawDecoder,
      signal: options.signal,
      timeZone: options.timeZone,
      warnings,
    });
    return { ...base, reader, text: null, warnings };
  }
  const { bytes, variant } = await textBytes(source, detection, options, warnings);
  throwIfCancelled(options.signal);
  base.format = detection.format;
  base.compression = detection.compression;
  const opened =
    detection.format === 'json'
      ? jsonLinesTable(bytes, {
          maxLineBytes: options.maxLineBytes,
          maxColumns: options.maxColumns,
          source: source.name,
          signal: options.signal,
        })
      : shippedCsvTable(utf8Text(bytes, source.name), options.dialect ?? csvDialectDefault, {
          source: source.name,
          signal: options.signal,
          maxColumns: options.maxColumns,
        });
  const result: OpenedTable = { ...base, reader: opened.reader, text: bytes, warnings: [...warnings, ...opened.warnings] };
  if (variant) result.snappyVariant = variant;
  return result;
}

/**
 * Open any shipped object as a table: detect format + compression, decode snappy, build the reader.
 *
 * Hints (`format`, `compression`) override the name. JSON/CSV objects are decoded once (with
 * the size cap) and `text` keeps the decoded bytes for the raw view; Parquet is read by range.
 * Every failure is a ShiplensError naming the source.
 */
export async function tableOpen(source: ByteSource, options: TableOpenOptions = {}): Promise<OpenedTable> {
  try {
    return await tableOpenUnchecked(source, options);
  } catch (error) {
    throw toShiplensError(error, source.name);
  }
}
