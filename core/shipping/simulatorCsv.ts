/**
 * CSV and JSON lines exactly as the simulator writes them (SPEC §3).
 */
import type { CsvOptions } from '../model/rule';
import { logFieldKeys, logReservedKeys, logTimeSeconds, logValueGet } from './logValue';
import type { ShippingLog } from './logValue';

/**
 * One CSV field: quoted only when it holds the delimiter, the quote or a line break.
 *
 * The escape is the quote itself (SPEC §3: not changeable), so a quote inside a field is
 * doubled. An empty value stays unquoted, so it reads back the same as a missing key
 * written with an empty invalid-key value — as in the HybridDB-recommended dialect.
 */
export function csvFieldEncode(value: string, delimiter: string, quote: string): string {
  const needsQuote = value.includes(delimiter) || value.includes(quote) || value.includes('\n') || value.includes('\r');
  if (!needsQuote) return value;
  return quote + value.split(quote).join(quote + quote) + quote;
}

/** The header line (column names), without the line break. */
export function csvHeaderLine(options: CsvOptions): string {
  return options.columns.map((name) => csvFieldEncode(name, options.delimiter, options.quote)).join(options.delimiter);
}

/** One log as a CSV line (without the line break): the rule's columns in order, invalid-key value for missing keys. */
export function csvLogLine(log: ShippingLog, options: CsvOptions, index: number): string {
  return options.columns
    .map((key) => csvFieldEncode(logValueGet(log, key, index) ?? options.nullValue, options.delimiter, options.quote))
    .join(options.delimiter);
}

/**
 * One log as a JSON line (without the line break).
 *
 * Key order (our choice; Log Service documents none): `__time__` (a number), `__topic__`,
 * `__source__`, then the log's own keys in their order, all as strings (SPEC §3).
 * Strings are escaped by JSON.stringify: non-ASCII text stays UTF-8, not `\u` escapes.
 */
export function jsonLogLine(log: ShippingLog, index: number): string {
  // Built by hand: a plain object would move integer-like keys ("404") to the front.
  const parts = [`"__time__":${logTimeSeconds(log, index)}`];
  for (const key of [...logReservedKeys.slice(1), ...logFieldKeys(log)]) {
    parts.push(`${JSON.stringify(key)}:${JSON.stringify(logValueGet(log, key, index) ?? '')}`);
  }
  return `{${parts.join(',')}}`;
}
