/**
 * Parquet DATE and TIMESTAMP values as DuckDB prints them, from integer arithmetic (never a JS
 * Date, whose milliseconds would drop µs and ns): `2024-01-02`, `2024-01-02 03:04:05.123456`,
 * and for UTC-adjusted timestamps shown in a zone, the wall time there with its offset (`+08`).
 */
import { timeZoneOffsetMs } from '../../shipping/timeZone';

/** Civil date of a day count from 1970-01-01 (proleptic Gregorian; H. Hinnant's civil_from_days). */
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

const twoDigits = Array.from({ length: 60 }, (_v, i) => String(i).padStart(2, '0'));

/** A fraction of a second (`width` digits) without trailing zeros, with its dot; '' for 0. */
function fractionText(fraction: number | bigint, width: number): string {
  if (fraction === 0 || fraction === 0n) return '';
  let text = String(fraction).padStart(width, '0');
  let end = text.length;
  while (text.charCodeAt(end - 1) === 48) end--;
  if (end < text.length) text = text.slice(0, end);
  return `.${text}`;
}

export type TimestampUnit = 'MILLIS' | 'MICROS' | 'NANOS';

const perSecond = { MILLIS: 1000, MICROS: 1_000_000, NANOS: 1_000_000_000 } as const;
const widths = { MILLIS: 3, MICROS: 6, NANOS: 9 } as const;

/** Whole seconds since the epoch and the fraction in units, exact (bigint only where a double is not). */
function split(raw: bigint, unit: TimestampUnit): [seconds: number, fraction: number | bigint] {
  const per = perSecond[unit];
  const n = Number(raw);
  if (Number.isSafeInteger(n) && unit !== 'NANOS') {
    const seconds = Math.floor(n / per);
    return [seconds, n - seconds * per];
  }
  const big = BigInt(per);
  let seconds = raw / big;
  let fraction = raw % big;
  if (fraction < 0n) {
    fraction += big;
    seconds -= 1n;
  }
  return [Number(seconds), fraction];
}

/**
 * A formatter for one timestamp column: raw values in `unit`, shown in `zone` with its offset
 * when given (UTC-adjusted columns), else as stored. Zone offsets are cached per 15 minutes
 * (zone transitions fall on quarter hours) and date text per day, so a column of one day's
 * logs costs integer arithmetic and a few short strings per value.
 */
export function parquetTimestampFormatter(unit: TimestampUnit, zone?: string): (raw: bigint) => string {
  const offsets = new Map<number, number>();
  let lastDay = Number.NaN;
  let lastDayText = '';
  const offsetAt = (seconds: number): number => {
    if (!zone || Math.abs(seconds) >= 8.64e12) return 0;
    const quarter = Math.floor(seconds / 900);
    let minutes = offsets.get(quarter);
    if (minutes === undefined) {
      minutes = Math.round(timeZoneOffsetMs(zone, quarter * 900_000) / 60_000);
      if (offsets.size >= 4096) offsets.clear();
      offsets.set(quarter, minutes);
    }
    return minutes;
  };
  return (raw) => {
    const [seconds, fraction] = split(raw, unit);
    const offset = offsetAt(seconds);
    const local = seconds + offset * 60;
    const day = Math.floor(local / 86_400);
    if (day !== lastDay) {
      lastDay = day;
      lastDayText = parquetDateText(day);
    }
    const inDay = local - day * 86_400;
    const clock = `${twoDigits[Math.floor(inDay / 3600)]}:${twoDigits[Math.floor(inDay / 60) % 60]}:${twoDigits[inDay % 60]}`;
    return `${lastDayText} ${clock}${fractionText(fraction, widths[unit])}${zone ? offsetText(offset) : ''}`;
  };
}

const utcNanos = parquetTimestampFormatter('NANOS');

/** Epoch nanoseconds as `YYYY-MM-DD HH:MM:SS[.fraction]` in UTC, no zone suffix. */
export function parquetTimestampText(nanos: bigint): string {
  return utcNanos(nanos);
}
