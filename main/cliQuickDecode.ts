/**
 * The small `shiplens` bundle for `decode` (start-up economy, issue 14; see cliQuickShipping.ts):
 * the decode group only, with the full program's root.
 */
import { cliProcessRun } from './cli/cliProcess';
import { cliProgramRun } from './cli/cliProgramRoot';
import { decodeCommandsRegister } from './cli/decodeCommands';

cliProcessRun((args, io, signal) => cliProgramRun([decodeCommandsRegister], args, io, signal));
