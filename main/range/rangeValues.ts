/**
 * Result cells of a range query as plain values: what DuckDB's JSON converter gives (BIGINT
 * and DECIMAL as exact digit strings), TIMESTAMPTZ shown in the rule's zone, and the JSON line
 * and text forms the CLI prints.
 */
import { DuckDBTimestampTZValue, DuckDBTypeId } from '@duckdb/node-api';
import type { DuckDBType, DuckDBValue, Json } from '@duckdb/node-api';
import { timeZoneFields, timeZoneOffsetMs } from '../../core/shipping';

/** A result cell. */
export type RangeCell = Json;

/** A result column: name, DuckDB type, and whether its digits are printed unquoted in JSON. */
export interface RangeColumn {
  name: string;
  type: string;
  /** Integer or decimal: the JSON converter gives digits as text, printed as a JSON number. */
  exact: boolean;
}

const exactTypes = new Set<DuckDBTypeId>([
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.DECIMAL,
]);

/** Describe a result column. */
export function rangeColumnOf(name: string, type: DuckDBType): RangeColumn {
  return { name, type: type.toString(), exact: exactTypes.has(type.typeId) };
}

const two = (n: number): string => String(n).padStart(2, '0');

/** An instant in `zone`: `2026-12-04 10:00:00+08:00` (fraction only when there is one). */
export function rangeTimeText(micros: bigint, zone: string): string {
  const ms = Number(micros / 1000n - (micros % 1000n < 0n ? 1n : 0n));
  const sub = Number(((micros % 1_000_000n) + 1_000_000n) % 1_000_000n);
  const f = timeZoneFields(ms, zone);
  const offset = Math.round(timeZoneOffsetMs(zone, ms) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const fraction = sub === 0 ? '' : `.${String(sub).padStart(6, '0').replace(/0+$/, '')}`;
  return `${f.Y}-${two(f.m)}-${two(f.d)} ${two(f.H)}:${two(f.M)}:${two(f.s)}${fraction}${sign}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
}

/** One cell: the JSON-converted value, or a TIMESTAMPTZ in `zone`. */
export function rangeCell(value: Json, zone: string | null, raw: DuckDBValue | undefined): RangeCell {
  if (zone !== null && raw instanceof DuckDBTimestampTZValue) {
    // ±infinity have no calendar form: keep DuckDB's own text.
    const micros = raw.micros;
    if (micros >= 9223372036854775807n || micros <= -9223372036854775807n) return value;
    return rangeTimeText(micros, zone);
  }
  return value;
}

/** One JSON line for a row: exact columns' digits unquoted (BIGINT beyond 2^53 stays exact). */
export function rangeRowJson(columns: readonly RangeColumn[], row: readonly RangeCell[]): string {
  const parts = columns.map((c, i) => {
    const cell = row[i] ?? null;
    const text = c.exact && typeof cell === 'string' && /^-?\d+(\.\d+)?$/.test(cell) ? cell : JSON.stringify(cell);
    return `${JSON.stringify(c.name)}:${text}`;
  });
  return `{${parts.join(',')}}\n`;
}

/** One text cell: strings as they are (tabs and line breaks escaped), others as JSON. */
export function rangeCellText(cell: RangeCell): string {
  if (cell === null) return '';
  const text = typeof cell === 'string' ? cell : JSON.stringify(cell);
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\r/g, '\\r').replace(/\n/g, '\\n');
}
