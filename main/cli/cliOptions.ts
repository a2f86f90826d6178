/**
 * Option parsers and the context shared by every command group.
 *
 * Parsers throw commander's InvalidArgumentError, so a bad value is a usage error (exit 2).
 */
import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';
import { maxDecodeBytesRange } from '../../core/model';
import type { CliIo } from './cliOutput';
import type { CliConnectionOptions } from './cliSources';

/** Options every command inherits from the program. */
export interface CliGlobalOptions extends CliConnectionOptions {
  debug?: boolean;
}

/** What a command action gets besides its own arguments. */
export interface CliContext {
  io: CliIo;
  signal: AbortSignal;
  /** Set by an action to the file/object it works on, so errors without a source name it. */
  source?: string;
}

/** The program-level options (`--debug`, `--endpoint`…) as seen from a subcommand. */
export function cliGlobals(command: Command): CliGlobalOptions {
  return command.optsWithGlobals<CliGlobalOptions>();
}

/** A whole number ≥ `min`. */
export function intOption(min: number): (value: string) => number {
  return (value) => {
    if (!/^\d+$/.test(value.trim()) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
      throw new InvalidArgumentError(`expected a whole number ≥ ${min}`);
    }
    return Number(value);
  };
}

/** Exactly one character (`\t` and `tab` accepted for a tab). */
export function charOption(value: string): string {
  const v = value === '\\t' || value.toLowerCase() === 'tab' ? '\t' : value;
  if ([...v].length !== 1) throw new InvalidArgumentError('expected exactly one character (use "\\t" or "tab" for a tab)');
  return v;
}

/** A comma-separated list of non-empty names. */
export function listOption(value: string): string[] {
  const items = value.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) throw new InvalidArgumentError('expected names separated by commas, none empty');
  return items;
}

/** A size like `1073741824`, `512M`, `1G` (binary units). */
export function sizeOption(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?$/i.exec(value.trim());
  if (!m) throw new InvalidArgumentError('expected a size such as 1G, 512M or a byte count');
  const power = ['', 'k', 'm', 'g', 't'].indexOf((m[2] ?? '').toLowerCase());
  const bytes = Math.floor(Number(m[1]) * 1024 ** power);
  if (!Number.isSafeInteger(bytes) || bytes <= 0) throw new InvalidArgumentError('expected a positive size');
  return bytes;
}

/** `--max-decode-bytes`: a size up to 4 GiB (maxDecodeBytesRange.max), so whatever is accepted can be decoded and written. */
export function decodeSizeOption(value: string): number {
  const bytes = sizeOption(value);
  if (bytes > maxDecodeBytesRange.max)
    throw new InvalidArgumentError('at most 4G (the largest decoded buffer shiplens can hold and write)');
  return bytes;
}
