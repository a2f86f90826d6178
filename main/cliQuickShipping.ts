/**
 * The small `shiplens` bundle for `key`, `path` and `--version` (start-up economy, issue 14):
 * bin/shiplens.cjs runs it instead of the ~800 KB full CLI, which V8 would parse first. The same
 * root and the same group as the full program (cli/cliProgram.ts), and a command line builds only
 * the command it names (cli/cliCommandView.ts), so output, help and errors are the same bytes.
 */
import { cliProcessRun } from './cli/cliProcess';
import { cliProgramRun } from './cli/cliProgramRoot';
import { shippingCommandsRegister } from './cli/shippingCommands';

cliProcessRun((args, io, signal) => cliProgramRun([shippingCommandsRegister], args, io, signal));
