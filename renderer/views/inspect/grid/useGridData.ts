/** The rows as the grid shows them: column kinds (time, numeric), filter and sort, time text. */
import { useCallback, useMemo, useState } from 'react';
import type { JsonCell, TableInfo } from '../../../../main/api/contract';
import { epochColumn, epochText } from '../../../util/epochTime';
import { columnLooksNumeric, rowFilterParse, sortByColumn } from '../../../util/gridValues';
import type { ColumnKind, GridEntry, GridSort } from './gridTypes';

export const numericTypes = new Set(['int32', 'int64', 'float', 'double', 'decimal']);

/** Filter, sort and time display over the rows fetched so far. */
export function useGridData(table: TableInfo, rows: JsonCell[][], zone: string) {
  const names = useMemo(() => table.columns.map((c) => c.name), [table.columns]);
  const [sort, setSort] = useState<GridSort | null>(null);
  const [filter, setFilter] = useState('');
  const [rawTimes, setRawTimes] = useState(false);
  const hasRows = rows.length > 0;
  // Decided on the first page: a column's kind must not flip while pages load.
  const kinds = useMemo<ColumnKind[]>(
    () =>
      table.columns.map((c, i) => ({
        time: epochColumn(c.name, rows, i),
        numeric: numericTypes.has(c.type) || columnLooksNumeric(rows, i),
      })),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on the first page only, on purpose
    [table.columns, hasRows],
  );
  const shown = useCallback(
    (cell: JsonCell, col: number) => (kinds[col]?.time && !rawTimes ? epochText(cell, zone) : null),
    [kinds, rawTimes, zone],
  );
  const view = useMemo<GridEntry[]>(() => {
    const keep = rowFilterParse(filter, names);
    let list = rows.map((row, index) => ({ row, index }));
    if (keep) list = list.filter(({ row }) => keep(row));
    if (sort) list = sortByColumn(list, sort.col, sort.desc);
    return list;
  }, [rows, sort, filter, names]);
  return { names, kinds, shown, view, sort, setSort, filter, setFilter, rawTimes, setRawTimes };
}

export type GridData = ReturnType<typeof useGridData>;
