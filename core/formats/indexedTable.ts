/**
 * A TableReader over rows already indexed in one pass (JSON lines, shipped CSV).
 *
 * Both readers record where each row sits in the decoded input and parse a page again on
 * demand; this is the part they share: range checks, cancellation and export batches.
 */
import { ShiplensError, throwIfCancelled } from '../errors';
import { tableBatchRows } from './table';
import type { Cell, TableColumn } from '../model/cells';
import type { TableReader } from './table';

/**
 * A paged TableReader over `count` indexed rows.
 *
 * `rowsRead(first, end)` parses rows [first, end) with 0 <= first < end <= count; the reader
 * validates the requested range (INVALID_ARGUMENT, naming `source`) and honours `signal`.
 */
export function indexedTableReader(
  columns: TableColumn[],
  count: number,
  rowsRead: (first: number, end: number) => Cell[][],
  source?: string,
): TableReader {
  const readRows = async (offset: number, limit: number, signal?: AbortSignal): Promise<Cell[][]> => {
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(limit) || offset < 0 || limit < 0) {
      throw new ShiplensError('INVALID_ARGUMENT', `Invalid row range ${offset}+${limit}.`, { source });
    }
    throwIfCancelled(signal);
    const end = Math.min(count, offset + limit);
    return end > offset ? rowsRead(offset, end) : [];
  };
  return {
    columns,
    numRows: count,
    readRows,
    async *rowBatches(signal?: AbortSignal) {
      // Sized in cells, not rows: 5,000 rows of 50,000 columns were 250 million cells (issue 12).
      const batchRows = tableBatchRows(columns.length);
      for (let offset = 0; offset < count; offset += batchRows) yield await readRows(offset, batchRows, signal);
    },
  };
}
