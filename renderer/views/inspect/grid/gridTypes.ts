/** Shapes the grid's pieces share. */
import type { JsonCell } from '../../../../main/api/contract';

export interface Pos {
  row: number;
  /** Position among the visible columns. */
  col: number;
}

/** One row as shown: its cells and its number in the table (sort and filter keep it). */
export interface GridEntry {
  row: JsonCell[];
  index: number;
}

export interface ColumnKind {
  time: boolean;
  numeric: boolean;
}

export interface GridSort {
  col: number;
  desc: boolean;
}

/** The selected block, rows and visible-column positions inclusive. */
export interface Block {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

/** The block between the anchor (shift-click, shift-arrow) and the active cell. */
export function blockOf(anchor: Pos, active: Pos): Block {
  return {
    r0: Math.min(anchor.row, active.row),
    r1: Math.max(anchor.row, active.row),
    c0: Math.min(anchor.col, active.col),
    c1: Math.max(anchor.col, active.col),
  };
}

export const rowHeight = 26;
export const numberColumn = 60;
