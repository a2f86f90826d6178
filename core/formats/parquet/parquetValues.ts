/**
 * Parquet values as other engines print them (DuckDB's text is the reference): timestamps at
 * their full precision and dates from integer arithmetic (never a JS Date), FLOAT at float32's
 * shortest round-trip digits, DECIMAL from the unscaled integer, binary that is not UTF-8 as
 * `0x` hex, nested values as JSON with integers unquoted.
 */
import type { ParquetParsers, SchemaElement, SchemaTree } from 'hyparquet';
import type { Cell } from '../../model/cells';
import { ParquetNestedTimestamp, parquetNestedTimestampsIn } from './parquetNestedTimestamps';
import { parquetDateText, parquetTimestampFormatter } from './parquetTimestamps';
import type { TimestampUnit } from './parquetTimestamps';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Lower-case hex with a `0x` prefix: how bytes that are not UTF-8 are shown and exported. */
export function parquetHex(bytes: Uint8Array): string {
  let out = '0x';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

/** UTF-8 text when the bytes are valid UTF-8 (SLS writes strings as plain BINARY), else hex: no byte is lost to U+FFFD. */
export function parquetBytesText(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return parquetHex(bytes);
  }
}

/** `value` at `digits` significant digits when that reads back as the same float32, else null. */
function float32At(value: number, digits: number): number | null {
  const shorter = Number(value.toPrecision(digits));
  return Math.fround(shorter) === value ? shorter : null;
}

/**
 * The fewest significant digits that read back as the same float32. Random floats need 7–9
 * digits and decimal inputs (117.9) at most 6, so 6 splits the search: above it 7 then 8 (9
 * always reads back), below it a binary search. Checked equal to a 1..9 linear search on
 * 1.2 M random, decimal-derived and power-of-two floats.
 */
function float32Shortest(value: number): number {
  let best = float32At(value, 6);
  if (best === null) return float32At(value, 7) ?? float32At(value, 8) ?? Number(value.toPrecision(9));
  for (let lo = 1, hi = 5; lo <= hi;) {
    const mid = (lo + hi) >> 1;
    const shorter = float32At(value, mid);
    if (shorter === null) lo = mid + 1;
    else {
      best = shorter;
      hi = mid - 1;
    }
  }
  return best;
}

// A direct-mapped cache by float32 bits: log columns repeat values (latencies, ratios), and
// each miss costs a few toPrecision calls (~0.3 µs each).
const cacheSlots = 4096;
const cacheKeys = new Float64Array(cacheSlots).fill(Number.NaN);
const cacheValues = new Float64Array(cacheSlots);
const bitsView = new Float32Array(1);
const bitsWord = new Uint32Array(bitsView.buffer);

/** The shortest decimal that reads back as the same float32 (117.9, not 117.9000015258789). */
export function parquetFloat32(value: number): number {
  if (!Number.isFinite(value) || Math.fround(value) !== value) return value;
  if (Number.isInteger(value) && Math.abs(value) <= 16_777_216) return value; // exact: already shortest
  bitsView[0] = value;
  const slot = Math.imul(bitsWord[0] as number, 0x9e3779b1) >>> 20;
  if (cacheKeys[slot] === value) return cacheValues[slot] as number;
  const shortest = float32Shortest(value);
  cacheKeys[slot] = value;
  cacheValues[slot] = shortest;
  return shortest;
}

/** A signed big-endian two's-complement integer (DECIMAL in BYTE_ARRAY / FIXED_LEN_BYTE_ARRAY). */
function bigEndianSigned(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  const bits = BigInt(bytes.length * 8);
  return bytes.length && value >= 1n << (bits - 1n) ? value - (1n << bits) : value;
}

