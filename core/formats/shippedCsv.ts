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
import { tableDefaultMaxColumns } from './table';
import type { Cell, TableColumn, TableWarning } from '../model/cells';
import type { TableReader } from './table';
import { csvDialectDefault } from '../model/csvDialect';
import type { CsvDialect } from '../model/csvDialect';

/** Context and warning limit for `shippedCsvTable`. */
export interface ShippedCsvOptions {
  source?: string;
  signal?: AbortSignal;
  maxWarnings?: number;
  /** Most columns (default 2,000); fields beyond it share one "(other columns)" column as JSON. */
  maxColumns?: number;
}

/** Name of the column holding the fields beyond the column limit. */
export const csvOtherColumnsName = '(other columns)';

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

/** The columns' names and the table's full width (header or dialect names, then columnK). */
interface CsvShape {
  width: number;
  nameAt(i: number): string;
}

function csvShape(index: RowIndex, dialect: CsvDialect): CsvShape {
  const base = index.header ?? dialect.columns ?? [];
  let width = base.length;
  for (const w of index.widths) if (w > width) width = w;
  return { width, nameAt: (i) => base[i] ?? `column${i + 1}` };
}

/**
 * Columns up to `maxColumns`, then one "(other columns)" column when rows are wider: a row of
 * 800,000 commas must not make every row 800,000 cells (issue 12).
 */
function csvColumns(shape: CsvShape, maxColumns: number): TableColumn[] {
  const kept = Math.min(shape.width, maxColumns);
  const columns: TableColumn[] = [];
  for (let i = 0; i < kept; i++) columns.push({ name: shape.nameAt(i), type: 'string' });
  if (shape.width > kept) {
    let name = csvOtherColumnsName;
    for (let n = 2; columns.some((c) => c.name === name); n++) name = `${csvOtherColumnsName} ${n}`;
    columns.push({ name, type: 'json' });
  }
  return columns;
}

function widthWarnings(index: RowIndex, expected: number, maxWarnings: number): void {
  const offset = index.header ? 1 : 0;
  for (let i = 0; i < index.widths.length && index.warnings.length < maxWarnings; i++) {
    const width = index.widths[i] ?? 0;
    if (width !== expected)
      index.warnings.push({ line: i + 1 + offset, message: `Row ${i + 1 + offset} has ${width} fields, expected ${expected}.` });
  }
}

/**
 * Null handling: a cell equal to a **non-empty** invalid-key value is null (Log Service wrote
 * it for a missing key). With an empty invalid-key value (the HybridDB recommendation) an
 * empty cell stays '' because a missing key and an empty value are written identically and
 * cannot be told apart; showing '' invents nothing and exports back byte for byte.
 * Fields a short row lacks are null.
 */
function cellsOf(fields: string[], kept: number, other: boolean, nullValue: string, shape: CsvShape): Cell[] {
  const cellOf = (field: string | undefined): Cell => (field === undefined || (nullValue !== '' && field === nullValue) ? null : field);
  const cells: Cell[] = new Array<Cell>(kept + (other ? 1 : 0)).fill(null);
  for (let i = 0; i < kept; i++) cells[i] = cellOf(fields[i]);
  if (other && fields.length > kept) {
    // The fields beyond the limit as one JSON object keyed by the names they would have had.
    const parts: string[] = [];
    for (let i = kept; i < fields.length; i++) parts.push(`${JSON.stringify(shape.nameAt(i))}:${JSON.stringify(cellOf(fields[i]))}`);
    cells[kept] = `{${parts.join(',')}}`;
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
export function shippedCsvTable(
  text: string,
  dialect: CsvDialect = csvDialectDefault,
  options: ShippedCsvOptions = {},
): { reader: TableReader; warnings: TableWarning[] } {
  if (dialect.delimiter.length !== 1 || dialect.quote.length !== 1 || dialect.delimiter === dialect.quote) {
    throw new ShiplensError(
      'INVALID_ARGUMENT',
      `Invalid CSV dialect: delimiter ${JSON.stringify(dialect.delimiter)}, quote ${JSON.stringify(dialect.quote)}.`,
      {
        hint: 'Delimiter and quote are one character each and must differ.',
        source: options.source,
      },
    );
  }
  const bodyStart = text.charCodeAt(0) === 0xfeff ? 1 : 0; // UTF-8 BOM
  const index = rowIndexBuild(text, bodyStart, dialect, options);
  const shape = csvShape(index, dialect);
  const maxColumns = options.maxColumns ?? tableDefaultMaxColumns;
  widthWarnings(index, shape.width, options.maxWarnings ?? 1000);
  const columns = csvColumns(shape, maxColumns);
  const kept = Math.min(shape.width, maxColumns);
  const other = shape.width > kept;
  if (other) {
    index.warnings.unshift({
      message: `${options.source ?? 'This object'} has rows of ${shape.width} fields, over the ${maxColumns}-column limit; the fields beyond it are kept as JSON in the "${columns[kept]?.name ?? ''}" column (the column limit is a setting).`,
    });
  }
  const count = index.starts.length;

  const rowsRead = (first: number, end: number): Cell[][] => {
    const page = text.slice(index.starts[first], index.ends[end - 1]);
    const parsed = Papa.parse<string[]>(page, parseConfig(dialect));
    return parsed.data.map((fields) => cellsOf(fields, kept, other, dialect.nullValue, shape));
  };
  const reader = indexedTableReader(columns, count, rowsRead, options.source);
  return { reader, warnings: index.warnings };
}
