/**
 * JSON lines (SPEC §3): one object per line → a TableReader over the decoded bytes.
 *
 * Built for ~256 MB inputs: one pass indexes good lines (offsets in typed arrays) and
 * collects the column union (up to the column limit); rows of a page are parsed again on demand in `readRows`,
 * so no array of all rows is ever built.
 */
import { throwIfCancelled } from '../errors';
import { indexedTableReader } from './indexedTable';
import { jsonDepthExceeds, jsonReservedFields, jsonRowCells, jsonRowShape } from './jsonLineRow';
import { tableDefaultMaxColumns } from './table';
import type { Cell, TableWarning } from '../model/cells';
import type { TableReader } from './table';

/** Limits and context for `jsonLinesTable`. */
export interface JsonLinesOptions {
  /** Longest accepted line in bytes (default 64 MiB); longer lines are skipped with a warning. */
  maxLineBytes?: number;
  /** Most warnings kept (default 1000); the rest are counted in one closing warning. */
  maxWarnings?: number;
  /**
   * Most key columns (default 2,000). When an object has more distinct keys, the keys that recur
   * (in two rows or more) get columns, most frequent first, and the rest — wildly varying keys,
   * each the detail of one row — share one "other keys" column as JSON.
   */
  maxColumns?: number;
  /** Deepest nesting of arrays/objects accepted (default 1,000 levels); deeper lines are skipped. */
  maxDepth?: number;
  source?: string;
  signal?: AbortSignal;
}

/** The reader over the indexed lines and the bad lines it skipped. */
export interface JsonLinesTable {
  reader: TableReader;
  warnings: TableWarning[];
}

/** Default depth limit, well inside what JSON.stringify survives on a 1 MB stack (~4,000). */
export const jsonDefaultMaxDepth = 1000;
// Distinct keys counted one by one; past this, new keys go to "other keys" and the count is a floor.
const keysCounted = 100_000;

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
  /** Rows each key appears in, in first-seen order (up to `keysCounted` keys). */
  counts: Map<string, number>;
  /** Some keys were not counted (more than `keysCounted` distinct keys). */
  uncounted: boolean;
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

type IndexLimits = Required<Pick<JsonLinesOptions, 'maxLineBytes' | 'maxWarnings' | 'maxDepth'>>;

function keysNote(index: LineIndex, parsed: Record<string, unknown>): void {
  for (const key of Object.keys(parsed)) {
    const seen = index.counts.get(key);
    if (seen !== undefined) index.counts.set(key, seen + 1);
    else if (index.counts.size < keysCounted || jsonReservedFields.includes(key)) index.counts.set(key, 1);
    else index.uncounted = true;
  }
}

/**
 * Which keys get columns. All of them when they fit; else the reserved fields (what every Log
 * Service row has) and the recurring keys, most frequent first, up to `maxColumns` — a key seen
 * in one row only stays in that row's "other keys" JSON, so 50,000 lines of different keys are
 * one sparse column, not 2,000 mostly empty ones. Columns keep first-seen order.
 */
function columnsChoose(index: LineIndex, maxColumns: number): { keys: Set<string>; overflow: Set<string> } {
  const { counts } = index;
  if (counts.size <= maxColumns && !index.uncounted) return { keys: new Set(counts.keys()), overflow: new Set() };
  const chosen = new Set<string>(jsonReservedFields.filter((k) => counts.has(k)));
  // Array.prototype.sort is stable: equal counts keep first-seen order.
  const recurring = [...counts].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1]);
  for (const [key] of recurring) {
    if (chosen.size >= maxColumns) break;
    chosen.add(key);
  }
  const keys = new Set<string>();
  const overflow = new Set<string>();
  for (const key of counts.keys()) (chosen.has(key) ? keys : overflow).add(key);
  return { keys, overflow };
}

