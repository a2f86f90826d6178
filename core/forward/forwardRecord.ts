/**
 * One log as the SIEM forwarder sees it: the shipped row turned into key → value, plus its
 * log time read from `__time__` (and `__time_ns_part__` when the source has it).
 */
import type { Cell, TableColumn } from '../model/cells';

/** A log's fields, in column order; missing (null) cells are left out. */
export type ForwardRecord = Record<string, string | number | boolean>;

/** Log time: whole Unix seconds and the nanosecond part (0 when the source has none). */
export interface RecordTime {
  seconds: number;
  nanos: number;
}

/** Prefix Log Service gives tag keys (`__tag__:__hostname__`). */
export const tagPrefix = '__tag__:';

function cellValue(cell: Cell): string | number | boolean | null {
  if (typeof cell !== 'bigint') return cell;
  // int64 cells: a JSON number when exact, else the digits as text (no silent rounding).
  return Number.isSafeInteger(Number(cell)) ? Number(cell) : cell.toString();
}

/** A table row as a record (null cells dropped: Log Service writes a missing key so). */
export function forwardRecordOf(columns: readonly TableColumn[], row: readonly Cell[]): ForwardRecord {
  const record: ForwardRecord = {};
  columns.forEach((column, i) => {
    const value = cellValue(row[i] ?? null);
    if (value !== null) record[column.name] = value;
  });
  return record;
}

function wholeNumber(value: unknown, max: number): number | null {
  const n = typeof value === 'string' && /^\d{1,15}$/.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 && n <= max ? n : null;
}

/** The log time, or null when `__time__` is absent or not whole seconds. */
export function forwardRecordTime(record: ForwardRecord): RecordTime | null {
  const seconds = wholeNumber(record.__time__, 2 ** 40);
  if (seconds === null) return null;
  return { seconds, nanos: wholeNumber(record.__time_ns_part__, 999_999_999) ?? 0 };
}

/** Seconds with the fraction the source has (`1700000000`, `1700000000.123`), as JSON text. */
export function recordTimeSecondsText(time: RecordTime): string {
  if (time.nanos === 0) return String(time.seconds);
  return `${time.seconds}.${String(time.nanos).padStart(9, '0').replace(/0+$/, '')}`;
}

/** `key=value` pairs joined by `separator` (the document's MSG form, e.g. `||`). */
export function forwardKeyValueText(record: ForwardRecord, separator: string, skip: (key: string) => boolean = () => false): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(record)) if (!skip(key)) parts.push(`${key}=${String(value)}`);
  return parts.join(separator);
}
