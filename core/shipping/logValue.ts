/**
 * Log values as Log Service sees them: every key is a string, except the reserved
 * `__time__` (Unix seconds). Used by the simulator to fill JSON lines, CSV fields and
 * typed Parquet cells (SPEC §3).
 */
import { ShiplensError } from '../errors';
import type { ParquetColumnType } from '../model/rule';

/**
 * One sample log: `__time__` (Unix seconds), optional `__topic__` / `__source__`, other keys.
 *
 * Loose on purpose: sample logs come from users (pasted JSON, API calls). Non-string values
 * are turned into the string Log Service would hold (see `logValueGet`).
 */
export type ShippingLog = Record<string, unknown>;

/** A typed Parquet cell: int64 is a bigint so no precision is lost; null is missing. */
export type ParquetValue = string | boolean | number | bigint | null;

/** The reserved keys, in the order the simulator writes them in JSON lines. */
export const logReservedKeys = ['__time__', '__topic__', '__source__'] as const;

const reserved = new Set<string>(logReservedKeys);

/** The log's `__time__` as whole Unix seconds; INVALID_ARGUMENT when absent or not a whole number ≥ 0. */
export function logTimeSeconds(log: ShippingLog, index: number): number {
  const raw = log.__time__;
  const value = typeof raw === 'string' && /^\d{1,15}$/.test(raw) ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new ShiplensError(
      'INVALID_ARGUMENT',
      `Log #${index + 1}: __time__ must be whole Unix seconds (a number), got ${JSON.stringify(raw) ?? 'nothing'}.`,
      {
        hint: 'Give every sample log a numeric __time__, e.g. 1484913043.',
        source: `logs[${index}].__time__`,
      },
    );
  }
  return value;
}

/**
 * The string value of `key` in `log`, or null when the key is missing.
 *
 * `__time__` is its seconds in decimal; `__topic__` and `__source__` are always present
 * (empty when the log has none, SPEC §3). Numbers and booleans become their JavaScript
 * text; objects and arrays their JSON text (a user pasting structured sample logs).
 */
export function logValueGet(log: ShippingLog, key: string, index = 0): string | null {
  if (key === '__time__') return String(logTimeSeconds(log, index));
  const value = log[key];
  if (value === undefined || value === null) return key === '__topic__' || key === '__source__' ? '' : null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

/** The log's own (non-reserved) keys with a value, in insertion order. */
export function logFieldKeys(log: ShippingLog): string[] {
  return Object.keys(log).filter((key) => !reserved.has(key) && log[key] !== undefined && log[key] !== null);
}

const integerText = /^[+-]?\d+$/;
// Decimal notation only (what strtod accepts minus hex, inf and nan): SLS values are text.
const decimalText = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const int32Min = -(2 ** 31);
const int32Max = 2 ** 31 - 1;
const int64Min = -(2n ** 63n);
const int64Max = 2n ** 63n - 1n;

/**
 * Convert a log's string value to a Parquet column type; null when it does not convert (SPEC §3).
 *
 * Strict on purpose (no surrounding spaces, no hex): integers are optional sign + digits in
 * range; float/double are decimal notation with a finite result (float rounded to 32 bits);
 * boolean is `true`/`false` in any letter case.
 */
export function logValueConvert(value: string | null, type: ParquetColumnType): ParquetValue {
  if (value === null) return null;
  switch (type) {
    case 'string':
      return value;
    case 'boolean': {
      const lower = value.toLowerCase();
      return lower === 'true' ? true : lower === 'false' ? false : null;
    }
    case 'int32': {
      if (!integerText.test(value)) return null;
      const n = Number(value);
      return n >= int32Min && n <= int32Max ? n : null;
    }
    case 'int64': {
      if (!integerText.test(value)) return null;
      const n = BigInt(value);
      return n >= int64Min && n <= int64Max ? n : null;
    }
    case 'float':
    case 'double': {
      if (!decimalText.test(value)) return null;
      const n = type === 'float' ? Math.fround(Number(value)) : Number(value);
      return Number.isFinite(n) ? n : null;
    }
  }
}
