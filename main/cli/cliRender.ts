/**
 * Text and JSON renderings of what the decode commands print: cells, rows, schemas.
 */
import type { ParquetSchema } from '../../core/formats';
import type { Cell, TableColumn } from '../../core/model';
import { textTable } from './cliOutput';

const maxCellChars = 60;

/** The first `units` UTF-16 units of `text`, one fewer when that would split a surrogate pair. */
function unitsCut(text: string, units: number): string {
  if (text.length <= units) return text;
  const code = text.charCodeAt(units - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? units - 1 : units);
}

/** Text for a terminal table: control characters escaped, cut to `maxCellChars` units with `…`. */
function shortText(raw: string): string {
  // Cut before escaping: a 100 MB cell must not be copied, or spread into an array of
  // characters ([...cell] aborted V8 at 100 MB, issue 12), to show 60 characters of it.
  const head = unitsCut(raw, maxCellChars);
  const text = head.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  return head === raw && text.length <= maxCellChars ? text : `${unitsCut(text, maxCellChars - 1)}…`;
}

/** A cell for a terminal table: NULL for null, control characters escaped, long text cut. */
export function cellText(cell: Cell): string {
  if (cell === null) return 'NULL';
  return typeof cell === 'string' ? shortText(cell) : String(cell);
}

/** A cell as JSON; INT64 (bigint) is written as its exact digits, never rounded. */
export function cellJson(cell: Cell): string {
  if (typeof cell === 'bigint') return cell.toString();
  return JSON.stringify(cell) ?? 'null';
}

/** One row as a JSON object on one line (keys in column order). */
export function rowJsonLine(columns: readonly TableColumn[], row: readonly Cell[]): string {
  const fields = columns.map((c, i) => `${JSON.stringify(c.name)}:${cellJson(row[i] ?? null)}`);
  return `{${fields.join(',')}}\n`;
}

/** Rows as an aligned table with a header line. */
export function rowsTable(columns: readonly TableColumn[], rows: readonly (readonly Cell[])[]): string {
  return textTable([columns.map((c) => shortText(c.name)), ...rows.map((row) => columns.map((_c, i) => cellText(row[i] ?? null)))]);
}

/** A Parquet schema the way parquet-tools users read it, one section per fact. */
export function parquetSchemaText(source: string, schema: ParquetSchema): string {
  const lines = [
    `object:      ${source}`,
    'format:      parquet',
    `rows:        ${schema.numRows}`,
    `row groups:  ${schema.rowGroups}`,
    `codecs:      ${schema.codecs.join(', ') || '-'}`,
    `created by:  ${schema.createdBy ?? '-'}`,
    '',
  ];
  const table = textTable([
    ['COLUMN', 'PHYSICAL', 'LOGICAL', 'REPETITION', 'CODEC'],
    ...schema.columns.map((c) => [c.path, c.physicalType, c.logicalType ?? '-', c.repetition, c.codec ?? '-']),
  ]);
  let text = `${lines.join('\n')}\n${table}`;
  // Bytes with no text annotation: say how they are shown and exported (issue 14).
  const shown = schema.columns.filter((c) => c.shownAs).map((c) => `  ${c.path}: ${c.shownAs}`);
  if (shown.length > 0) text += `\nvalues shown:\n${shown.join('\n')}\n`;
  if (schema.warnings?.length) text += `\nwarnings:\n${schema.warnings.map((w) => `  ${w}`).join('\n')}\n`;
  if (schema.keyValueMetadata.length > 0) {
    const kv = schema.keyValueMetadata.map(({ key, value }) => `  ${key} = ${value.length > 200 ? `${value.slice(0, 199)}…` : value}`);
    text += `\nkey-value metadata:\n${kv.join('\n')}\n`;
  }
  return text;
}

/** Columns of a JSON-lines or CSV object (no footer to read: from the table reader). */
export function textSchemaText(
  source: string,
  format: string,
  compression: string,
  columns: readonly TableColumn[],
  numRows: number | null,
): string {
  const head = [
    `object:      ${source}`,
    `format:      ${format}`,
    `compression: ${compression}`,
    `rows:        ${numRows ?? 'unknown'}`,
    '',
  ];
  return `${head.join('\n')}\n${textTable([['COLUMN', 'TYPE'], ...columns.map((c) => [c.name, c.type])])}`;
}
