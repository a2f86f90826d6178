/**
 * The grid's sort and filter (renderer/util/gridValues.ts: compareCells, sortByColumn,
 * rowFilterParse) as SQL over one table's cells, so a whole object sorts and filters as the
 * loaded rows do. Every value the user typed is a bound parameter (`$1`, `$2`, …); the only
 * identifiers are the positional column names `c0`, `c1`, … this module makes.
 *
 * Cells are stored as text (numbers and booleans as JS `String()` gives them, as the grid's
 * search sees them); a cell's number is what `cellNumber` would make of that text.
 */
import { ShiplensError } from '../../core/errors';
import { sqlIdent } from './rangeView';

/** The SQL name of the table's column `index`. */
export function tableQueryColumn(index: number): string {
  return `c${index}`;
}

/** A sort of the grid: one column by name, ascending or descending. */
export interface TableQuerySort {
  column: string;
  desc: boolean;
}

/** SQL text plus the values bound to its `$n` parameters. */
export interface TableQuerySql {
  sql: string;
  params: (string | number)[];
}

// cellNumber's plain decimals: RE2 and JS agree on this pattern (ASCII \d, no flags).
const decimalPattern = '-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?';

/** The number a cell's text stands for (cellNumber), else NULL. */
export function tableQueryNumberSql(column: string): string {
  return `(CASE WHEN length(${column}) <= 40 AND regexp_full_match(${column}, '${decimalPattern}') THEN CAST(${column} AS DOUBLE) END)`;
}

function columnIndex(columns: readonly string[], name: string): number {
  const index = columns.indexOf(name);
  if (index < 0) {
    throw new ShiplensError('INVALID_ARGUMENT', `The table has no column "${name.slice(0, 200)}" to sort by.`, {
      source: 'sort.column',
      hint: 'Sort by one of the columns table.open listed.',
    });
  }
  return index;
}

/**
 * ORDER BY of sortByColumn: numbers by value, then text, null last; descending puts text
 * before numbers and keeps null last; equal values keep their file order (`__row`).
 */
export function tableQueryOrderSql(columns: readonly string[], sort: TableQuerySort | undefined): string {
  if (!sort) return '__row';
  const c = tableQueryColumn(columnIndex(columns, sort.column));
  const n = tableQueryNumberSql(c);
  const rank = sort.desc
    ? `CASE WHEN ${c} IS NULL THEN 2 WHEN ${n} IS NOT NULL THEN 1 ELSE 0 END`
    : `CASE WHEN ${c} IS NULL THEN 2 WHEN ${n} IS NOT NULL THEN 0 ELSE 1 END`;
  const dir = sort.desc ? 'DESC' : 'ASC';
  // Text compares only text: "1" and "1.0" are equal numbers and keep their file order.
  return `${rank}, ${n} ${dir}, (CASE WHEN ${n} IS NULL THEN ${c} END) ${dir}, __row`;
}

const comparison = /^(?:([^<>=!]+?)\s*)?(>=|<=|!=|>|<|=)\s*(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)$/;
const sqlOps: Record<string, string> = { '>': '>', '<': '<', '>=': '>=', '<=': '<=', '=': '=', '!=': '<>' };

/**
 * WHERE of rowFilterParse (null when the filter is empty): `status>=500` or `>=500` compares
 * by value (a named column, case-insensitive, or any column), `null` finds null cells, anything
 * else is a case-insensitive text search over every column.
 */
export function tableQueryWhereSql(columns: readonly string[], filter: string | undefined): TableQuerySql | null {
  const needle = (filter ?? '').trim();
  if (!needle) return null;
  const all = columns.map((_, i) => tableQueryColumn(i));
  const any = (test: (c: string) => string): string => (all.length === 0 ? 'false' : `(${all.map(test).join(' OR ')})`);
  const m = comparison.exec(needle);
  if (m) {
    const op = sqlOps[m[2] ?? '='] ?? '=';
    const col = m[1] === undefined ? -1 : columns.findIndex((c) => c.toLowerCase() === m[1]?.toLowerCase());
    if (m[1] === undefined || col >= 0) {
      const test = (c: string): string => `${tableQueryNumberSql(c)} ${op} $1`;
      return { sql: col >= 0 ? test(tableQueryColumn(col)) : any(test), params: [Number(m[3])] };
    }
  }
  if (needle === 'null') return { sql: any((c) => `${c} IS NULL`), params: [] };
  return { sql: any((c) => `contains(lower(${c}), $1)`), params: [needle.toLowerCase()] };
}

/** The kinds (`n` number, `b` boolean, `i` bigint, `s` string) column `index`'s cells have, as one text. */
export function tableQueryKindsSql(index: number): string {
  const c = tableQueryColumn(index);
  return `string_agg(DISTINCT CASE WHEN ${c} IS NOT NULL THEN substr(__kinds, ${index + 1}, 1) END, '')`;
}

const typeOfKind: Record<string, string> = { n: 'DOUBLE', b: 'BOOLEAN', i: 'BIGINT' };

/**
 * Column `index` named `name`, typed for Parquet: a column whose every cell was a number,
 * boolean or bigint in the table gets that type; any other column stays text, as read.
 */
export function tableQueryTypedSql(index: number, name: string, kinds: string | null): string {
  const c = `t.${tableQueryColumn(index)}`;
  const type = kinds !== null && kinds.length === 1 ? typeOfKind[kinds] : undefined;
  return `${type ? `CAST(${c} AS ${type})` : c} AS ${sqlIdent(name)}`;
}
