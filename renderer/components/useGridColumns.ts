/**
 * Grid columns as the user arranges them: order, hidden, widths (drag, or fit to content).
 */
import { useMemo, useState } from 'react';
import type { JsonCell, TableInfo } from '../../main/api/contract';

const minWidth = 50;
const maxFit = 600;
let canvas: HTMLCanvasElement | null = null;

/** Text width in the grid's font; a rough 7 px a character where no canvas can measure. */
function textWidth(text: string, font: string): number {
  canvas ??= document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) return text.length * 7;
  ctx.font = font;
  return ctx.measureText(text).width;
}

/** The width that shows a column's name, type and its loaded values (first 500), capped. */
export function fitWidth(
  name: string,
  type: string,
  rows: readonly (readonly JsonCell[])[],
  col: number,
  show: (cell: JsonCell) => string,
): number {
  const mono = '12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';
  let widest = textWidth(`${name} ${type} ▲`, '600 12px system-ui, sans-serif');
  for (const row of rows.slice(0, 500)) widest = Math.max(widest, textWidth(show(row[col] ?? null), mono));
  return Math.round(Math.min(maxFit, Math.max(minWidth, widest + 20)));
}

/** Column order, visibility and widths of one table. */
export function useGridColumns(table: TableInfo, initialWidth: (col: number) => number) {
  const n = table.columns.length;
  const [order, setOrder] = useState(() => Array.from({ length: n }, (_, i) => i));
  const [hidden, setHidden] = useState<ReadonlySet<number>>(() => new Set());
  const [widths, setWidths] = useState(() => Array.from({ length: n }, (_, i) => initialWidth(i)));
  const visible = useMemo(() => order.filter((c) => !hidden.has(c)), [order, hidden]);

  function move(col: number, by: -1 | 1) {
    setOrder((o) => {
      const at = o.indexOf(col);
      const to = at + by;
      if (at < 0 || to < 0 || to >= o.length) return o;
      const next = [...o];
      next[at] = next[to] ?? col;
      next[to] = col;
      return next;
    });
  }
  function toggle(col: number) {
    setHidden((h) => {
      const next = new Set(h);
      if (next.has(col)) next.delete(col);
      // The last visible column stays: a grid of no columns has nothing to focus.
      else if (n - next.size > 1) next.add(col);
      return next;
    });
  }
  function widthSet(col: number, width: number) {
    setWidths((w) => w.map((v, i) => (i === col ? Math.max(minWidth, Math.round(width)) : v)));
  }
  return { order, visible, hidden, widths, move, toggle, widthSet, widthsSet: setWidths };
}
