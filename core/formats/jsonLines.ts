/**
 * JSON lines (SPEC §3): one object per line → a TableReader over the decoded bytes.
 *
 * Built for ~256 MB inputs: one pass indexes good lines (offsets in typed arrays) and
 * collects the column union; rows of a page are parsed again on demand in `readRows`,
 * so no array of all rows is ever built.
 */
import { throwIfCancelled } from '../errors';
import { indexedTableReader } from './indexedTable';
import type { Cell, TableColumn, TableReader, TableWarning } from './table';

/** Limits and context for `jsonLinesTable`. */
export interface JsonLinesOptions {
  /** Longest accepted line in bytes (default 64 MiB); longer lines are skipped with a warning. */
  maxLineBytes?: number;
  /** Most warnings kept (default 1000); the rest are counted in one closing warning. */
  maxWarnings?: number;
  source?: string;
  signal?: AbortSignal;
}

/** The reader over the indexed lines and the bad lines it skipped. */
export interface JsonLinesTable {
  reader: TableReader;
  warnings: TableWarning[];
}

// Log Service always writes these reserved fields (SPEC §3); they lead the column list.
const reservedFields = ['__time__', '__topic__', '__source__'];

/** A growable Float64Array (offsets beyond 4 GiB stay exact). */
class OffsetList {
  data = new Float64Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
}

interface LineIndex {
  starts: OffsetList;
  ends: OffsetList;
  keys: Map<string, number>;
  warnings: TableWarning[];
  dropped: number;
}

const decoder = new TextDecoder('utf-8');

function lineParse(text: string): Record<string, unknown> | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
  return value as Record<string, unknown>;
}

function warn(index: LineIndex, max: number, line: number, message: string): void {
  if (index.warnings.length < max) index.warnings.push({ line, message });
  else index.dropped++;
}

function lineVisit(bytes: Uint8Array, start: number, end: number, lineNo: number, index: LineIndex, options: Required<Pick<JsonLinesOptions, 'maxLineBytes' | 'maxWarnings'>>): void {
  if (end > start && bytes[end - 1] === 0x0d) end--; // CRLF
  if (end === start) return; // empty lines are not rows
  if (end - start > options.maxLineBytes) {
    warn(index, options.maxWarnings, lineNo, `Line ${lineNo} is ${end - start} bytes, over the ${options.maxLineBytes}-byte line limit; skipped.`);
    return;
  }
  const text = decoder.decode(bytes.subarray(start, end));
  if (text.trim() === '') return; // blank lines are not rows either
  const parsed = lineParse(text);
  if (typeof parsed === 'string') {
    warn(index, options.maxWarnings, lineNo, `Line ${lineNo}: ${parsed}; skipped.`);
    return;
  }
  for (const key in parsed) if (!index.keys.has(key)) index.keys.set(key, index.keys.size);
  index.starts.push(start);
  index.ends.push(end);
}

function lineIndexBuild(bytes: Uint8Array, options: JsonLinesOptions): LineIndex {
  const opts = { maxLineBytes: options.maxLineBytes ?? 64 * 1024 * 1024, maxWarnings: options.maxWarnings ?? 1000 };
  const index: LineIndex = { starts: new OffsetList(), ends: new OffsetList(), keys: new Map(), warnings: [], dropped: 0 };
  let pos = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; // UTF-8 BOM
  for (let lineNo = 1; pos < bytes.length; lineNo++) {
    if ((lineNo & 0xffff) === 0) throwIfCancelled(options.signal);
    let end = bytes.indexOf(0x0a, pos);
    if (end < 0) end = bytes.length;
    lineVisit(bytes, pos, end, lineNo, index, opts);
    pos = end + 1;
  }
  if (index.dropped > 0) index.warnings.push({ message: `${index.dropped} more bad lines not listed.` });
  return index;
}

function columnsOrder(keys: Map<string, number>): string[] {
  const first = reservedFields.filter((k) => keys.has(k));
  return [...first, ...[...keys.keys()].filter((k) => !reservedFields.includes(k))];
}

/** `__time__` is Unix seconds (SPEC §3): an integer number or digit string becomes int64. */
function timeCell(value: unknown): Cell {
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^-?\d{1,19}$/.test(value)) return BigInt(value);
  return value === null || value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value);
}

/** Other values are strings; non-string values are shown as their JSON text, null stays null. */
function textCell(value: unknown): Cell {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Index JSON lines and return a paged TableReader plus warnings for bad lines.
 *
 * A bad line (invalid JSON, not an object, too long) is reported with its 1-based line number
 * and skipped; the rest is still read. Handles a UTF-8 BOM, CRLF, empty and trailing lines.
 */
export function jsonLinesTable(bytes: Uint8Array, options: JsonLinesOptions = {}): JsonLinesTable {
  const index = lineIndexBuild(bytes, options);
  const names = columnsOrder(index.keys);
  const columns: TableColumn[] = names.map((name) => ({ name, type: name === '__time__' ? 'int64' : 'string' }));
  const count = index.starts.length;
  const { starts, ends } = index;

  const rowAt = (i: number): Cell[] => {
    const object = JSON.parse(decoder.decode(bytes.subarray(starts.data[i], ends.data[i]))) as Record<string, unknown>;
    return names.map((name) => (name === '__time__' ? timeCell(object[name]) : textCell(object[name])));
  };
  const rowsRead = (first: number, end: number): Cell[][] => {
    const rows: Cell[][] = [];
    for (let i = first; i < end; i++) rows.push(rowAt(i));
    return rows;
  };
  const reader = indexedTableReader(columns, count, rowsRead, options.source);
  return { reader, warnings: index.warnings };
}
