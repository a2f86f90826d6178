/**
 * Start-up economy: `shiplens key | path | decode | --version` need no engine, yet the full
 * CLI bundle is ~700 KB for V8 to parse before commander even starts (a third of a one-shot
 * decode's CPU). bin/shiplens.cjs sends these command lines to a small bundle (main/cliQuick.ts)
 * built from this program: the same root and the same groups as the full program, so output,
 * help and errors are the same bytes.
 */
import type { CliIo } from './cliOutput';
import { cliProgramRun } from './cliProgramRoot';
import { decodeCommandsRegister } from './decodeCommands';
import { shippingCommandsRegister } from './shippingCommands';

/** Run `shiplens key|path|decode|--version …` with the decode and shipping groups only; resolves to the exit code. */
export function cliQuickRun(args: string[], io: CliIo, signal: AbortSignal = new AbortController().signal): Promise<number> {
  return cliProgramRun([decodeCommandsRegister, shippingCommandsRegister], args, io, signal);
}
