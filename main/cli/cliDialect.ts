/**
 * The shipped-CSV dialect of a command: Log Service defaults, a rule's CSV options (`--rule`),
 * then the explicit flags. Loaded when a command reads CSV (it brings the CSV reader along).
 */
import path from 'node:path';
import { csvDialectDefault } from '../../core/model';
import type { CsvDialect } from '../../core/model';
import { CliUsageError } from './cliErrors';
import type { DialectFlags } from './cliFlags';
import type { CliContext } from './cliOptions';
import { ruleRead } from './cliRule';

/** The CSV dialect from the flags (Log Service defaults for those not given). */
export function dialectFrom(flags: DialectFlags, base: CsvDialect = csvDialectDefault): CsvDialect {
  const dialect: CsvDialect = { ...base };
  if (flags.header || flags.csvColumns) delete dialect.columns;
  if (flags.csvDelimiter !== undefined) dialect.delimiter = flags.csvDelimiter;
  if (flags.quote !== undefined) dialect.quote = flags.quote;
  if (flags.header) dialect.header = true;
  if (flags.csvColumns) dialect.columns = flags.csvColumns;
  if (flags.null !== undefined) dialect.nullValue = flags.null;
  if (dialect.header && dialect.columns)
    throw new CliUsageError('--header and --csv-columns exclude each other: names come from the first line or from the list');
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
