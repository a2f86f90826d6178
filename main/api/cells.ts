/** Cells as they cross the API: INT64 (bigint) becomes a decimal string, the rest stays. */
import { tableBatchRows } from '../../core/formats';
import type { Cell, JsonCell } from '../../core/model';
import type { TableReader } from '../../core/formats';

/** Most cells in one `table.rows` answer: 10,000 rows of 2,001 columns froze the server 77 s. */
export const rowsPageCells = 100_000;
/** Longest text cell sent to the view (UTF-16 units); the export keeps the whole cell. */
export const rowsCellChars = 1 << 20;
/** Text in one answer: beyond it the page ends early (at least one row is always sent). */
export const rowsPageChars = 16 << 20;

/** A long text cell cut to `max` units (never inside a surrogate pair) with a marker saying so. */
export function cellClip(text: string, max = rowsCellChars): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
  return `${text.slice(0, end)}… [cut: ${text.length} characters in all; export the table for the whole value]`;
}

/**
 * One page of rows for the view, bounded by cells and text: fewer rows than asked for when the
 * table is wide or its cells are long. An empty page means the end.
 */
export async function rowsPage(reader: TableReader, offset: number, limit: number, signal?: AbortSignal): Promise<JsonCell[][]> {
  return rowsForView(await reader.readRows(offset, tableBatchRows(reader.columns.length, limit, rowsPageCells), signal));
}

/** Rows as the view takes them: long text clipped, at most rowsPageChars of text (at least one row). */
export function rowsForView(rows: readonly Cell[][]): JsonCell[][] {
  const page: JsonCell[][] = [];
  let chars = 0;
  for (const row of rows) {
    if (page.length > 0 && chars >= rowsPageChars) break;
    page.push(
      row.map((cell) => {
        if (typeof cell !== 'string') return cellToJson(cell);
        const text = cellClip(cell);
        chars += text.length;
        return text;
      }),
    );
  }
  return page;
}

/** One cell to its JSON-safe form. */
export function cellToJson(cell: Cell): JsonCell {
  return typeof cell === 'bigint' ? cell.toString() : cell;
}

/** A page of rows to JSON-safe rows. */
export function rowsToJson(rows: Cell[][]): JsonCell[][] {
  return rows.map((row) => row.map(cellToJson));
}

/** Decode a byte range as UTF-8 text, moving the cut back to a character boundary. */
export function utf8Slice(bytes: Uint8Array, offset: number, length: number): string {
  const start = Math.min(offset, bytes.length);
  let end = Math.min(bytes.length, start + length);
  // A UTF-8 continuation byte is 10xxxxxx: never cut inside a multi-byte character.
  if (end < bytes.length) {
    let back = end;
    while (back > start && ((bytes[back] ?? 0) & 0xc0) === 0x80 && end - back < 4) back--;
    if (back > start) end = back;
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(start, end));
}
