/**
 * The input side shared by the decode commands: which object (`<src>`), how to read its format
 * (`--format`, `--compression`, `--max-decode-bytes`) and the shipped-CSV dialect flags.
 */
import type { Command } from 'commander';
import type { ByteSource } from '../../core/bytes';
import type { FormatHints } from '../../core/detect';
import type { CsvDialect } from '../../core/model';
import type { CliContext } from './cliOptions';
import type { DialectFlags, FormatFlags } from './cliFlags';
import { cliGlobals } from './cliOptions';
import { cliLocationParse, cliSourceOpen } from './cliSources';

// The flag declarations live in cliFlags.ts (cheap to load); re-exported for existing callers.
export { dialectOptionsAdd, formatOptionsAdd } from './cliFlags';
export type { DialectFlags, FormatFlags } from './cliFlags';

/** True when a shipped-CSV dialect flag was given (they describe CSV, so they imply it). */
function dialectFlagGiven(flags: DialectFlags): boolean {
  return (
    flags.csvDelimiter !== undefined ||
    flags.quote !== undefined ||
    flags.header === true ||
    flags.csvColumns !== undefined ||
    flags.null !== undefined
  );
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

/** The dialect from `--rule` (its CSV options), overridden by the explicit flags (cliDialect.ts, loaded on use: it needs the CSV reader). */
export async function dialectResolve(flags: DialectFlags, ctx: CliContext): Promise<CsvDialect> {
  return (await import('./cliDialect')).dialectResolve(flags, ctx);
}
