/**
 * What `shiplens head | export` do (wired in tableCommands.ts, loaded when one runs): rows of
 * any shipped object, as a table, JSON lines or CSV, with the shipped-CSV dialect flags.
 */
import type { Command } from 'commander';
import { engineShared } from '../engine';
import type { OpenedTable } from '../../core/formats';
import { outputWrite } from '../services/outputWriter';
import { textBlocks } from '../services/textBlocks';
import { CliUsageError } from './cliErrors';
import { dialectResolve, hintsOf, sourceFor } from './cliInputs';
import type { DialectFlags, FormatFlags } from './cliInputs';
import type { CliContext } from './cliOptions';
import { cliProgress } from './cliOutput';
import { rowJsonLine, rowsTable } from './cliRender';
import { cliLocationParse } from './cliSources';
import { cliZoneCheck } from './cliTime';

export type TableFlags = FormatFlags & DialectFlags & { maxColumns: number; timeZone?: string };

async function open(src: string, flags: TableFlags, command: Command, ctx: CliContext): Promise<OpenedTable> {
  const dialect = await dialectResolve(flags, ctx);
  const source = await sourceFor(src, command, ctx);
  const progress = cliProgress(ctx.io, `reading ${source.name}`, source.size);
  const opened = await engineShared().tableOpen(source, {
    ...hintsOf(flags),
    dialect,
    maxDecodeBytes: flags.maxDecodeBytes,
    maxColumns: flags.maxColumns,
    timeZone: flags.timeZone === undefined ? undefined : cliZoneCheck(flags.timeZone),
    signal: ctx.signal,
    onProgress: (done, total) => progress.update(done, total),
  });
  await progress.done();
  for (const w of opened.warnings.slice(0, 5))
    await ctx.io.stderr.write(`shiplens: ${source.name}: warning: ${w.line !== undefined ? `line ${w.line}: ` : ''}${w.message}\n`);
  if (opened.warnings.length > 5) await ctx.io.stderr.write(`shiplens: ${source.name}: ${opened.warnings.length - 5} more warnings\n`);
  return opened;
}

export async function headAction(
  src: string,
  flags: TableFlags & { lines: number; json?: boolean },
  command: Command,
  ctx: CliContext,
): Promise<void> {
  const { reader } = await open(src, flags, command, ctx);
  const rows = await reader.readRows(0, flags.lines, ctx.signal);
  if (!flags.json) {
    await ctx.io.stdout.write(rowsTable(reader.columns, rows));
    return;
  }
  for (const row of rows) await ctx.io.stdout.write(rowJsonLine(reader.columns, row));
}

export interface ExportFlags extends TableFlags {
  output: string;
  columns?: string[];
  formulaGuard: boolean;
  bom?: boolean;
  delimiter?: string;
  force?: boolean;
}

export async function exportAction(src: string, flags: ExportFlags, command: Command, ctx: CliContext): Promise<void> {
  const target = flags.output === '-' ? null : cliLocationParse(flags.output, ctx.io.cwd);
  if (target && target.kind !== 'local') throw new CliUsageError('export writes a local file or - (stdout), not oss://');
  const { reader } = await open(src, flags, command, ctx);
  const progress = cliProgress(ctx.io, `exporting ${src}`, 0, reader.numRows !== null && reader.numRows > 1_000_000);
  const options = {
    columns: flags.columns,
    delimiter: flags.delimiter,
    bom: flags.bom === true,
    formulaGuard: flags.formulaGuard,
    signal: ctx.signal,
    onProgress: (rows: number) => progress.update(rows, reader.numRows),
  };
  if (!target) {
    // ~256 KiB writes to stdout (files buffer in the output writer).
    const out = textBlocks((text) => ctx.io.stdout.write(text), 256 * 1024);
    await engineShared().csvExport(reader, (chunk) => out.write(chunk), options);
    await out.flush();
    return;
  }
  // Bytes are counted by the writer, from what reached the file (not the exporter's estimate).
  const { value, bytes } = await outputWrite(target.path, { overwrite: flags.force === true }, (sink) =>
    engineShared().csvExport(reader, (chunk) => sink.write(chunk), options),
  );
  const result = { rows: value.rows, bytes };
  await progress.done();
  await ctx.io.stdout.write(`${flags.output}: ${result.rows} rows, ${result.bytes} bytes\n`);
}
