/**
 * The input side shared by the decode commands: which object (`<src>`), how to read its format
 * (`--format`, `--compression`, `--max-size`) and the shipped-CSV dialect flags.
 */
import path from 'node:path';
import type { Command } from 'commander';
import type { ByteSource } from '../../core/bytes/byteSource';
import type { FormatHints } from '../../core/formats/formatDetect';
import { csvDialectDefault } from '../../core/formats/shippedCsv';
import type { CsvDialect } from '../../core/formats/shippedCsv';
import { CliUsageError } from './cliErrors';
import type { CliContext } from './cliOptions';
import type { DialectFlags, FormatFlags } from './cliFlags';
import { cliGlobals } from './cliOptions';
import { ruleRead } from './cliRule';
import { cliLocationParse, cliSourceOpen } from './cliSources';

// The flag declarations live in cliFlags.ts (cheap to load); re-exported for existing callers.
export { defaultMaxBytes, dialectOptionsAdd, formatOptionsAdd } from './cliFlags';
export type { DialectFlags, FormatFlags } from './cliFlags';

/** True when a shipped-CSV dialect flag was given (they describe CSV, so they imply it). */
function dialectFlagGiven(flags: DialectFlags): boolean {
  return flags.csvDelimiter !== undefined || flags.quote !== undefined || flags.header === true || flags.csvColumns !== undefined || flags.null !== undefined;
}

/** Hints from the flags (only those given); CSV dialect flags imply CSV unless --format says otherwise. */
export function hintsOf(flags: FormatFlags & DialectFlags): FormatHints {
  const hints: FormatHints = {};
  if (flags.format) hints.format = flags.format;
  else if (dialectFlagGiven(flags)) hints.format = 'csv';
  if (flags.compression) hints.compression = flags.compression;
  return hints;
}

/** Open `src` for an action, recording it as the error source. */
export async function sourceFor(src: string, command: Command, ctx: CliContext): Promise<ByteSource> {
  ctx.source = src;
  return cliSourceOpen(cliLocationParse(src, ctx.io.cwd), cliGlobals(command), ctx.io, ctx.signal);
}

/** The CSV dialect from the flags (Log Service defaults for those not given). */
export function dialectFrom(flags: DialectFlags, base: CsvDialect = csvDialectDefault): CsvDialect {
  const dialect: CsvDialect = { ...base };
  if (flags.header || flags.csvColumns) delete dialect.columns;
  if (flags.csvDelimiter !== undefined) dialect.delimiter = flags.csvDelimiter;
  if (flags.quote !== undefined) dialect.quote = flags.quote;
  if (flags.header) dialect.header = true;
  if (flags.csvColumns) dialect.columns = flags.csvColumns;
  if (flags.null !== undefined) dialect.nullValue = flags.null;
  if (dialect.header && dialect.columns) throw new CliUsageError('--header and --csv-columns exclude each other: names come from the first line or from the list');
  return dialect;
}


/** The dialect from `--rule` (its CSV options), overridden by the explicit flags. */
export async function dialectResolve(flags: DialectFlags, ctx: CliContext): Promise<CsvDialect> {
  if (flags.rule === undefined) return dialectFrom(flags);
  const csv = (await ruleRead(path.resolve(ctx.io.cwd, flags.rule), flags.rule)).csv;
  if (!csv) return dialectFrom(flags);
  const base: CsvDialect = { delimiter: csv.delimiter, quote: csv.quote, header: csv.header, nullValue: csv.nullValue };
  if (!csv.header && csv.columns.length > 0) base.columns = [...csv.columns];
  return dialectFrom(flags, base);
}
