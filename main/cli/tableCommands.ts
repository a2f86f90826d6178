/**
 * `shiplens head | export` — rows of any shipped object, as a table, JSON lines or CSV.
 *
 * Shipped CSV has no header by default (SPEC §3), so both take the rule's dialect:
 * `--csv-delimiter`, `--quote`, `--header`, `--csv-columns`, `--null`. The output CSV of
 * `export` has its own `--delimiter`, `--bom` and formula guard. Only option wiring lives
 * here; the readers (tableActions.ts) load when one of these commands runs.
 */
import type { Command } from 'commander';
import { tableDefaultMaxColumns } from '../../core/formats';
import { dialectOptionsAdd, formatOptionsAdd } from './cliFlags';
import type { CliContext } from './cliOptions';
import { charOption, intOption, listOption } from './cliOptions';
import type { ExportFlags, TableFlags } from './tableActions';

const actions = () => import('./tableActions');

/** `--max-columns`: JSON keys beyond it share one "(other keys)" column (issue 12). */
function columnsOptionAdd(command: Command): Command {
  return command
    .option(
      '--max-columns <n>',
      'most columns (JSON keys, CSV fields); the rest go to one "(other keys)"/"(other columns)" column as JSON',
      intOption(1),
      tableDefaultMaxColumns,
    )
    .option('--time-zone <zone>', 'Parquet: UTC-adjusted timestamps shown in this zone, with its offset (default UTC)');
}

/** Register head and export. */
export function tableCommandsRegister(program: Command, ctx: CliContext): void {
  columnsOptionAdd(
    dialectOptionsAdd(
      formatOptionsAdd(program.command('head <src>').description('the first rows: a table, or JSON (one row per line) with --json')),
    ),
  )
    .option('-n, --lines <n>', 'number of rows', intOption(0), 20)
    .option('--json', 'one JSON object per row and line (INT64 as exact digits)')
    .action(async (src: string, flags: TableFlags & { lines: number; json?: boolean }, command: Command) =>
      (await actions()).headAction(src, flags, command, ctx),
    );
  columnsOptionAdd(
    dialectOptionsAdd(
      formatOptionsAdd(program.command('export <src>').description('all rows as CSV (RFC 4180), written via <out>.part + rename')),
    ),
  )
    .requiredOption('-o, --output <out.csv>', 'output CSV file, or - for stdout')
    .option('--columns <a,b>', 'columns to write, in this order (default: all)', listOption)
    .option('--no-formula-guard', "do not prefix ' to cells starting with = + - @ tab or CR")
    .option('--bom', 'start with a UTF-8 BOM (for Excel)')
    .option('--delimiter <char>', 'output CSV delimiter (default ",")', charOption)
    .option('--force', 'replace an existing output file')
    .action(async (src: string, flags: ExportFlags, command: Command) => (await actions()).exportAction(src, flags, command, ctx));
}