function lineVisit(bytes: Uint8Array, start: number, end: number, lineNo: number, index: LineIndex, options: IndexLimits): void {
  if (end > start && bytes[end - 1] === 0x0d) end--; // CRLF
  if (end === start) return; // empty lines are not rows
  if (end - start > options.maxLineBytes) {
    warn(
      index,
      options.maxWarnings,
      lineNo,
      `Line ${lineNo} is ${end - start} bytes, over the ${options.maxLineBytes}-byte line limit; skipped.`,
    );
    return;
  }
  const text = decoder.decode(bytes.subarray(start, end));
  if (text.trim() === '') return; // blank lines are not rows either
  const parsed = lineParse(text);
  if (typeof parsed === 'string') {
    warn(index, options.maxWarnings, lineNo, `Line ${lineNo}: ${parsed}; skipped.`);
    return;
  }
  // Depth d needs 2d bytes of brackets: shorter lines cannot be too deep.
  if (end - start > 2 * options.maxDepth && jsonDepthExceeds(bytes, start, end, options.maxDepth)) {
    warn(index, options.maxWarnings, lineNo, `Line ${lineNo} is nested deeper than ${options.maxDepth} levels; skipped.`);
    return;
  }
  keysNote(index, parsed);
  index.starts.push(start);
  index.ends.push(end);
}

function lineIndexBuild(bytes: Uint8Array, options: JsonLinesOptions): LineIndex {
  const opts: IndexLimits = {
    maxLineBytes: options.maxLineBytes ?? 64 * 1024 * 1024,
    maxWarnings: options.maxWarnings ?? 1000,
    maxDepth: options.maxDepth ?? jsonDefaultMaxDepth,
  };
  const index: LineIndex = {
    starts: new OffsetList(),
    ends: new OffsetList(),
    counts: new Map(),
    uncounted: false,
    warnings: [],
    dropped: 0,
  };
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

/** The warning that says how many keys had no column of their own, and where they went. */
function overflowWarning(
  index: LineIndex,
  overflow: number,
  maxColumns: number,
  otherName: string,
  source: string | undefined,
): TableWarning {
  const extra = index.uncounted ? `more than ${overflow}` : String(overflow);
  return {
    message: `${source ?? 'This object'} has ${extra} keys beyond the ${maxColumns}-column limit; they are kept as JSON in the "${otherName}" column (the column limit is a setting).`,
  };
}

/**
 * Index JSON lines and return a paged TableReader plus warnings for bad lines.
 *
 * A bad line (invalid JSON, not an object, too long, nested too deep) is reported with its
 * 1-based line number and skipped; the rest is still read. Handles a UTF-8 BOM, CRLF, empty
 * and trailing lines. Keys beyond `maxColumns` share one "(other keys)" column (a warning says
 * how many), so a row costs at most `maxColumns + 1` cells however many keys the object has.
 */
export function jsonLinesTable(bytes: Uint8Array, options: JsonLinesOptions = {}): JsonLinesTable {
  const index = lineIndexBuild(bytes, options);
  const maxColumns = options.maxColumns ?? tableDefaultMaxColumns;
  const { keys, overflow } = columnsChoose(index, maxColumns);
  const shape = jsonRowShape(keys, overflow.size > 0 || index.uncounted, (name) => index.counts.has(name));
  const count = index.starts.length;
  const { starts, ends } = index;

  const rowsRead = (first: number, end: number): Cell[][] => {
    const rows: Cell[][] = [];
    for (let i = first; i < end; i++) {
      const object = JSON.parse(decoder.decode(bytes.subarray(starts.data[i], ends.data[i]))) as Record<string, unknown>;
      rows.push(jsonRowCells(object, shape));
    }
    return rows;
  };
  const reader = indexedTableReader(shape.columns, count, rowsRead, options.source);
  const warnings = index.warnings;
  const otherColumn = shape.columns[shape.otherColumn];
  if (otherColumn) warnings.unshift(overflowWarning(index, overflow.size, maxColumns, otherColumn.name, options.source));
  return { reader, warnings };
}
