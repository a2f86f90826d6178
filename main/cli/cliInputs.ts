/**
 * The input side shared by the decode commands: which object (`<src>`), how to read its format
 * (`--format`, `--compression`, `--max-size`) and the shipped-CSV dialect flags.
 */
import path from 'node:path';
import { Option } from 'commander';
import type { Command } from 'commander';
import type { ByteSource } from '../../core/bytes/byteSource';
import { snappyDefaultMaxOutputBytes } from '../../core/codecs/snappy';
import type { FormatHints } from '../../core/formats/formatDetect';
import type { Compression, StorageFormat } from '../../core/shipping/rule';
import { csvDialectDefault } from '../../core/formats/shippedCsv';
import type { CsvDialect } from '../../core/formats/shippedCsv';
import { CliUsageError } from './cliErrors';
import type { CliContext } from './cliOptions';
import { charOption, cliGlobals, listOption, sizeOption } from './cliOptions';
import { ruleRead } from './cliRule';
import { cliLocationParse, cliSourceOpen } from './cliSources';

/** `--format` / `--compression` flags of every decode command. */
export interface FormatFlags {
  format?: StorageFormat;
  compression?: Compression;
  maxSize?: number;
}

/** Default cap on decoded JSON/CSV (DESIGN rule 4). */
export const defaultMaxBytes = snappyDefaultMaxOutputBytes;

/** Add `--format`, `--compression` and `--max-size` to a decode command. */
export function formatOptionsAdd(command: Command): Command {
  return command
    .addOption(new Option('--format <format>', 'storage format when the name does not say (renamed files)').choices(['json', 'csv', 'parquet']))
    .addOption(new Option('--compression <compression>', 'compression when the name does not say').choices(['none', 'snappy']))
    .option('--max-size <size>', 'largest decoded size accepted (e.g. 512M, 2G)', sizeOption, defaultMaxBytes);
}

/** Hints from the flags (only those given). */
export function hintsOf(flags: FormatFlags): FormatHints {
  const hints: FormatHints = {};
  if (flags.format) hints.format = flags.format;
  if (flags.compression) hints.compression = flags.compression;
  return hints;
}

/** Open `src` for an action, recording it as the error source. */
export async function sourceFor(src: string, command: Command, ctx: CliContext): Promise<ByteSource> {
  ctx.source = src;
  return cliSourceOpen(cliLocationParse(src, ctx.io.cwd), cliGlobals(command), ctx.io, ctx.signal);
}

/** The shipped-CSV dialect flags. */
export interface DialectFlags {
  rule?: string;
  csvDelimiter?: string;
  quote?: string;
  header?: boolean;
  csvColumns?: string[];
  null?: string;
}

/** Add the input CSV dialect flags. */
export function dialectOptionsAdd(command: Command): Command {
  return command
    .option('--rule <rule.json>', 'shipped CSV: take the dialect (columns, delimiter, quote, header, invalid-key value) from this rule')
    .option('--csv-delimiter <char>', 'shipped CSV: field delimiter (default ",")', charOption)
    .option('--quote <char>', 'shipped CSV: quote character (default \'"\')', charOption)
    .option('--header', 'shipped CSV: the first line holds column names (Log Service default: no header)')
    .option('--csv-columns <a,b,…>', 'shipped CSV: column names for a header-less file (the rule\'s key list)', listOption)
    .option('--null <value>', 'shipped CSV: the rule\'s invalid-key value, read as null');
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
