/** The `shiplens` command line: wires the process to `cliRun` (main/cli/); nothing else. */
import { cliProcessRun } from './cli/cliProcess';
import { cliRun } from './cli/cliProgram';

cliProcessRun(cliRun);
