/**
 * Times on the command line, exact to the nanosecond when written so (task times are 19-digit
 * Unix nanoseconds, SPEC §1): ISO 8601 with or without an offset (without one, the `--tz` zone
 * applies), 19-digit ns, 13-digit ms, 10-digit s, `now`, and relative times (`-2d`).
 */
import { ShiplensError } from '../../core/errors';
import { timeZoneIsValid, timeZoneToEpochMs } from '../../core/shipping';
import { slsTimeParse } from '../sls/slsCommands';

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Check a `--tz` value (fixed offset or IANA name). */
export function cliZoneCheck(zone: string): string {
  if (!timeZoneIsValid(zone)) {
    throw new ShiplensError('TIME_ZONE_INVALID', `Unknown time zone "${zone}".`, {
      source: zone,
      hint: 'Use an offset such as +08:00 or an IANA name such as Asia/Shanghai',
    });
  }
  return zone;
}

function isoToNs(m: RegExpExecArray, zone: string): bigint {
  const [Y, mo, d, H = '0', M = '0', s = '0'] = m.slice(1, 7).map((v) => v ?? '0');
  const fields = { Y: Number(Y), m: Number(mo), d: Number(d), H: Number(H), M: Number(M), s: Number(s) };
  const check = new Date(Date.UTC(fields.Y, fields.m - 1, fields.d, fields.H, fields.M, fields.s));
  if (check.getUTCMonth() !== fields.m - 1 || check.getUTCDate() !== fields.d || fields.H > 23 || fields.M > 59 || fields.s > 59) {
    throw new ShiplensError('TIME_INVALID', `Not a calendar time: ${m[0]}`, { source: m[0] });
  }
  const offset = m[8];
  const ms = offset ? timeZoneToEpochMs(fields, offset.toUpperCase() === 'Z' ? 'UTC' : offset) : timeZoneToEpochMs(fields, zone);
  const fraction = BigInt((m[7] ?? '').padEnd(9, '0') || '0');
  return BigInt(ms) * 1_000_000n + fraction;
}

/** A time as Unix nanoseconds; ISO times without an offset are read in `zone`. */
export function cliTimeNs(text: string, zone: string, nowMs: number): bigint {
  const t = text.trim();
  if (/^\d{19}$/.test(t)) return BigInt(t);
  const iso = isoPattern.exec(t);
  if (iso) return isoToNs(iso, zone);
  try {
    return BigInt(slsTimeParse(t, nowMs)) * 1_000_000n;
  } catch {
    throw new ShiplensError('TIME_INVALID', `Not a time: ${text}`, {
      source: text,
      hint: 'Use ISO 8601 (2017-01-20T19:50:43+08:00), Unix s/ms/ns digits, now, or relative (-2d, -6h)',
    });
  }
}

/** A time as Unix milliseconds (rounded down). */
export function cliTimeMs(text: string, zone: string, nowMs: number): number {
  const ns = cliTimeNs(text, zone, nowMs);
  return Number(ns / 1_000_000n);
}
