/**
 * Text and JSON renderings of what the decode commands print: cells, rows, schemas.
 */
import type { ParquetSchema } from '../../core/formats/parquet';
import type { Cell, TableColumn } from '../../core/formats/table';
import { textTable } from './cliOutput';

const maxCellChars = 60;

/** A cell for a terminal table: NULL for null, control characters escaped, long text cut. */
export function cellText(cell: Cell): string {
  if (cell === null) return 'NULL';
  const text = typeof cell === 'string' ? cell.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t') : String(cell);
  const chars = [...text];
  return chars.length > maxCellChars ? `${chars.slice(0, maxCellChars - 1).join('')}…` : text;
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
  return textTable([columns.map((c) => c.name), ...rows.map((row) => columns.map((_c, i) => cellText(row[i] ?? null)))]);
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
  if (schema.keyValueMetadata.length > 0) {
    const kv = schema.keyValueMetadata.map(({ key, value }) => `  ${key} = ${value.length > 200 ? `${value.slice(0, 199)}…` : value}`);
    text += `\nkey-value metadata:\n${kv.join('\n')}\n`;
  }
  return text;
}

/** Columns of a JSON-lines or CSV object (no footer to read: from the table reader). */
export function textSchemaText(source: string, format: string, compression: string, columns: readonly TableColumn[], numRows: number | null): string {
  const head = [`object:      ${source}`, `format:      ${format}`, `compression: ${compression}`, `rows:        ${numRows ?? 'unknown'}`, ''];
  return `${head.join('\n')}\n${textTable([['COLUMN', 'TYPE'], ...columns.map((c) => [c.name, c.type])])}`;
}
