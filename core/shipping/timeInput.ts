/**
 * Instants as people type them (CLI flags, editor fields): Unix seconds / milliseconds /
 * nanoseconds, ISO 8601 with an offset, or a local date-time read in the rule's time zone.
 */
import { ShiplensError } from '../errors';
import { defaultTimeZone, timeZoneIsValid, timeZoneToEpochMs } from './timeZone';

/** A parsed instant: milliseconds and exact nanoseconds. */
export interface TimeInput {
  ms: number;
  /** Exact nanoseconds when given as 19 digits, else ms × 10⁶. */
  ns: bigint;
}

const localPattern = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;
const offsetPattern = /(?:Z|[+-]\d{2}:?\d{2})$/i;

function invalid(text: string): ShiplensError {
  return new ShiplensError('TIME_INVALID', `Cannot read "${text}" as a time.`, {
    hint: 'Use 2017-01-20T19:50:43+08:00, 2017-01-20 19:50 (in the rule time zone), Unix seconds, milliseconds or 19-digit nanoseconds.',
  });
}

function fromMs(ms: number, text: string): TimeInput {
  if (!Number.isFinite(ms)) throw invalid(text);
  return { ms, ns: BigInt(Math.trunc(ms)) * 1_000_000n };
}

function localTime(m: RegExpExecArray, zone: string, text: string): TimeInput {
  const [Y, mo, d, H, M, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || H > 23 || M > 59 || s > 59) throw invalid(text);
  const fraction = (m[7] ?? '').padEnd(9, '0');
  const wholeMs = timeZoneToEpochMs({ Y, m: mo, d, H, M, s }, zone);
  const ns = BigInt(wholeMs) * 1_000_000n + BigInt(fraction);
  return { ms: wholeMs + Math.floor(Number(fraction) / 1_000_000), ns };
}

/** Read a typed instant; local date-times are in `zone` (default UTC+8). */
export function timeInputParse(text: string, zone = defaultTimeZone): TimeInput {
  const t = text.trim();
  if (/^\d{19}$/.test(t)) {
    const ns = BigInt(t);
    return { ms: Number(ns / 1_000_000n), ns };
  }
  if (/^\d{13}$/.test(t)) return fromMs(Number(t), text);
  if (/^\d{9,10}$/.test(t)) return fromMs(Number(t) * 1000, text);
  if (offsetPattern.test(t) && /^\d{4}-\d{2}-\d{2}T/.test(t)) return fromMs(Date.parse(t), text);
  const local = localPattern.exec(t);
  if (local) {
    if (!timeZoneIsValid(zone)) throw new ShiplensError('TIME_ZONE_INVALID', `Unknown time zone "${zone}".`);
    return localTime(local, zone, text);
  }
  throw invalid(text);
}
