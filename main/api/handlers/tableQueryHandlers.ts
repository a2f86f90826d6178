/**
 * table.query: pages of an opened table under the grid's sort and filter, over every row of
 * the object. The first call copies the table into DuckDB (a job: progress `index` in rows,
 * cancel stops it and the next call starts again); DuckDB is loaded then, not with the app.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { tableBatchRows } from '../../../core/formats';
import type { TableQuery } from '../../range/tableQuery';
import type { TableEntry } from '../../services/tableRegistry';
import type { ApiServices } from '../../services/types';
import { rowsForView, rowsPageCells } from '../cells';
import type { HandlerGroup } from '../handlerTypes';
import type { Job } from '../../services/jobRegistry';

/** Folder (inside the data folder) where each table's engine may spill. */
export const tableQueryFolder = 'table-query';

const engines = new WeakMap<TableEntry, Promise<TableQuery>>();

/** The table's engine, made on first use (a failed or cancelled copy is made again next time). */
export function tableQueryEngine(services: ApiServices, entry: TableEntry, job: Job): Promise<TableQuery> {
  const found = engines.get(entry);
  if (found) return found;
  const made = (async () => {
    const { TableQuery } = await import('../../range/tableQuery');
    const reader = entry.opened.reader;
    return TableQuery.create(reader, {
      tempDir: path.join(services.dataDir, tableQueryFolder, randomBytes(6).toString('hex')),
      signal: job.signal,
      onProgress: (rows) => job.progress('index', rows, reader.numRows),
    });
  })();
  engines.set(entry, made);
  entry.query = made;
  made.catch(() => {
    if (engines.get(entry) !== made) return;
    engines.delete(entry);
    delete entry.query;
  });
  return made;
}

/** Handlers for table.query. */
export const tableQueryHandlers: HandlerGroup<'table.query'> = {
  'table.query': (services, arg) => {
    const entry = services.tables.get(arg.tableId);
    return services.jobs.run(arg.jobId, async (job) => {
      const engine = await tableQueryEngine(services, entry, job);
      const span = arg.rowEnd - arg.rowStart;
      const rowEnd = span === 0 ? arg.rowStart : arg.rowStart + tableBatchRows(engine.columns.length, span, rowsPageCells);
      const page = await engine.page(
        { sort: arg.sort, filter: arg.filter, rowStart: arg.rowStart, rowEnd, locate: arg.locate },
        job.signal,
      );
      const rows = rowsForView(page.rows);
      return { ...page, rows, rowIndexes: page.rowIndexes.slice(0, rows.length) };
    });
  },
};
