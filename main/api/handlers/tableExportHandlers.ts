/**
 * table.export: an opened table to a new .csv, .jsonl or .parquet file — every row, or the rows
 * of the grid's sort and filter in that order over the whole object (table.query's engine).
 * Every byte goes through the output writer (exclusive part file + rename, no overwrite
 * without consent); Parquet is written by DuckDB in the engine's folder, then copied out.
 */
import { createReadStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { ShiplensError } from '../../../core/errors';
import type { Cell } from '../../../core/model';
import type { TableReader } from '../../../core/formats';
import { rangeExportFormatOf } from '../../range/rangeExport';
import type { Job } from '../../services/jobRegistry';
import { outputWrite } from '../../services/outputWriter';
import type { OutputSink } from '../../services/outputWriter';
import type { TableEntry } from '../../services/tableRegistry';
import type { ApiServices } from '../../services/types';
import type { ApiParsed } from '../contract';
import type { TableFileOptions } from '../tableQueryContract';
import type { HandlerGroup } from '../handlerTypes';
import { outputDirResolve } from './outputDir';
import { tableQueryEngine } from './tableQueryHandlers';

type ExportArg = ApiParsed<'table.export'>;

/** Indexes of the chosen columns (all when none are named). */
function columnIndexes(names: readonly string[], chosen: readonly string[] | undefined): number[] {
  if (!chosen) return names.map((_, i) => i);
  return chosen.map((name) => {
    const index = names.indexOf(name);
    if (index < 0) throw new ShiplensError('INVALID_ARGUMENT', `The table has no column "${name.slice(0, 200)}".`, { source: 'columns' });
    return index;
  });
}

/** One JSON line: bigints as their digits (exact), null as null. */
function jsonLine(names: readonly string[], indexes: readonly number[], row: readonly Cell[]): string {
  const parts = indexes.map((i) => {
    const cell = row[i] ?? null;
    return `${JSON.stringify(names[i])}:${typeof cell === 'bigint' ? cell.toString() : JSON.stringify(cell)}`;
  });
  return `{${parts.join(',')}}\n`;
}

/** The rows of `reader` as CSV with the call's options (export.csv, and table.export to a .csv); the rows written. */
export async function csvRowsWrite(
  services: ApiServices,
  reader: TableReader,
  arg: TableFileOptions,
  sink: OutputSink,
  job: Job,
): Promise<number> {
  const written = await services.engine.csvExport(reader, (chunk) => sink.write(chunk), {
    columns: arg.columns,
    delimiter: arg.delimiter,
    bom: arg.bom,
    formulaGuard: arg.formulaGuard,
    nullText: arg.nullText,
    signal: job.signal,
    onProgress: (done) => job.progress('export', done, reader.numRows),
  });
  return written.rows;
}

async function rowsWrite(services: ApiServices, reader: TableReader, arg: ExportArg, sink: OutputSink, job: Job): Promise<number> {
  const names = reader.columns.map((c) => c.name);
  const indexes = columnIndexes(names, arg.columns);
  if (rangeExportFormatOf(arg.fileName) !== 'jsonl') return csvRowsWrite(services, reader, arg, sink, job);
  let rows = 0;
  for await (const batch of reader.rowBatches(job.signal)) {
    await sink.write(batch.map((row) => jsonLine(names, indexes, row)).join(''));
    rows += batch.length;
    job.progress('export', rows, reader.numRows);
  }
  return rows;
}

async function parquetWrite(services: ApiServices, entry: TableEntry, arg: ExportArg, sink: OutputSink, job: Job): Promise<number> {
  const engine = await tableQueryEngine(services, entry, job);
  const indexes = columnIndexes(engine.columns, arg.columns);
  job.progress('export', 0, null);
  const { file, rows } = await engine.parquet({ sort: arg.sort, filter: arg.filter }, indexes, job.signal);
  try {
    for await (const chunk of createReadStream(file, { signal: job.signal })) await sink.write(chunk as Buffer);
  } finally {
    await unlink(file).catch(() => undefined);
  }
  job.progress('export', rows, rows);
  return rows;
}

async function tableExport(services: ApiServices, arg: ExportArg) {
  const entry = services.tables.get(arg.tableId);
  const format = rangeExportFormatOf(arg.fileName);
  const outDir = await outputDirResolve(services, arg.outDir);
  const target = services.platform.safeJoin(outDir, arg.fileName);
  const view = arg.sort !== undefined || (arg.filter ?? '').trim() !== '';
  return services.jobs.run(arg.jobId, async (job) => {
    const { value, bytes } = await outputWrite(target, { overwrite: arg.overwrite, root: outDir }, async (sink) => {
      if (format === 'parquet') return parquetWrite(services, entry, arg, sink, job);
      if (!view) return rowsWrite(services, entry.opened.reader, arg, sink, job);
      const engine = await tableQueryEngine(services, entry, job);
      return engine.withRows({ sort: arg.sort, filter: arg.filter }, (reader) => rowsWrite(services, reader, arg, sink, job), job.signal);
    });
    return { path: target, bytes, rows: value };
  });
}

/** Handlers for table.export. */
export const tableExportHandlers: HandlerGroup<'table.export'> = {
  'table.export': tableExport,
};
