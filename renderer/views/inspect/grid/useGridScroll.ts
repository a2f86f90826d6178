/** The grid's vertical virtualizer and the sideways scroll that keeps the active column in sight. */
import type { RefObject } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { numberColumn, rowHeight } from './gridTypes';

interface Columns {
  visible: readonly number[];
  widths: readonly number[];
}

/** Virtual rows of `count` shown rows, and `reveal(row, col)` to bring a cell into sight. */
export function useGridScroll(count: number, bodyRef: RefObject<HTMLDivElement | null>, cols: Columns) {
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual: expected
  const virtualizer = useVirtualizer({ count, getScrollElement: () => bodyRef.current, estimateSize: () => rowHeight, overscan: 10 });

  /**
   * Keep the active cell in sight. Rows are scrolled here, not by the virtualizer: the sticky
   * header sits inside the scrolling element, and scrollToIndex would leave a row at the bottom
   * edge under it by the header's height (rows have a fixed height, so the offset is exact).
   */
  function reveal(row: number, pos: number) {
    const body = bodyRef.current;
    if (!body) return;
    const header = body.querySelector<HTMLElement>('.vgrid-head')?.offsetHeight ?? rowHeight;
    const top = row * rowHeight;
    if (top < body.scrollTop) body.scrollTop = top;
    else if (header + top + rowHeight > body.scrollTop + body.clientHeight) body.scrollTop = header + top + rowHeight - body.clientHeight;
    let left = numberColumn;
    for (const c of cols.visible.slice(0, pos)) left += cols.widths[c] ?? 0;
    const right = left + (cols.widths[cols.visible[pos] ?? -1] ?? 0);
    if (right > body.scrollLeft + body.clientWidth) body.scrollLeft = right - body.clientWidth;
    if (left - numberColumn < body.scrollLeft) body.scrollLeft = Math.max(0, left - numberColumn);
  }
  return { items: virtualizer.getVirtualItems(), totalSize: virtualizer.getTotalSize(), reveal };
}
