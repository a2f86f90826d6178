/**
 * Copy from the grid: TSV as spreadsheets paste it, JSON that keeps null apart from ''.
 */
import type { JsonCell } from '../../main/api/contract';

/** A TSV field: tabs, newlines and quotes force Excel-style quoting; null is an empty field. */
export function tsvField(cell: JsonCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  const text = String(cell);
  return /[\t\r\n"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows × picked columns as TSV, with a header line when asked; lines end in \n. */
export function rowsTsv(rows: readonly (readonly JsonCell[])[], cols: readonly number[], header?: readonly string[]): string {
  const lines = rows.map((row) => cols.map((c) => tsvField(row[c])).join('\t'));
  if (header) lines.unshift(cols.map((c) => tsvField(header[c] ?? '')).join('\t'));
  return lines.join('\n');
}

/** Rows × picked columns as a JSON array of objects (one object for one row), 2-space indented. */
export function rowsJson(rows: readonly (readonly JsonCell[])[], cols: readonly number[], names: readonly string[]): string {
  const objects = rows.map((row) => Object.fromEntries(cols.map((c) => [names[c] ?? `column${c + 1}`, row[c] ?? null])));
  return JSON.stringify(objects.length === 1 ? objects[0] : objects, null, 2);
}

/** The text a single cell copies as: its value as shown ('' stays '', null copies as nothing). */
export function cellCopyText(cell: JsonCell | undefined): string {
  return cell === null || cell === undefined ? '' : String(cell);
}

/**
 * Put text on the clipboard: the async API where the page may use it, else a hidden textarea
 * and execCommand('copy') (plain-http pages and older engines have no navigator.clipboard).
 */
export async function clipboardWrite(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission refused or not focused: fall through to the textarea copy.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  const focused = document.activeElement as HTMLElement | null;
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } finally {
    area.remove();
    focused?.focus();
  }
  return ok;
}
