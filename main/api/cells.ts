/** Cells as they cross the API: INT64 (bigint) becomes a decimal string, the rest stays. */
import type { Cell } from '../../core/formats/table';
import type { JsonCell } from './contract';

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
