/** Column widths: initial by type, widened for times, dragged, fitted to the loaded values. */
import { useEffect } from 'react';
import type { PointerEvent as ReactPointerEvent } from 'react';
import type { JsonCell, TableInfo } from '../../../../main/api/contract';
import { fitWidth, useGridColumns } from '../../../components/useGridColumns';
import { numericTypes } from './useGridData';
import type { GridData } from './useGridData';

/** The grid's columns with their sizing actions. */
export function useGridSizing(table: TableInfo, rows: JsonCell[][], data: GridData) {
  const cols = useGridColumns(table, (i) => (numericTypes.has(table.columns[i]?.type ?? '') ? 110 : 180));
  const { kinds, names, shown } = data;
  // A time needs ~19 characters: widen epoch columns (int64 starts at 110 px) once they are known.
  const widthsSet = cols.widthsSet;
  useEffect(() => {
    if (kinds.some((k) => k.time)) widthsSet((w) => w.map((v, i) => (kinds[i]?.time ? Math.max(v, 170) : v)));
  }, [kinds, widthsSet]);

  function startResize(col: number, e: ReactPointerEvent<HTMLDivElement>) {
    e.preventDefault();
    const startX = e.clientX;
    const startWidth = cols.widths[col] ?? 150;
    const move = (ev: PointerEvent) => cols.widthSet(col, startWidth + ev.clientX - startX);
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  }
  const fit = (col: number) =>
    fitWidth(
      names[col] ?? '',
      table.columns[col]?.type ?? '',
      rows,
      col,
      (cell) => shown(cell, col) ?? (cell === null ? 'null' : String(cell)),
    );
  const fitAll = () => cols.widthsSet((w) => w.map((_, col) => fit(col)));
  return { cols, startResize, fit, fitAll };
}

export type GridSizing = ReturnType<typeof useGridSizing>;
