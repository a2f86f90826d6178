/**
 * Values of grid cells as a user means them: Log Service ships every field of JSON lines and
 * CSV as a string, so "37273" must sort after "1805" by value while the text shown stays as read.
 */
import type { JsonCell } from '../../main/api/contract';

// Plain decimal numbers only: "0x1f", "1e5 ", "Infinity" or "" stay text (Number() would accept them).
const decimalText = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** The number a cell stands for (a number, or a string of a plain decimal), else null. */
export function cellNumber(cell: JsonCell | undefined): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell === 'string' && cell.length <= 40 && decimalText.test(cell)) return Number(cell);
  return null;
}

/** Sort order: numbers by value first, then text, null last ('' is text, not null). */
export function compareCells(a: JsonCell | undefined, b: JsonCell | undefined): number {
  const na = a === null || a === undefined;
  const nb = b === null || b === undefined;
  if (na || nb) return na === nb ? 0 : na ? 1 : -1;
  const xa = cellNumber(a);
  const xb = cellNumber(b);
  if (xa !== null && xb !== null) return xa === xb ? 0 : xa < xb ? -1 : 1;
  if (xa !== null || xb !== null) return xa !== null ? -1 : 1;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

export type RowFilter = (row: readonly JsonCell[]) => boolean;

const comparison = /^(?:([^<>=!]+?)\s*)?(>=|<=|!=|>|<|=)\s*(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)$/;
const ops: Record<string, (a: number, b: number) => boolean> = {
  '>': (a, b) => a > b,
  '<': (a, b) => a < b,
  '>=': (a, b) => a >= b,
  '<=': (a, b) => a <= b,
  '=': (a, b) => a === b,
  '!=': (a, b) => a !== b,
};

/**
 * The filter typed above the grid: `status>=500` or `>=500` compares by value (a named column,
 * or any column), `null` finds null cells, anything else is a case-insensitive text search.
 */
export function rowFilterParse(text: string, columns: readonly string[]): RowFilter | null {
  const needle = text.trim();
  if (!needle) return null;
  const m = comparison.exec(needle);
  if (m) {
    const op = ops[m[2] ?? '='] ?? ops['='];
    const value = Number(m[3]);
    const col = m[1] === undefined ? -1 : columns.findIndex((c) => c.toLowerCase() === m[1]?.toLowerCase());
    if (m[1] === undefined || col >= 0) {
      const test = (cell: JsonCell | undefined) => {
        const n = cellNumber(cell);
        return n !== null && !!op?.(n, value);
      };
      return col >= 0 ? (row) => test(row[col]) : (row) => row.some(test);
    }
  }
  if (needle === 'null') return (row) => row.some((c) => c === null);
  const lower = needle.toLowerCase();
  return (row) => row.some((c) => c !== null && String(c).toLowerCase().includes(lower));
}

/** True when most non-null cells of a column are numbers (right-aligned like numbers). */
export function columnLooksNumeric(rows: readonly (readonly JsonCell[])[], col: number, sample = 200): boolean {
  let numbers = 0;
  let seen = 0;
  for (const row of rows.slice(0, sample)) {
    const cell = row[col];
    if (cell === null || cell === undefined || cell === '') continue;
    seen++;
    if (cellNumber(cell) !== null) numbers++;
  }
  return seen > 0 && numbers === seen;
}

/**
 * Entries sorted by one column with compareCells' order, each value read once (a 50,000-row
 * sort of number strings took ~250 ms when every comparison re-parsed both cells). Stable: equal
 * values keep their file order (`index`).
 */
export function sortByColumn<T extends { row: readonly JsonCell[]; index: number }>(list: readonly T[], col: number, desc: boolean): T[] {
  const keyed = list.map((entry) => {
    const cell = entry.row[col];
    const n = cellNumber(cell);
    const rank = cell === null || cell === undefined ? 2 : n !== null ? 0 : 1;
    return { entry, rank, n: n ?? 0, s: rank === 1 ? String(cell) : '' };
  });
  const sign = desc ? -1 : 1;
  keyed.sort((a, b) => {
    // Null stays last either way, as compareCells * -1 would not keep it.
    if (a.rank !== b.rank) return a.rank === 2 || b.rank === 2 ? a.rank - b.rank : (a.rank - b.rank) * sign;
    const by = a.rank === 0 ? a.n - b.n : a.s < b.s ? -1 : a.s > b.s ? 1 : 0;
    return by * sign || a.entry.index - b.entry.index;
  });
  return keyed.map((k) => k.entry);
}
