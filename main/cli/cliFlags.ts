/**
 * The input flags of the decode commands (`--format`, `--compression`, `--max-decode-bytes` and the
 * shipped-CSV dialect), declared without loading any reader: command wiring imports this, so
 * `shiplens --version` does not pay for the formats (cliInputs.ts interprets the values).
 */
import { Option } from 'commander';
import type { Command } from 'commander';
import { maxDecodeBytesDefault } from '../../core/model';
import type { Compression, StorageFormat } from '../../core/model';
import { charOption, decodeSizeOption, listOption } from './cliOptions';

/** `--format` / `--compression` flags of every decode command. */
export interface FormatFlags {
  format?: StorageFormat;
  compression?: Compression;
  maxDecodeBytes?: number;
  /** `--max-size`, the deprecated spelling of `--max-decode-bytes` (folded into it before the action). */
  maxSize?: number;
}

/** Add `--format`, `--compression` and `--max-decode-bytes` to a decode command. */
export function formatOptionsAdd(command: Command): Command {
  return command
    .addOption(
      new Option('--format <format>', 'storage format when the name does not say (renamed files)').choices(['json', 'csv', 'parquet']),
    )
    .addOption(new Option('--compression <compression>', 'compression when the name does not say').choices(['none', 'snappy']))
    .option(
      '--max-decode-bytes <size>',
      'largest decoded size accepted (e.g. 512M, 2G; at most 4G)',
      decodeSizeOption,
      maxDecodeBytesDefault,
    )
    .addOption(new Option('--max-size <size>').argParser(decodeSizeOption).hideHelp())
    .hook('preAction', maxSizeAliasFold);
}

/** Old scripts keep working: `--max-size` counts as `--max-decode-bytes` unless that one is given too. */
function maxSizeAliasFold(command: Command): void {
  const alias = command.getOptionValue('maxSize') as number | undefined;
  if (alias === undefined || command.getOptionValueSource('maxDecodeBytes') === 'cli') return;
  command.setOptionValueWithSource('maxDecodeBytes', alias, 'cli');
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

/** Add the input CSV dialect flags (any of them but --rule implies CSV unless --format says otherwise). */
export function dialectOptionsAdd(command: Command): Command {
  return command
    .option('--rule <rule.json>', 'shipped CSV: take the dialect (columns, delimiter, quote, header, invalid-key value) from this rule')
    .option('--csv-delimiter <char>', 'shipped CSV: field delimiter (default ","; implies CSV)', charOption)
    .option('--quote <char>', "shipped CSV: quote character (default '\"')", charOption)
    .option('--header', 'shipped CSV: the first line holds column names (Log Service default: no header)')
    .option('--csv-columns <a,b,…>', "shipped CSV: column names for a header-less file (the rule's key list)", listOption)
    .option('--null <value>', "shipped CSV: the rule's invalid-key value, read as null");
}
