/**
 * The active cell and the selection: arrows, Page, Home/End (Ctrl for rows), Shift to extend,
 * Enter to expand a cell, Escape to drop the selection, Ctrl+C (Shift for JSON) to copy.
 */
import { useState } from 'react';
import type { KeyboardEvent, MouseEvent as ReactMouseEvent, RefObject } from 'react';
import { rowHeight } from './gridTypes';
import type { GridRows } from './gridRows';
import type { Pos } from './gridTypes';
import type { CopyFormat, CopyWhat } from '../../../components/GridToolbar';

export interface CursorDeps {
  view: GridRows;
  visible: readonly number[];
  bodyRef: RefObject<HTMLDivElement | null>;
  /** Bring a row and a column position into sight. */
  reveal(row: number, col: number): void;
  popover: { expand(row: number, col: number, x: number, y: number): void; collapse(): void };
  copy(what: CopyWhat, format: CopyFormat, active: Pos, anchor: Pos | null): Promise<void>;
}

/** Where a key moves the active cell, or undefined for keys that do not move it. */
export function keyTarget(key: string, ctrl: boolean, active: Pos, page: number, rows: number, cols: number): Pos | undefined {
  const next: Record<string, Pos> = {
    ArrowDown: { row: active.row + 1, col: active.col },
    ArrowUp: { row: active.row - 1, col: active.col },
    ArrowRight: { row: active.row, col: active.col + 1 },
    ArrowLeft: { row: active.row, col: active.col - 1 },
    PageDown: { row: active.row + page, col: active.col },
    PageUp: { row: active.row - page, col: active.col },
    Home: { row: ctrl ? 0 : active.row, col: 0 },
    End: { row: ctrl ? rows - 1 : active.row, col: cols - 1 },
  };
  const target = next[key];
  if (!target) return undefined;
  return { row: Math.max(0, Math.min(rows - 1, target.row)), col: Math.max(0, Math.min(cols - 1, target.col)) };
}

/** The cursor state and its key and click handlers. */
export function useGridCursor(d: CursorDeps) {
  const [active, setActive] = useState<Pos>({ row: 0, col: 0 });
  const [anchor, setAnchor] = useState<Pos | null>(null);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    // Keys on a header's sort button are the button's: Enter sorts, it does not expand a cell.
    if (e.target !== e.currentTarget) return;
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'c') {
      e.preventDefault();
      const multi = anchor !== null && (anchor.row !== active.row || anchor.col !== active.col);
      void d.copy(multi ? 'selection' : 'cell', e.shiftKey ? 'json' : 'tsv', active, anchor);
      return;
    }
    const page = Math.max(1, Math.floor((d.bodyRef.current?.clientHeight ?? 300) / rowHeight) - 1);
    const moved = keyTarget(e.key, e.ctrlKey, active, page, d.view.count, d.visible.length);
    if (moved) {
      e.preventDefault();
      setAnchor(e.shiftKey ? (anchor ?? active) : null);
      setActive(moved);
      d.reveal(moved.row, moved.col);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const rect = d.bodyRef.current?.getBoundingClientRect();
      d.popover.expand(active.row, d.visible[active.col] ?? 0, (rect?.left ?? 0) + 40, (rect?.top ?? 0) + 40);
    } else if (e.key === 'Escape') {
      d.popover.collapse();
      setAnchor(null);
    }
  }

  function onCellClick(e: ReactMouseEvent, row: number, pos: number) {
    setAnchor(e.shiftKey ? (anchor ?? active) : null);
    setActive({ row, col: pos });
    const col = d.visible[pos] ?? 0;
    const cell = d.view.at(row)?.row[col];
    if (!e.shiftKey && cell !== null && cell !== undefined && String(cell).length > 40) d.popover.expand(row, col, e.clientX, e.clientY);
  }

  /** Make row `row` active (go to row) and bring it into sight. */
  function goTo(row: number) {
    setAnchor(null);
    setActive({ row, col: active.col });
    d.reveal(row, active.col);
  }

  return { active, anchor, onKeyDown, onCellClick, goTo };
}
