/**
 * The small `shiplens` bundle for `query` (start-up economy, issues 14 and 15; see
 * cliQuickShipping.ts): the query command only, with the full program's root. A warm range
 * query is ~0.5 s in all; the full CLI's other groups (table readers, OSS, forwarding) were
 * ~90 ms of it before the command ran.
 */
import { cliProcessRun } from './cli/cliProcess';
import { cliProgramRun } from './cli/cliProgramRoot';
import { queryCommandRegister } from './cli/queryCommand';

cliProcessRun((args, io, signal) => cliProgramRun([queryCommandRegister], args, io, signal));
