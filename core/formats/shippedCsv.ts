/**
 * Shipped CSV (SPEC §3) on papaparse: the rule's dialect → a paged TableReader.
 *
 * One streaming pass (papaparse `step`) records where each row starts and ends in the text
 * and how many fields rows have; `readRows` parses just the text of the requested page
 * again, so no array of all rows is built for a 256 MB object.
 */
import Papa from 'papaparse';
import { ShiplensError, throwIfCancelled } from '../errors';
import { indexedTableReader } from './indexedTable';
import type { Cell, TableColumn, TableReader, TableWarning } from './table';

/** The shipped-CSV dialect; same shape as `CsvDialect` in main/api/contract.ts. */
export interface CsvDialect {
  /** One character. */
  delimiter: string;
  /** One character; also the escape (a quote inside a field is doubled: SPEC §3). */
  quote: string;
  /** First row holds column names (Log Service default: off). */
  header: boolean;
  /** Names for a header-less file (the rule's column list). */
  columns?: string[];
  /** The rule's invalid-key value, written when a key is missing. */
  nullValue: string;
}

/** Log Service defaults (SPEC §3: `,` `"`, empty invalid-key value, no header). */
export const csvDialectDefault: CsvDialect = { delimiter: ',', quote: '"', header: false, nullValue: '' };

/** Context and warning limit for `shippedCsvTable`. */
export interface ShippedCsvOptions {
  source?: string;
  signal?: AbortSignal;
  maxWarnings?: number;
}

interface RowIndex {
  starts: number[];
  ends: number[];
  widths: number[];
  header: string[] | null;
  warnings: TableWarning[];
}

function parseConfig(dialect: CsvDialect): Papa.ParseConfig<string[]> {
  // Log Service's escape is the quote itself (SPEC §3), so escapeChar = quoteChar.
  return { delimiter: dialect.delimiter, quoteChar: dialect.quote, escapeChar: dialect.quote, skipEmptyLines: true, header: false };
}

function rowIndexBuild(text: string, bodyStart: number, dialect: CsvDialect, options: ShippedCsvOptions): RowIndex {
  const index: RowIndex = { starts: [], ends: [], widths: [], header: null, warnings: [] };
  const maxWarnings = options.maxWarnings ?? 1000;
  let cursor = bodyStart;
  let row = 0;
  Papa.parse<string[]>(text.slice(bodyStart), {
    ...parseConfig(dialect),
    step(result) {
      row++;
      const end = bodyStart + result.meta.cursor;
      if ((row & 0xffff) === 0) throwIfCancelled(options.signal);
      for (const error of result.errors) {
        if (index.warnings.length < maxWarnings) index.warnings.push({ line: row, message: `Row ${row}: ${error.message}.` });
      }
      if (dialect.header && index.header === null) index.header = result.data;
      else {
        index.starts.push(cursor);
        index.ends.push(end);
        index.widths.push(result.data.length);
      }
      cursor = end;
    },
  });
  return index;
}

function columnNames(index: RowIndex, dialect: CsvDialect): string[] {
  const base = index.header ?? dialect.columns ?? [];
  let width = base.length;
  for (const w of index.widths) if (w > width) width = w;
  const names = [...base];
  for (let i = names.length; i < width; i++) names.push(`column${i + 1}`);
  return names;
}

function widthWarnings(index: RowIndex, expected: number, maxWarnings: number): void {
  const offset = index.header ? 1 : 0;
  for (let i = 0; i < index.widths.length && index.warnings.length < maxWarnings; i++) {
    const width = index.widths[i] ?? 0;
    if (width !== expected) index.warnings.push({ line: i + 1 + offset, message: `Row ${i + 1 + offset} has ${width} fields, expected ${expected}.` });
  }
}

/**
 * Null handling: a cell equal to a **non-empty** invalid-key value is null (Log Service wrote
 * it for a missing key). With an empty invalid-key value (the HybridDB recommendation) an
 * empty cell stays '' because a missing key and an empty value are written identically and
 * cannot be told apart; showing '' invents nothing and exports back byte for byte.
 * Fields a short row lacks are null.
 */
function cellsOf(fields: string[], width: number, nullValue: string): Cell[] {
  const cells: Cell[] = new Array<Cell>(width);
  for (let i = 0; i < width; i++) {
    const field = fields[i];
    cells[i] = field === undefined || (nullValue !== '' && field === nullValue) ? null : field;
  }
  return cells;
}

/**
 * Read shipped CSV text with the rule's dialect into a paged TableReader.
 *
 * Columns: the header row (header on), else the dialect's column names, else `column1..N`;
 * rows wider than that get extra `columnK` columns. Quote doubling is the escape; fields may
 * hold the delimiter and line breaks. Rows of another width are reported as warnings.
 */
export function shippedCsvTable(text: string, dialect: CsvDialect = csvDialectDefault, options: ShippedCsvOptions = {}): { reader: TableReader; warnings: TableWarning[] } {
  if (dialect.delimiter.length !== 1 || dialect.quote.length !== 1 || dialect.delimiter === dialect.quote) {
    throw new ShiplensError('INVALID_ARGUMENT', `Invalid CSV dialect: delimiter ${JSON.stringify(dialect.delimiter)}, quote ${JSON.stringify(dialect.quote)}.`, {
      hint: 'Delimiter and quote are one character each and must differ.',
      source: options.source,
    });
  }
  const bodyStart = text.charCodeAt(0) === 0xfeff ? 1 : 0; // UTF-8 BOM
  const index = rowIndexBuild(text, bodyStart, dialect, options);
  const names = columnNames(index, dialect);
  widthWarnings(index, names.length, options.maxWarnings ?? 1000);
  const columns: TableColumn[] = names.map((name) => ({ name, type: 'string' }));
  const count = index.starts.length;

  const rowsRead = (first: number, end: number): Cell[][] => {
    const page = text.slice(index.starts[first], index.ends[end - 1]);
    const parsed = Papa.parse<string[]>(page, parseConfig(dialect));
    return parsed.data.map((fields) => cellsOf(fields, names.length, dialect.nullValue));
  };
  const reader = indexedTableReader(columns, count, rowsRead, options.source);
  return { reader, warnings: index.warnings };
}
