/**
 * DataWorks scheduling parameters (SPEC §9) evaluated for one run: `${bdp.system.bizdate}`,
 * `${bdp.system.cyctime}`, `$[yyyymmddhh24miss±N/24/60]` and the `${yyyymmdd…}` forms.
 *
 * `$[…]` is the run (cycle) time; `${…}` date forms are the business date (the day before
 * the run). The Log Service document writes `${yyyymmddhh24miss-10/24/60}` for "10 minutes
 * before the run", so `${…}` forms with a time of day are read as the run time too.
 */
import { ShiplensError } from '../errors';
import { timeZoneFields, timeZoneToEpochMs } from '../shipping/timeZone';
import type { ZonedFields } from '../shipping/timeZone';

const dayMs = 86_400_000;
/** One expression anywhere in a text. */
const expressionPattern = /\$\{([^}]*)\}|\$\[([^\]]*)\]/g;
const formatTokens = /yyyy|yy|mm|dd|hh24|hh|mi|ss/gi;
const arithmetic = /^([A-Za-z0-9 :\-_/]*?)\s*(?:([+-])\s*(\d+)((?:\s*\/\s*\d+)*))?$/;

/** What an expression means, before a run time is applied. */
export interface ScheduleExpression {
  text: string;
  /** Format in DataWorks tokens (`yyyymmddhh24miss`). */
  format: string;
  /** Milliseconds added to the base time. */
  offsetMs: number;
  base: 'cyctime' | 'bizdate';
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function tokenValue(token: string, f: ZonedFields): string {
  const t = token.toLowerCase();
  if (t === 'yyyy') return pad(f.Y, 4);
  if (t === 'yy') return pad(f.Y % 100);
  if (t === 'mm') return pad(f.m);
  if (t === 'dd') return pad(f.d);
  if (t === 'hh24') return pad(f.H);
  if (t === 'hh') return pad(f.H % 12 === 0 ? 12 : f.H % 12);
  if (t === 'mi') return pad(f.M);
  return pad(f.s);
}

function unsupported(text: string): ShiplensError {
  return new ShiplensError('INVALID_ARGUMENT', `Cannot evaluate the scheduling expression "${text}".`, {
    hint: 'Use ${bdp.system.bizdate}, ${bdp.system.cyctime}, $[yyyymmddhh24miss-10/24/60] or ${yyyymmdd-1}; a custom parameter such as ${startTime} must be given by its definition',
  });
}

/** Parse the inside of `${…}` / `$[…]`; null when it is a custom parameter name (`${startTime}`). */
export function scheduleExpressionParse(text: string): ScheduleExpression | null {
  const m = /^\$\{(.*)\}$|^\$\[(.*)\]$/s.exec(text.trim());
  if (!m) throw unsupported(text);
  const inner = (m[1] ?? m[2] ?? '').trim();
  const bracket = m[2] !== undefined;
  if (inner === 'bdp.system.bizdate') return { text, format: 'yyyymmdd', offsetMs: 0, base: 'bizdate' };
  if (inner === 'bdp.system.cyctime') return { text, format: 'yyyymmddhh24miss', offsetMs: 0, base: 'cyctime' };
  const a = arithmetic.exec(inner);
  const format = a?.[1]?.trim() ?? '';
  // At least one token (`$[hh24]` is a partition value); separators alone are not a format.
  if (!a || !/^(?:yyyy|yy|mm|dd|hh24|hh|mi|ss|[-_/: ])+$/i.test(format) || !/yy|mm|dd|hh|mi|ss/i.test(format)) {
    if (!bracket && /^[A-Za-z_][\w.]*$/.test(inner)) return null;
    throw unsupported(text);
  }
  const divisors = (a[4] ?? '')
    .split('/')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(Number);
  if (divisors.some((d) => d === 0)) throw unsupported(text);
  const days = a[3] === undefined ? 0 : Number(a[3]) * (a[2] === '-' ? -1 : 1);
  const offsetMs = Math.round((days * dayMs) / divisors.reduce((x, y) => x * y, 1));
  const timeOfDay = /hh|mi|ss/i.test(format);
  return { text, format, offsetMs, base: bracket || timeOfDay ? 'cyctime' : 'bizdate' };
}

/** The text an expression gives for a run at `runMs`, in `zone` (DataWorks runs in the project's zone). */
export function scheduleExpressionValue(expression: ScheduleExpression, runMs: number, zone: string): string {
  let base = runMs;
  if (expression.base === 'bizdate') {
    // The business date is the calendar day before the run, whatever the time of day.
    const f = timeZoneFields(runMs, zone);
    base = timeZoneToEpochMs({ ...f, H: 0, M: 0, s: 0 }, zone) - dayMs;
  }
  const fields = timeZoneFields(base + expression.offsetMs, zone);
  return expression.format.replace(formatTokens, (token) => tokenValue(token, fields));
}

/** Replace every expression in `text` (e.g. `pt=${bdp.system.bizdate}`); custom parameters stay as written. */
export function scheduleTextExpand(text: string, runMs: number, zone: string): string {
  return text.replace(expressionPattern, (whole) => {
    const expression = scheduleExpressionParse(whole);
    return expression ? scheduleExpressionValue(expression, runMs, zone) : whole;
  });
}

/** True when `text` holds at least one `${…}` or `$[…]`. */
export function scheduleTextHasExpression(text: string): boolean {
  return /\$\{[^}]*\}|\$\[[^\]]*\]/.test(text);
}

/** `yyyyMMddHHmmss` → calendar fields, or null when it is not a real time. */
export function scheduleTimeFields(text: string): ZonedFields | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!m) return null;
  const [Y, mo, d, H, M, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const check = new Date(Date.UTC(Y, mo - 1, d, H, M, s));
  if (check.getUTCFullYear() !== Y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || H > 23 || M > 59 || s > 59) return null;
  return { Y, m: mo, d, H, M, s };
}

/** Calendar fields → `yyyyMMddHHmmss`. */
export function scheduleTimeText(f: ZonedFields): string {
  return `${pad(f.Y, 4)}${pad(f.m)}${pad(f.d)}${pad(f.H)}${pad(f.M)}${pad(f.s)}`;
}
