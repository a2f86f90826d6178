/**
 * The rows as the grid shows them: column kinds (time, numeric), time text, and the rows by
 * position — the loaded rows, or the whole-object view while a sort or filter is set (the
 * inspect slice holds both; a page that arrives re-renders the rows).
 */
import { useCallback, useMemo, useReducer, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { JsonCell, TableInfo } from '../../../../main/api/contract';
import { useStore } from '../../../state/store';
import { epochColumn, epochText } from '../../../util/epochTime';
import { columnLooksNumeric } from '../../../util/gridValues';
import { viewFrameGet } from '../tableViewFrame';
import type { ViewFrame } from '../tableViewFrame';
import { gridRowsLoaded } from './gridRows';
import type { ColumnKind } from './gridTypes';

export const numericTypes = new Set(['int32', 'int64', 'float', 'double', 'decimal']);

const noSort = { sort: null, setSort: () => undefined, filter: '', setFilter: () => undefined };

/** Kinds, time display, sort and filter, and the rows shown (`fixed`: rows by position from elsewhere, no sort or filter). */
export function useGridData(table: TableInfo, rows: JsonCell[][], zone: string, fixed?: ViewFrame) {
  const names = useMemo(() => table.columns.map((c) => c.name), [table.columns]);
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
  const s = useStore(
    useShallow((st) => ({ sort: st.gridSort, setSort: st.gridSortSet, filter: st.gridFilter, setFilter: st.gridFilterSet })),
  );
  const gridView = useStore((st) => st.gridView);
  const frame = fixed ?? (gridView ? (viewFrameGet(table.tableId) ?? null) : null);
  // A fetched page of the view re-reads the rows (the frame keeps them, not React state).
  const [pages, pageArrived] = useReducer((n: number) => n + 1, 0);
  const view = useMemo(() => (frame ? { ...frame.rows(), pages } : gridRowsLoaded(rows)), [frame, rows, pages]);
  return { names, kinds, shown, view, frame, pageArrived, rawTimes, setRawTimes, ...(fixed ? noSort : s) };
}

export type GridData = ReturnType<typeof useGridData>;
