/**
 * Refusals of bad Parquet files in Parquet terms: which row group, column and page (by file
 * offset) failed and what is wrong there, never the JavaScript engine's text ("Cannot read
 * properties of undefined", "Offset is outside the bounds of the DataView"). The reading steps
 * run inside `parquetAt`, which tags a failure with its place; `parquetReadError` words it.
 */
import type { ByteSource } from '../../bytes/byteSource';
import { ShiplensError, isShiplensError } from '../../errors';

/** Where in the file a reading step was. */
export interface ParquetPlace {
  rowGroup?: number;
  column?: string;
  /** File offset of the page (its header's first byte). */
  page?: number;
  /** What the step was doing: 'page headers', 'dictionary page', 'data page'. */
  step?: string;
  /** The column chunk's codec, named when its data does not decompress. */
  codec?: string;
}

/** A failure of a reading step, with its place. */
export class ParquetPlacedError extends Error {
  constructor(
    readonly place: ParquetPlace,
    readonly original: unknown,
  ) {
    super(original instanceof Error ? original.message : String(original));
    this.name = 'ParquetPlacedError';
  }
}

function placed(place: ParquetPlace, error: unknown): unknown {
  if (isShiplensError(error) || error instanceof ParquetPlacedError) return error;
  if (error instanceof Error && error.name === 'AbortError') return error;
  return new ParquetPlacedError(place, error);
}

/** A failure found by a reading step itself, with its place. */
export function parquetPlaced(place: ParquetPlace, message: string): ParquetPlacedError {
  return new ParquetPlacedError(place, new Error(message));
}

/** Run a synchronous reading step; a failure carries `place`. */
export function parquetAt<T>(place: ParquetPlace, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw placed(place, error);
  }
}

/** Run an asynchronous reading step; a failure carries `place`. */
export async function parquetAtAsync<T>(place: ParquetPlace, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw placed(place, error);
  }
}

// Engine messages (V8 TypeError/RangeError text) → what they mean for a Parquet file.
const engineMeanings: [RegExp, string][] = [
  [
    /outside the bounds of the DataView|out of bounds|offset is out of|beyond the end|Source is too large/i,
    'its bytes end before what its header declares (truncated, or a wrong length or offset)',
  ],
  [
    /Invalid array length|Array buffer allocation failed|Invalid typed array length/i,
    'it declares an impossible number of values or bytes',
  ],
  [
    /Cannot read properties of|is not a function|is not iterable|undefined is not|null is not|Cannot convert|is not defined/i,
    'its structure does not follow the Parquet format (a header or level field is missing or of the wrong kind)',
  ],
  [/Maximum call stack/i, 'its schema or levels nest too deeply'],
];

// Messages of the page codecs (hysnappy, snappyjs, hyparquet-compressors): the data does not decompress.
const codecMessage =
  /block header|premature end|eof marker|snappy|lz4|zstd|gzip|brotli|huffman|decompress|invalid (distance|length|literal|code)/i;

/** The failure in Parquet words: hyparquet's own "parquet …" messages kept, engine text translated. */
function meaningOf(message: string, place: ParquetPlace): string {
  for (const [pattern, meaning] of engineMeanings) if (pattern.test(message)) return meaning;
  const thrift = /^(?:parquet )?thrift\s+(.*)$/i.exec(message);
  if (thrift?.[1]) return `its page header is not valid Thrift (${thrift[1]})`;
  if (/^parquet unhandled type: undefined$/i.test(message)) return 'its page header is not valid Thrift (a field of unknown type)';
  if (codecMessage.test(message))
    return `its ${place.codec && place.codec !== 'UNCOMPRESSED' ? `${place.codec} ` : ''}data does not decompress (${message.replace(/^parquet /i, '')})`;
  const missing = /^parquet ([a-z_ ]+) header is undefined$/i.exec(message);
  if (missing?.[1]) return `its page header has no ${missing[1].replace(/ /g, '_')}_header`;
  const unknown = /^parquet unsupported ([a-z ]+): undefined$/i.exec(message);
  if (unknown?.[1]) return `its page header names no known ${unknown[1]}`;
  const own = /^parquet\s+(.*)$/i.exec(message);
  if (own?.[1]) return own[1];
  if (/^(page at|Row group|column)/i.test(message)) return message;
  return 'its bytes do not decode as Parquet';
}

// Engine messages while hyparquet decodes the footer (FileMetaData) → what they mean there.
const footerMeanings: [RegExp, string][] = [
  [/outside the bounds of the DataView|out of bounds|offset is out of/i, 'it ends inside a field it declares'],
  [/Invalid array length|Invalid typed array length|Array buffer allocation failed/i, 'it declares an impossible length'],
  [
    /Cannot read properties of|is not a function|is not iterable|Cannot destructure|must be an instance of|First argument to DataView|undefined is not|null is not/i,
    'a required FileMetaData field is missing or of the wrong kind',
  ],
  [/Maximum call stack/i, 'its structures nest too deeply'],
];

/** Why a footer does not decode, in Parquet words (never engine text). */
export function parquetFooterProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  for (const [pattern, meaning] of footerMeanings) if (pattern.test(message)) return meaning;
  const thrift = /^thrift\s+(.*)$/i.exec(message);
  if (thrift?.[1]) return `it is not valid Thrift (${thrift[1]})`;
  const own = /^parquet\s+(.*)$/i.exec(message);
  return own?.[1] ?? 'it does not decode as FileMetaData';
}

function placeText(place: ParquetPlace): string {
  const parts: string[] = [];
  if (place.rowGroup !== undefined) parts.push(`row group ${place.rowGroup}`);
  if (place.column !== undefined) parts.push(`column ${JSON.stringify(place.column)}`);
  if (place.page !== undefined) parts.push(`${place.step ?? 'page'} at byte ${place.page}`);
  else if (place.step) parts.push(place.step);
  return parts.join(', ');
}

/** Any failure while reading rows → a ShiplensError naming the file, the place and the fault. */
export function parquetReadError(source: ByteSource, error: unknown): ShiplensError {
  if (isShiplensError(error)) return error;
  if (error instanceof Error && error.name === 'AbortError')
    return new ShiplensError('CANCELLED', 'The operation was cancelled.', { source: source.name });
  const place = error instanceof ParquetPlacedError ? error.place : {};
  const original = error instanceof ParquetPlacedError ? error.original : error;
  if (isShiplensError(original)) return original;
  const message = original instanceof Error ? original.message : String(original);
  const where = placeText(place);
  const prefix = where ? `${where[0]?.toUpperCase()}${where.slice(1)}: ` : '';
  if (/unsupported|not supported/i.test(message) && !/: undefined$/.test(message)) {
    return new ShiplensError(
      'UNSUPPORTED_FORMAT',
      `This Parquet file uses a feature shiplens does not read: ${prefix}${meaningOf(message, place)}.`,
      {
        source: source.name,
        cause: original,
        hint: 'Convert it with DuckDB or Spark, or read it there.',
      },
    );
  }
  return new ShiplensError('PARQUET_CORRUPT', `Parquet rows cannot be decoded: ${prefix}${meaningOf(message, place)}.`, {
    source: source.name,
    cause: original,
    hint: 'The file is damaged, or uses a feature shiplens does not read.',
  });
}
