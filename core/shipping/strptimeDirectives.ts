/**
 * The strftime/strptime directives beyond Log Service's documented six (SPEC §1: the document
 * points to the strptime API for the rest, so other directives may occur in real rules).
 *
 * Each is spelled from the same calendar fields and carries the field it is as fine as, so the
 * planner can cut prefixes at it like at `%d` or `%H`. Those whose rendering Log Service does
 * not document are listed as warnings by rule validation.
 */
import type { ZonedFields } from './timeZone';

/** How one extra directive renders, what it matches, and which field (if any) it gives back. */
export interface StrptimeSpelling {
  /** The calendar field this directive is as fine as (for prefix planning). */
  unit: keyof ZonedFields;
  render: (fields: ZonedFields) => string;
  /** Regular expression source matching what `render` produces (no capture groups). */
  pattern: string;
  /** The exact field value read back from a match, or undefined when it does not give one. */
  parse?: (text: string) => number | undefined;
}

const monthsShort = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthsLong = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const daysShort = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const daysLong = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const two = (n: number) => String(n).padStart(2, '0');
const spaced = (n: number) => String(n).padStart(2, ' ');
const weekday = (f: ZonedFields) => new Date(Date.UTC(f.Y, f.m - 1, f.d)).getUTCDay();
const dayOfYear = (f: ZonedFields) => Math.round((Date.UTC(f.Y, f.m - 1, f.d) - Date.UTC(f.Y, 0, 1)) / 86_400_000) + 1;
const hour12 = (f: ZonedFields) => (f.H % 12 === 0 ? 12 : f.H % 12);
const numberIn = (lo: number, hi: number) => (text: string) => {
  const n = Number(text.trim());
  return Number.isInteger(n) && n >= lo && n <= hi ? n : undefined;
};
const indexIn = (names: readonly string[]) => (text: string) => {
  const i = names.indexOf(text);
  return i < 0 ? undefined : i + 1;
};

/** Extra directives by letter. `%S` is the seconds like Log Service's `%s`. */
export const strptimeSpellings: Readonly<Record<string, StrptimeSpelling>> = {
  S: { unit: 's', render: (f) => two(f.s), pattern: '\\d{2}', parse: numberIn(0, 60) },
  y: { unit: 'Y', render: (f) => two(f.Y % 100), pattern: '\\d{2}' },
  C: { unit: 'Y', render: (f) => two(Math.floor(f.Y / 100)), pattern: '\\d{2}' },
  b: { unit: 'm', render: (f) => monthsShort[f.m - 1] as string, pattern: monthsShort.join('|'), parse: indexIn(monthsShort) },
  h: { unit: 'm', render: (f) => monthsShort[f.m - 1] as string, pattern: monthsShort.join('|'), parse: indexIn(monthsShort) },
  B: { unit: 'm', render: (f) => monthsLong[f.m - 1] as string, pattern: monthsLong.join('|'), parse: indexIn(monthsLong) },
  e: { unit: 'd', render: (f) => spaced(f.d), pattern: '[ \\d]\\d', parse: numberIn(1, 31) },
  j: { unit: 'd', render: (f) => String(dayOfYear(f)).padStart(3, '0'), pattern: '\\d{3}' },
  a: { unit: 'd', render: (f) => daysShort[weekday(f)] as string, pattern: daysShort.join('|') },
  A: { unit: 'd', render: (f) => daysLong[weekday(f)] as string, pattern: daysLong.join('|') },
  u: { unit: 'd', render: (f) => String(weekday(f) === 0 ? 7 : weekday(f)), pattern: '[1-7]' },
  w: { unit: 'd', render: (f) => String(weekday(f)), pattern: '[0-6]' },
  k: { unit: 'H', render: (f) => spaced(f.H), pattern: '[ \\d]\\d', parse: numberIn(0, 23) },
  I: { unit: 'H', render: (f) => two(hour12(f)), pattern: '\\d{2}' },
  l: { unit: 'H', render: (f) => spaced(hour12(f)), pattern: '[ \\d]\\d' },
  p: { unit: 'H', render: (f) => (f.H < 12 ? 'AM' : 'PM'), pattern: 'AM|PM' },
};

/** Composite directives, written as what they stand for. */
export const strptimeComposites: Readonly<Record<string, string>> = {
  F: '%Y-%m-%d',
  T: '%H:%M:%S',
  R: '%H:%M',
  D: '%m/%d/%y',
};
