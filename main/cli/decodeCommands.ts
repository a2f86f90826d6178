/**
 * `shiplens info | decode | schema` — what an object is, its decoded bytes, its columns.
 * (`head` and `export` live in tableCommands.ts.) Only option wiring lives here: the readers
 * load (decodeActions.ts) when one of these commands runs, so `shiplens --version` does not.
 */
import type { Command } from 'commander';
import { dialectOptionsAdd, formatOptionsAdd } from './cliFlags';
import type { DialectFlags, FormatFlags } from './cliFlags';
import type { CliContext } from './cliOptions';
import type { DecodeFlags } from './decodeActions';

const actions = () => import('./decodeActions');

/** Register info, decode and schema. */
export function decodeCommandsRegister(program: Command, ctx: CliContext): void {
  formatOptionsAdd(program.command('info <src>').description('format, compression, snappy variant and sizes of a file or oss://bucket/key'))
    .option('--json', 'print JSON')
    .action(async (src: string, flags: FormatFlags & { json?: boolean }, command: Command) =>
      (await actions()).infoAction(src, flags, command, ctx),
    );
  formatOptionsAdd(
    program
      .command('decode <src...>')
      .description(
        'undo snappy (raw block, framing, snappy-java, Hadoop) of files, objects or every file of a folder, in one process; writes via <out>.part + rename',
      ),
  )
    .option(
      '-o, --output <out>',
      'output file, a folder (existing or ending with /) for several inputs, or - for stdout (default: the name without .snappy, in the current folder)',
    )
    .option('--force', 'replace existing output files')
    .action(async (srcs: string[], flags: DecodeFlags, command: Command) => (await actions()).decodeAction(srcs, flags, command, ctx));
  dialectOptionsAdd(
    formatOptionsAdd(
      program.command('schema <src>').description('columns and types: Parquet from its footer (range reads only), JSON/CSV from the rows'),
    ),
  )
    .option('--json', 'print JSON')
    .action(async (src: string, flags: FormatFlags & DialectFlags & { json?: boolean }, command: Command) =>
      (await actions()).schemaAction(src, flags, command, ctx),
    );
}