/** An unscaled DECIMAL value as exact text with all `scale` digits (DuckDB: DECIMAL(4,2) 150 → `1.50`). */
export function parquetDecimalText(raw: unknown, scale: number): string | null {
  let unscaled: bigint;
  if (raw instanceof Uint8Array) unscaled = bigEndianSigned(raw);
  else if (typeof raw === 'bigint') unscaled = raw;
  else if (typeof raw === 'number' && Number.isInteger(raw)) unscaled = BigInt(raw);
  else return raw === undefined || raw === null ? null : String(raw);
  const sign = unscaled < 0n ? '-' : '';
  const digits = (unscaled < 0n ? -unscaled : unscaled).toString();
  if (scale <= 0) return sign + digits + '0'.repeat(-scale);
  const padded = digits.padStart(scale + 1, '0');
  return `${sign}${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
}

/**
 * Parsers for hyparquet's convert on flat columns: timestamps stay raw integers in their unit
 * (INT96 arrives as nanoseconds) for the column's formatter (unit, zone, UTC flag), dates stay
 * day counts, bytes become text or hex.
 */
export const parquetRawParsers: Partial<ParquetParsers> = {
  timestampFromMilliseconds: (millis: bigint | number) => BigInt(millis),
  timestampFromMicroseconds: (micros: bigint | number) => BigInt(micros),
  timestampFromNanoseconds: (nanos: bigint | number) => BigInt(nanos),
  dateFromDays: (days: number) => days,
  stringFromBytes: (bytes: Uint8Array | undefined) => bytes && parquetBytesText(bytes),
  // JSON columns are shown as their text, not re-serialised.
  jsonFromBytes: (bytes: Uint8Array | undefined) => bytes && parquetBytesText(bytes),
};

/** Parsers for nested files (values assembled by hyparquet): timestamps wait for their leaf (parquetNestedTimestamps.ts). */
export const parquetNestedParsers: Partial<ParquetParsers> = {
  ...parquetRawParsers,
  timestampFromMilliseconds: (millis: bigint | number) => new ParquetNestedTimestamp(BigInt(millis), 'MILLIS'),
  timestampFromMicroseconds: (micros: bigint | number) => new ParquetNestedTimestamp(BigInt(micros), 'MICROS'),
  timestampFromNanoseconds: (nanos: bigint | number) => new ParquetNestedTimestamp(BigInt(nanos), 'NANOS'),
  dateFromDays: (days: number) => parquetDateText(days),
};

/** Nested values as JSON text: bigints as bare digits (an int64 is a number, not a string), bytes as text or hex. */
export function parquetJsonText(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return JSON.stringify(parquetBytesText(value));
  if (value instanceof Date) return JSON.stringify(Number.isNaN(value.getTime()) ? null : value.toISOString());
  if (value instanceof ParquetNestedTimestamp) return JSON.stringify(value.toText());
  if (Array.isArray(value) || ArrayBuffer.isView(value)) return `[${Array.from(value as ArrayLike<unknown>, parquetJsonText).join(',')}]`;
  if (typeof value === 'object') {
    const fields = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)}:${parquetJsonText(v)}`);
    return `{${fields.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A timestamp column's unit and UTC flag, or null when the element is not a timestamp. */
function timestampOf(element: SchemaElement): { utc: boolean; unit: TimestampUnit } | null {
  // The logical type rules (DuckDB writes TIMESTAMP_MICROS beside a local-time logical type);
  // the legacy converted types alone mean UTC-adjusted. Units agree with hyparquet's parser choice.
  const logical = element.logical_type;
  if (logical?.type === 'TIMESTAMP') return { utc: logical.isAdjustedToUTC, unit: logical.unit };
  if (element.converted_type === 'TIMESTAMP_MILLIS') return { utc: true, unit: 'MILLIS' };
  if (element.converted_type === 'TIMESTAMP_MICROS') return { utc: true, unit: 'MICROS' };
  return element.type === 'INT96' ? { utc: false, unit: 'NANOS' } : null;
}

/** True for DECIMAL columns, whose unscaled values are read raw and formatted here. */
export function parquetIsDecimal(element: SchemaElement): boolean {
  return element.converted_type === 'DECIMAL' || element.logical_type?.type === 'DECIMAL';
}

/**
 * The element hyparquet decodes with: DECIMAL loses its annotation so values arrive unscaled
 * (hyparquet divides into a double, which loses digits past 2^53), and bytes stay bytes.
 */
export function parquetDecoderElement(element: SchemaElement): SchemaElement {
  if (!parquetIsDecimal(element)) return element;
  const { converted_type: _converted, logical_type: _logical, ...raw } = element;
  return raw;
}

/**
 * A top-level leaf of a nested file as hyparquet should decode it: DECIMAL and TIMESTAMP lose
 * their annotations so raw values reach parquetCellFor (exact digits, the zone), as on the
 * page path; timestamps inside lists and structs stay UTC text from parquetNestedParsers.
 */
export function parquetTopLevelRawElement(element: SchemaElement): SchemaElement {
  if (!timestampOf(element) || element.type === 'INT96') return parquetDecoderElement(element);
  const { converted_type: _converted, logical_type: _logical, ...raw } = element;
  return raw;
}

/** The scale of a DECIMAL element (logical type first, then the legacy field). */
function decimalScale(element: SchemaElement): number {
  const logical = element.logical_type;
  return logical?.type === 'DECIMAL' ? logical.scale : (element.scale ?? 0);
}

/** Any value → Cell: undefined → null, bytes → text or hex, nested → JSON text. */
export function parquetCell(value: unknown): Cell {
  if (value === undefined || value === null) return null;
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'bigint':
      return value;
    default:
      break;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof ParquetNestedTimestamp) return value.toText();
  if (value instanceof Uint8Array) return parquetBytesText(value);
  return parquetJsonText(value);
}

/**
 * The cell function of one top-level leaf column: knows its type (float32, timestamp unit and
 * UTC flag, date, decimal scale) and the zone UTC-adjusted timestamps are shown in.
 */
export function parquetCellFor(element: SchemaElement, zone = 'UTC'): (value: unknown) => Cell {
  const timestamp = timestampOf(element);
  if (timestamp) {
    const format = parquetTimestampFormatter(timestamp.unit, timestamp.utc ? zone : undefined);
    return (v) => (typeof v === 'bigint' ? format(v) : parquetCell(v));
  }
  if (element.converted_type === 'DATE' || element.logical_type?.type === 'DATE')
    return (v) => (typeof v === 'number' ? parquetDateText(v) : parquetCell(v));
  if (parquetIsDecimal(element)) {
    const scale = decimalScale(element);
    return (v) => (typeof v === 'string' ? v : parquetDecimalText(v, scale));
  }
  if (element.type === 'FLOAT') return (v) => (typeof v === 'number' ? parquetFloat32(v) : parquetCell(v));
  return parquetCell;
}

/** Physical types of the leaves under a schema node. */
function leafTypes(tree: SchemaTree, out = new Set<string>()): Set<string> {
  if (tree.children.length === 0 && tree.element.type) out.add(tree.element.type);
  for (const child of tree.children) leafTypes(child, out);
  return out;
}

/** Every number in a nested value at float32's shortest digits, except int32-range integers when `keepInts`. */
function floatsShortened(value: unknown, keepInts: boolean): unknown {
  if (typeof value === 'number') return keepInts && Number.isInteger(value) && Math.abs(value) <= 2 ** 31 ? value : parquetFloat32(value);
  if (Array.isArray(value)) return value.map((v) => floatsShortened(v, keepInts));
  if (
    value &&
    typeof value === 'object' &&
    !(value instanceof Uint8Array) &&
    !ArrayBuffer.isView(value) &&
    !(value instanceof ParquetNestedTimestamp)
  ) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, floatsShortened(v, keepInts)]));
  }
  return value;
}

/**
 * The cell function of a nested (group) column. Its FLOAT leaves print at float32's digits
 * when it has no DOUBLE leaf (a number in the assembled value cannot say which leaf it came
 * from; with INT32 leaves too, int32-range integers are left as they are, which for a float
 * changes nothing up to 2^24).
 */
export function parquetNestedCellFor(tree: SchemaTree, zone = 'UTC'): (value: unknown) => Cell {
  const types = leafTypes(tree);
  const timestamps = parquetNestedTimestampsIn(tree, zone, (node) => timestampOf(node.element)) ?? ((v: unknown) => v);
  if (!types.has('FLOAT') || types.has('DOUBLE')) return (v) => parquetCell(timestamps(v));
  const keepInts = types.has('INT32');
  return (v) => parquetCell(floatsShortened(timestamps(v), keepInts));
}
