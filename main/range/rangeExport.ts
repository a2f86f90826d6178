/**
 * A query's result as a new file (.csv, .parquet or .jsonl): DuckDB COPYs into a part file we
 * created exclusively next to the target, then the one output writer's commit links it into
 * place (never over an existing file unless allowed); on any failure the part is removed.
 */
import { unlink } from 'node:fs/promises';
import path from 'node:path';
import { ShiplensError } from '../../core/errors';
import { outputFolderPrepare, outputNameCheck } from '../services/outputName';
import { outputCommit, outputPartOpen, outputTargetCheck } from '../services/outputWriter';
import type { RangeSession } from './rangeQuery';

/** Output formats by file extension. */
export const rangeExportFormats = { '.csv': 'csv', '.parquet': 'parquet', '.jsonl': 'jsonl' } as const;

/** The format of a target file name, or INVALID_ARGUMENT. */
export function rangeExportFormatOf(target: string): 'csv' | 'parquet' | 'jsonl' {
  const format = rangeExportFormats[path.extname(target).toLowerCase() as keyof typeof rangeExportFormats];
  if (!format) throw new ShiplensError('INVALID_ARGUMENT', 'The output file must end in .csv, .parquet or .jsonl.', { source: target });
  return format;
}

/** Check the target before any object is read (name, existing file, folder). */
export async function rangeExportPrepare(target: string, overwrite: boolean, root?: string): Promise<void> {
  rangeExportFormatOf(target);
  outputNameCheck(target);
  await outputTargetCheck(target, overwrite);
  await outputFolderPrepare(target, root);
}

/** COPY the SQL's result to `target`; returns the rows written. */
export async function rangeExport(
  session: RangeSession,
  sql: string,
  target: string,
  overwrite: boolean,
  signal?: AbortSignal,
): Promise<number> {
  const format = rangeExportFormatOf(target);
  const part = await outputPartOpen(target);
  await part.handle.close();
  try {
    const rows = await session.copyTo(sql, part.path, format, signal);
    await outputCommit(part.path, target, overwrite);
    return rows;
  } catch (error) {
    await unlink(part.path).catch(() => undefined);
    throw error;
  }
}
