/** Keyboard moves in the object list: which row a key goes to. */

/** Rows a PageUp/PageDown moves in a view `viewHeight` pixels tall (28 px rows, one kept for context). */
export function listPageRows(viewHeight: number): number {
  return Math.max(1, Math.floor(viewHeight / 28) - 1);
}

/** The row a navigation key moves to from `active` (kept within the rows), or null when the key is no move. */
export function listKeyTarget(key: string, active: number, rowCount: number, pageRows: number): number | null {
  const moves: Record<string, number> = {
    ArrowDown: active + 1,
    ArrowUp: active - 1,
    PageDown: active + pageRows,
    PageUp: active - pageRows,
    Home: 0,
    End: rowCount - 1,
  };
  if (!(key in moves)) return null;
  return Math.max(0, Math.min(rowCount - 1, moves[key] ?? 0));
}
