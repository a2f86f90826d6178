/**
 * Parquet values as other engines print them (DuckDB's text is the reference): timestamps at
 * their full precision and dates from integer arithmetic (never a JS Date), FLOAT at float32's
 * shortest round-trip digits, DECIMAL from the unscaled integer, binary that is not UTF-8 as
 * `0x` hex, nested values as JSON with integers unquoted.
 */
import type { ParquetParsers, SchemaElement, SchemaTree } from 'hyparquet';
import { timeZoneOffsetMs } from '../../shipping/timeZone';
import type { Cell } from '../table';

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

const dayNanos = 86_400_000_000_000n;

/** Civil date of a day count from 1970-01-01 (proleptic Gregorian; H. Hinnant's days_from_civil inverse). */
export function parquetDateText(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  // DuckDB's spelling of years before 1 (`0045-03-15 (BC)`): year 0 is 1 BC.
  const yearText = year > 0 ? String(year).padStart(4, '0') : String(1 - year).padStart(4, '0');
  return `${yearText}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}${year > 0 ? '' : ' (BC)'}`;
}

/** `+08`, `+05:30`, `-03`: the zone suffix as DuckDB prints TIMESTAMPTZ. */
function offsetText(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hours = String(Math.floor(abs / 60)).padStart(2, '0');
  return abs % 60 ? `${sign}${hours}:${String(abs % 60).padStart(2, '0')}` : `${sign}${hours}`;
}

/**
 * Epoch nanoseconds as `YYYY-MM-DD HH:MM:SS[.fraction]` (fraction trimmed of trailing zeros).
 * With a zone, the wall time there and its offset (`+08`); the offset comes from the zone rules
 * at that instant, the digits from bigint arithmetic.
 */
export function parquetTimestampText(nanos: bigint, zone?: string): string {
  let offsetMinutes = 0;
  const epochMs = Number(nanos / 1_000_000n);
  if (zone && Math.abs(epochMs) < 8.64e15) offsetMinutes = Math.round(timeZoneOffsetMs(zone, epochMs) / 60_000);
  const local = nanos + BigInt(offsetMinutes) * 60_000_000_000n;
  let days = local / dayNanos;
  let within = local % dayNanos;
  if (within < 0n) {
    within += dayNanos;
    days -= 1n;
  }
  const seconds = Number(within / 1_000_000_000n);
  const fraction = (within % 1_000_000_000n).toString().padStart(9, '0').replace(/0+$/, '');
  const clock = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60].map((n) => String(n).padStart(2, '0')).join(':');
  return `${parquetDateText(Number(days))} ${clock}${fraction ? `.${fraction}` : ''}${zone ? offsetText(offsetMinutes) : ''}`;
}

/**
 * Parsers for hyparquet's convert on flat columns: timestamps become epoch nanoseconds
 * (bigint; the column's cell function formats them with its unit, zone and UTC flag), dates
 * stay day counts, bytes become text or hex.
 */
export const parquetRawParsers: Partial<ParquetParsers> = {
  timestampFromMilliseconds: (millis: bigint | number) => BigInt(millis) * 1_000_000n,
  timestampFromMicroseconds: (micros: bigint | number) => BigInt(micros) * 1000n,
  timestampFromNanoseconds: (nanos: bigint | number) => BigInt(nanos),
  dateFromDays: (days: number) => days,
  stringFromBytes: (bytes: Uint8Array | undefined) => bytes && parquetBytesText(bytes),
  // JSON columns are shown as their text, not re-serialised.
  jsonFromBytes: (bytes: Uint8Array | undefined) => bytes && parquetBytesText(bytes),
};

/** Parsers for nested files (values assembled by hyparquet): final text in UTC, no zone. */
export const parquetNestedParsers: Partial<ParquetParsers> = {
  ...parquetRawParsers,
  timestampFromMilliseconds: (millis: bigint | number) => parquetTimestampText(BigInt(millis) * 1_000_000n),
  timestampFromMicroseconds: (micros: bigint | number) => parquetTimestampText(BigInt(micros) * 1000n),
  timestampFromNanoseconds: (nanos: bigint | number) => parquetTimestampText(BigInt(nanos)),
  dateFromDays: (days: number) => parquetDateText(days),
};

/** Nested values as JSON text: bigints as bare digits (an int64 is a number, not a string), bytes as text or hex. */
export function parquetJsonText(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return JSON.stringify(parquetBytesText(value));
  if (value instanceof Date) return JSON.stringify(Number.isNaN(value.getTime()) ? null : value.toISOString());
  if (Array.isArray(value) || ArrayBuffer.isView(value)) return `[${Array.from(value as ArrayLike<unknown>, parquetJsonText).join(',')}]`;
  if (typeof value === 'object') {
    const fields = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)}:${parquetJsonText(v)}`);
    return `{${fields.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Timestamp unit in nanoseconds per tick, or null when the element is not a timestamp. */
function timestampOf(element: SchemaElement): { utc: boolean } | null {
  const logical = element.logical_type;
  if (logical?.type === 'TIMESTAMP') return { utc: logical.isAdjustedToUTC };
  if (element.converted_type === 'TIMESTAMP_MILLIS' || element.converted_type === 'TIMESTAMP_MICROS') return { utc: true };
  return element.type === 'INT96' ? { utc: false } : null;
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

/** The scale of a DECIMAL element (logical type first, then the legacy field). */
function decimalScale(element: SchemaElement): number {
  const logical = element.logical_type;
  return logical?.type === 'DECIMAL' ? logical.scale : element.scale ?? 0;
}

/** Any value → Cell: undefined → null, bytes → text or hex, nested → JSON text. */
export function parquetCell(value: unknown): Cell {
  if (value === undefined || value === null) return null;
  switch (typeof value) {
    case 'string': case 'number': case 'boolean': case 'bigint': return value;
    default: break;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Uint8Array) return parquetBytesText(value);
  return parquetJsonText(value);
}

/**
 * The cell function of one top-level leaf column: knows its type (float32, timestamp unit and
 * UTC flag, date, decimal scale) and the zone UTC-adjusted timestamps are shown in.
 */
export function parquetCellFor(element: SchemaElement, zone = 'UTC'): (value: unknown) => Cell {
  const timestamp = timestampOf(element);
  if (timestamp) return (v) => (typeof v === 'bigint' ? parquetTimestampText(v, timestamp.utc ? zone : undefined) : parquetCell(v));
  if (element.converted_type === 'DATE' || element.logical_type?.type === 'DATE') return (v) => (typeof v === 'number' ? parquetDateText(v) : parquetCell(v));
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
  if (value && typeof value === 'object' && !(value instanceof Uint8Array) && !ArrayBuffer.isView(value)) {
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
export function parquetNestedCellFor(tree: SchemaTree): (value: unknown) => Cell {
  const types = leafTypes(tree);
  if (!types.has('FLOAT') || types.has('DOUBLE')) return parquetCell;
  const keepInts = types.has('INT32');
  return (v) => parquetCell(floatsShortened(v, keepInts));
}
