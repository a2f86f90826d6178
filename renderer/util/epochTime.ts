/**
 * Epoch columns (`__time__`, `…time`, `…_ts`) shown as times in the chosen zone; the raw
 * value stays one toggle away.
 */
import type { JsonCell } from '../../main/api/contract';
import { timeZoneIsValid } from '../../core/shipping';
import { instantFormat } from './format';
import { cellNumber } from './gridValues';

// 2001-09-09 … 2096-10-02 in seconds; the same span in milliseconds. Outside: not a time.
const secondsMin = 1e9;
const secondsMax = 4e9;

/** The unit of an epoch value, or null when the number is not a plausible time. */
export function epochUnit(n: number): 's' | 'ms' | null {
  if (!Number.isInteger(n)) return null;
  if (n >= secondsMin && n < secondsMax) return 's';
  if (n >= secondsMin * 1000 && n < secondsMax * 1000) return 'ms';
  return null;
}

/**
 * Whether a column holds epoch times: `__time__` always does; other columns need a time-like
 * name and every sampled non-null value a plausible epoch.
 */
export function epochColumn(name: string, rows: readonly (readonly JsonCell[])[], col: number, sample = 100): boolean {
  if (name === '__time__') return true;
  if (!/(^|_|\b)(time|ts|timestamp)(_|$)|time$|Time$/.test(name)) return false;
  let seen = 0;
  for (const row of rows.slice(0, sample)) {
    const cell = row[col];
    if (cell === null || cell === undefined || cell === '') continue;
    const n = cellNumber(cell);
    if (n === null || epochUnit(n) === null) return false;
    seen++;
  }
  return seen > 0;
}

/** `1484913043` in `Asia/Shanghai` → `2017-01-20 19:50:43`; milliseconds keep `.sss`; else null. */
export function epochText(cell: JsonCell | undefined, zone: string): string | null {
  const n = cellNumber(cell);
  const unit = n === null ? null : epochUnit(n);
  if (n === null || unit === null) return null;
  const ms = unit === 's' ? n * 1000 : n;
  // Log Service zones are offsets (`+08:00`) as often as IANA names: core reads both.
  if (!timeZoneIsValid(zone)) return null;
  const text = instantFormat(ms, zone);
  return unit === 'ms' ? `${text}.${String(ms % 1000).padStart(3, '0')}` : text;
}
