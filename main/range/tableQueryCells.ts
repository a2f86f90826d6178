/**
 * Cells of a table as the whole-object engine stores them: text (numbers, booleans and bigints
 * as JS `String()` gives them, which is what the grid's search sees) plus one kind letter per
 * cell in the row's `__kinds`, so a page gives back the cells the table had.
 */
import type { Cell } from '../../core/model';

/** Rows of one DuckDB data chunk (its vector size). */
export const chunkRows = 2048;

/** A cell's kind as stored: number, boolean, bigint or string (a null cell is NULL). */
const kindLetters: Record<string, string> = { number: 'n', boolean: 'b', bigint: 'i' };
export const kindOf = (cell: Cell): string => kindLetters[typeof cell] ?? 's';
export const textOf = (cell: Cell): string | null => (cell === null ? null : typeof cell === 'string' ? cell : String(cell));

function cellBack(text: string | null, kind: string | undefined): Cell {
  if (text === null) return null;
  if (kind === 'n') return Number(text);
  if (kind === 'b') return text === 'true';
  if (kind === 'i') return BigInt(text);
  return text;
}

/** A stored row (`__row`, `__kinds`, cells) back to the table's cells. */
export const rowBack = (r: (string | null)[]): Cell[] => r.slice(2).map((text, c) => cellBack(text, r[1]?.[c]));
