/** The small `shiplens` bundle for `key`, `path` and `--version` (see cli/cliQuickProgram.ts). */
import { cliProcessRun } from './cli/cliProcess';
import { cliQuickRun } from './cli/cliQuickProgram';

cliProcessRun(cliQuickRun);
