/**
 * A range query's answer as the Inspect grid reads rows: the first rows came with the answer,
 * the rest are fetched by position from range.rows as they scroll into sight (main keeps the
 * whole answer on disk), so every row of the answer can be reached.
 */
import type { TableInfo } from '../../../main/api/contract';
import type { RangeQueryInfo } from '../../../main/api/rangeContract';
import { apiCall } from '../../api/client';
import type { TableFrame } from '../inspect/tableFrame';
import { viewFrameCreate } from '../inspect/tableViewFrame';
import type { ViewFrame, ViewPage } from '../inspect/tableViewFrame';

/** Rows asked for per call, and rows kept in the renderer at most. */
const pageSize = 500;
const cap = 20_000;

type ColumnType = TableInfo['columns'][number]['type'];

/** The grid's column type of a DuckDB type (numbers right-aligned; the rest as text). */
function columnType(duck: string): ColumnType {
  if (/^(BIGINT|HUGEINT|UBIGINT|UHUGEINT)$/.test(duck)) return 'int64';
  if (/^(INTEGER|SMALLINT|TINYINT|UINTEGER|USMALLINT|UTINYINT)$/.test(duck)) return 'int32';
  if (/^(DOUBLE|FLOAT|REAL)$/.test(duck)) return 'double';
  if (duck.startsWith('DECIMAL')) return 'decimal';
  if (duck === 'BOOLEAN') return 'boolean';
  return 'string';
}

/** What the grid needs for one answer: its table, loaded rows (the first page) and the rows by position. */
export interface QueryGridSource {
  table: TableInfo;
  frame: TableFrame;
  fixed: ViewFrame;
}

/** The grid's source for an answer (one per answer: a new answer is a new grid). */
export function queryGridSource(result: RangeQueryInfo): QueryGridSource {
  const table: TableInfo = {
    tableId: `query:${result.resultId}`,
    key: '',
    format: 'json',
    compression: 'none',
    columns: result.columns.map((c) => ({ name: c.name, type: columnType(c.type) })),
    numRows: result.rowCount,
    hasRaw: false,
    rawBytes: 0,
    warnings: [],
  };
  const first = result.rows;
  // The loaded rows are the answer's first ones (they size the columns); the rest come through `fixed`.
  const frame: TableFrame = {
    header: table.columns.map((c) => c.name),
    numRows: first.length,
    fetch: async ({ rowStart, rowEnd }) => first.slice(rowStart, rowEnd),
    loaded: () => first.length,
    rowsLoaded: (end = first.length) => first.slice(0, end),
    done: () => true,
  };
  const page = (rows: ViewPage['rows'], at: number): ViewPage => ({
    rows,
    rowIndexes: rows.map((_, i) => at + i),
    numRows: result.rowCount,
    totalRows: result.rowCount,
  });
  const fixed = viewFrameCreate(
    table.columns.map((c) => c.name),
    page(first, 0),
    async ({ rowStart, rowEnd }) => {
      const response = await apiCall('range.rows', { resultId: result.resultId, rowStart, rowEnd });
      return response.ok ? { ok: true, value: page(response.value.rows, rowStart) } : response;
    },
    pageSize,
    cap,
  );
  return { table, frame, fixed };
}
