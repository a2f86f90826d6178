/** table.* and export.csv handlers: open once, read pages, export through a `.part` file. */
import { byteSourceReadAll } from '../../../core/bytes';
import type { ByteSource } from '../../../core/bytes';
import { ShiplensError } from '../../../core/errors';
import { outputWrite } from '../../services/outputWriter';
import type { Job } from '../../services/jobRegistry';
import type { OpenedTable } from '../../../core/formats';
import type { ApiServices } from '../../services/types';
import { rowsPage, utf8Slice } from '../cells';
import type { TableInfo } from '../../../core/model';
import type { ApiParsed } from '../contract';
import type { HandlerGroup } from '../handlerTypes';
import { outputDirResolve } from './outputDir';
import { csvRowsWrite } from './tableExportHandlers';

const maxWarnings = 1000;

/**
 * Open a table. A large JSON/CSV object (snappy or not) is read here, then decoded, indexed
 * and held by a worker thread that answers row pages: neither the decode nor the per-line
 * indexing (seconds for 200 MB) runs on the main event loop.
 */
async function tableOpenJob(services: ApiServices, arg: ApiParsed<'table.open'>, job: Job): Promise<OpenedTable> {
  const storage = await services.connections.storage();
  return tableFromSource(services, await storage.open(arg.key, job.signal), arg, job);
}

/** Open a table from any byte source (a bucket object, or a local file by `table.openFile`). */
export async function tableFromSource(
  services: ApiServices,
  source: ByteSource,
  arg: Omit<ApiParsed<'table.open'>, 'jobId'>,
  job: Job,
): Promise<OpenedTable> {
  // formatDetect always decides (suffix, content or hint), so there is no 'unknown' to refuse here.
  const detected = await services.engine.formatDetect(source, { format: arg.format, compression: arg.compression });
  const { maxDecodeBytes, maxColumns, timeZone } = await services.settings.get();
  const onProgress = (done: number, total: number | null): void => job.progress('decode', done, total);
  if (detected.format !== 'parquet' && services.decoder.usesWorker(source.size)) {
    job.progress('read', 0, source.size);
    const bytes = await byteSourceReadAll(source, maxDecodeBytes, job.signal);
    job.progress('read', bytes.length, source.size);
    // The worker runs tableOpen with the user's own hints, as the inline path below does.
    const request = {
      bytes,
      name: arg.key,
      format: arg.format,
      compression: arg.compression,
      dialect: arg.dialect,
      maxDecodeBytes,
      maxColumns,
    };
    return services.decoder.tableOpen({ request, signal: job.signal, onProgress });
  }
  // Pass only the user's own hints: tableOpen re-detects, which keeps its name-vs-content
  // warnings and its plain-text fallback for un-suffixed objects that merely look like snappy.
  return services.engine.tableOpen(source, {
    format: arg.format,
    compression: arg.compression,
    dialect: arg.dialect,
    maxDecodeBytes,
    maxColumns,
    timeZone,
    signal: job.signal,
    onProgress,
  });
}

/** The API view of an opened table. */
export function tableInfoBuild(tableId: string, key: string, opened: OpenedTable): TableInfo {
  return {
    tableId,
    key,
    format: opened.format,
    compression: opened.compression,
    columns: opened.reader.columns.map((c) => ({ name: c.name, type: c.type })),
    numRows: opened.reader.numRows,
    hasRaw: opened.text !== null,
    rawBytes: opened.text?.length ?? 0,
    warnings: opened.warnings.slice(0, maxWarnings),
  };
}

async function exportCsv(services: ApiServices, arg: ApiParsed<'export.csv'>) {
  const { opened } = services.tables.get(arg.tableId);
  const outDir = await outputDirResolve(services, arg.outDir);
  const target = services.platform.safeJoin(outDir, arg.fileName);
  return services.jobs.run(arg.jobId, async (job) => {
    const { value, bytes } = await outputWrite(target, { overwrite: arg.overwrite, root: outDir }, (sink) =>
      csvRowsWrite(services, opened.reader, arg, sink, job),
    );
    return { path: target, bytes, rows: value };
  });
}

/** Handlers for tables: open, pages of rows, raw text, close, CSV export. */
export const tableHandlers: HandlerGroup<'table.open' | 'table.rows' | 'table.raw' | 'table.close' | 'export.csv'> = {
  'table.open': async (services, arg) =>
    services.jobs.run(arg.jobId, async (job) => {
      const opened = await tableOpenJob(services, arg, job);
      const tableId = services.tables.add({ key: arg.key, opened });
      return tableInfoBuild(tableId, arg.key, opened);
    }),
  'table.rows': async (services, arg) => {
    const { opened } = services.tables.get(arg.tableId);
    return { rows: await rowsPage(opened.reader, arg.offset, arg.limit) };
  },
  'table.raw': async (services, arg) => {
    const { opened } = services.tables.get(arg.tableId);
    if (!opened.text)
      throw new ShiplensError('UNSUPPORTED_FORMAT', 'This table has no raw text view (Parquet is binary).', { source: 'tableId' });
    return { text: utf8Slice(opened.text, arg.offset, arg.length), totalBytes: opened.text.length };
  },
  'table.close': async (services, arg) => ({ closed: services.tables.close(arg.tableId) }),
  'export.csv': exportCsv,
};
