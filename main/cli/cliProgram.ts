/** The full `shiplens` program: every command group on the root of cliProgramRoot.ts. */
import type { Command } from 'commander';
import type { CliContext } from './cliOptions';
import type { CliIo } from './cliOutput';
import type { CliCommandsRegister } from './cliProgramRoot';
import { cliProgramBuild, cliProgramRun } from './cliProgramRoot';
import { decodeCommandsRegister } from './decodeCommands';
import { forwardCommandRegister } from './forwardCommand';
import { maxcomputeCommandsRegister } from './maxcomputeCommands';
import { queryCommandRegister } from './queryCommand';
import { ruleCommandsRegister } from './ruleCommands';
import { shippingCommandsRegister } from './shippingCommands';
import { slsCommandsRegister } from './slsCommands';
import { storageCommandsRegister } from './storageCommands';
import { tableCommandsRegister } from './tableCommands';

const groups: readonly CliCommandsRegister[] = [
  decodeCommandsRegister,
  tableCommandsRegister,
  shippingCommandsRegister,
  ruleCommandsRegister,
  storageCommandsRegister,
  slsCommandsRegister,
  forwardCommandRegister,
  maxcomputeCommandsRegister,
  queryCommandRegister,
];

/** Build a fresh program bound to `ctx`; with `args`, only the command they name (cliCommandView.ts). */
export function cliProgramCreate(ctx: CliContext, out: { text: string }, args?: readonly string[]): Command {
  return cliProgramBuild(ctx, out, groups, args);
}

/** Run `shiplens <args>`; resolves to the exit code (never throws). */
export function cliRun(args: string[], io: CliIo, signal: AbortSignal = new AbortController().signal): Promise<number> {
  return cliProgramRun(groups, args, io, signal);
}
