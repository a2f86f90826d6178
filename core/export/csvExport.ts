/**
 * Rows → CSV, batch by batch: memory bounded by cells (rows × columns), not rows.
 */
import { ShiplensError, throwIfCancelled } from '../errors';
import { tableBatchRows } from '../formats/table';
import type { TableReader } from '../formats/table';
import { csvRowsText } from './csvRows';

export interface CsvExportOptions {
  /** Columns to write, in this order (default all). */
  columns?: string[];
  /** One character (default ','). */
  delimiter?: string;
  /** Start with a UTF-8 BOM so Excel reads UTF-8 (default off). */
  bom?: boolean;
  /** Prefix `'` to text cells starting with = + - @ tab or CR (default on). */
  formulaGuard?: boolean;
  /** Text for null cells (default '', as papaparse writes them). */
  nullText?: string;
  /** Most rows per written chunk (default 5,000, fewer for wide tables: ~100,000 cells). */
  chunkRows?: number;
  signal?: AbortSignal;
  onProgress?: (rows: number) => void;
}

// papaparse's own default is /^[=+\-@\t\r].*$/, which misses a multi-line cell such as
// "=cmd\n…" (`.` stops at the line break); testing the first character alone catches it.
const formulaStart = /^[=+\-@\t\r]/;

// A CLI SIGTERM or an API cancel only lands when the loop yields to timers and I/O.
const yieldEveryMs = 50;

function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

// eslint-disable-next-line no-control-regex
const nonAscii = /[^\x00-\x7f]/;

/** UTF-8 byte length without encoding (a TextEncoder pass per chunk cost as much as the CSV). */
function utf8Length(text: string): number {
  if (!nonAscii.test(text)) return text.length; // one native scan for the common case
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff) {
      // surrogate pair: 4 UTF-8 bytes for 2 UTF-16 units (already counted as 2)
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}

function columnIndexes(reader: TableReader, columns: string[] | undefined): number[] {
  if (!columns) return reader.columns.map((_c, i) => i);
  const names = reader.columns.map((c) => c.name);
  return columns.map((name) => {
    const i = names.indexOf(name);
    if (i < 0)
      throw new ShiplensError('INVALID_ARGUMENT', `No column named "${name}".`, {
        hint: `Columns are: ${names.slice(0, 20).join(', ')}${names.length > 20 ? ', …' : ''}.`,
      });
    return i;
  });
}

/**
 * Write the reader's rows as RFC 4180 CSV (CRLF, quotes doubled) with a header line.
 *
 * Cells go to papaparse as they are: null → empty field, bigint → its exact decimal text.
 * The formula guard applies to text only (numbers, bigints, booleans and DECIMAL digits are
 * never guarded), so a negative number stays a number. Returns rows written and UTF-8 bytes produced.
 */
export async function csvExport(
  reader: TableReader,
  write: (chunk: string) => void | Promise<void>,
  options: CsvExportOptions = {},
): Promise<{ rows: number; bytes: number }> {
  const delimiter = options.delimiter ?? ',';
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\r' || delimiter === '\n') {
    throw new ShiplensError('INVALID_ARGUMENT', `Invalid CSV delimiter ${JSON.stringify(delimiter)}.`, {
      hint: 'Use one character other than a quote or line break.',
    });
  }
  const indexes = columnIndexes(reader, options.columns);
  const chunkRows = options.chunkRows ?? tableBatchRows(indexes.length);
  const identity = indexes.length === reader.columns.length && indexes.every((c, i) => c === i);
  const config = { delimiter, formulaGuard: options.formulaGuard === false ? null : formulaStart, nullText: options.nullText ?? '' };
  let rows = 0;
  let bytes = 0;
  let yielded = Date.now();
  const emit = async (text: string): Promise<void> => {
    bytes += utf8Length(text);
    await write(text);
    if (Date.now() - yielded >= yieldEveryMs) {
      await yieldToLoop();
      yielded = Date.now();
    }
    throwIfCancelled(options.signal);
  };
  const names = reader.columns.map((c) => c.name);
  await emit((options.bom ? '\uFEFF' : '') + csvRowsText([names], indexes, config));
  const numericText = new Set(indexes.flatMap((column, position) => (reader.columns[column]?.type === 'decimal' ? [position] : [])));
  const rowConfig = { ...config, numericText };
  for await (const batch of reader.rowBatches(options.signal)) {
    for (let start = 0; start < batch.length; start += chunkRows) {
      throwIfCancelled(options.signal);
      const slice = batch.length <= chunkRows && start === 0 ? batch : batch.slice(start, start + chunkRows);
      if (slice.length === 0) continue;
      await emit(csvRowsText(slice, identity ? null : indexes, rowConfig));
      rows += slice.length;
      options.onProgress?.(rows);
    }
  }
  return { rows, bytes };
}
