/**
 * The table model every reader produces and every view/export consumes.
 *
 * JSON lines, shipped CSV and Parquet all become columns + rows of cells, read in pages
 * (hightable's DataFrame shape), so the table view and CSV export work the same on all.
 */
import type { Cell, TableColumn } from '../model/cells';

/** A row-addressable table, read page by page. */
export interface TableReader {
  readonly columns: TableColumn[];
  /** Row count when known without reading everything (Parquet footer); else null. */
  readonly numRows: number | null;
  /** Rows [offset, offset + limit); shorter at the end. */
  readRows(offset: number, limit: number, signal?: AbortSignal): Promise<Cell[][]>;
  /** All rows in batches, in order, with bounded memory (for export). */
  rowBatches(signal?: AbortSignal): AsyncIterable<Cell[][]>;
}

/**
 * Default column limit: a spreadsheet's worth. A JSON-lines object of 50,000 lines with 50,000
 * different keys made every row 50,000 cells; beyond the limit the rest share one column.
 */
export const tableDefaultMaxColumns = 2000;

/**
 * Cells per batch or page. Memory and time grow as rows × columns, so batches are sized in
 * cells: 5,000 rows of 20 columns, or 124 rows of 2,001 columns, both stay near 100,000 cells.
 */
export const tableBatchCells = 100_000;

/** Rows per batch for `columns` columns: about `cells` cells, at least 1 row, at most `maxRows`. */
export function tableBatchRows(columns: number, maxRows = 5000, cells = tableBatchCells): number {
  return Math.max(1, Math.min(maxRows, Math.floor(cells / Math.max(1, columns))));
}
