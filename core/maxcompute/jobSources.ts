/**
 * Where a job's fields come from: a shipping rule's column list, a shipped object's columns,
 * or names typed by the user — each with the Parquet types known for them.
 */
import type { ColumnType } from '../model/cells';
import { parquetColumnTypes } from '../model/rule';
import type { ParquetColumnType, ShippingRule } from '../model/rule';

/** Log fields and the Parquet types known for some of them. */
export interface JobFieldSource {
  columns: string[];
  types: Record<string, ParquetColumnType>;
}

/** Reserved fields every JSON object carries (SPEC §3); other JSON keys are not listed by the rule. */
export const reservedFields = ['__time__', '__topic__', '__source__'] as const;

/** A rule's fields: Parquet columns with types, CSV columns, or the reserved fields of JSON. */
export function jobFieldsOfRule(rule: ShippingRule): JobFieldSource {
  if (rule.format === 'parquet') {
    const columns = rule.parquet?.columns ?? [];
    return { columns: columns.map((c) => c.name), types: Object.fromEntries(columns.map((c) => [c.name, c.type])) };
  }
  if (rule.format === 'csv') return { columns: [...(rule.csv?.columns ?? [])], types: {} };
  return { columns: [...reservedFields], types: { __time__: 'int64' } };
}

/** A shipped object's columns (Parquet types kept, anything else STRING). */
export function jobFieldsOfTable(columns: { name: string; type: ColumnType }[]): JobFieldSource {
  const known = new Set<string>(parquetColumnTypes);
  const types: Record<string, ParquetColumnType> = {};
  for (const c of columns) if (known.has(c.type)) types[c.name] = c.type as ParquetColumnType;
  return { columns: columns.map((c) => c.name), types };
}

/** Typed `a,b:int64,c` → fields with the types given after `:`. */
export function jobFieldsTyped(text: string): JobFieldSource {
  const types: Record<string, ParquetColumnType> = {};
  const columns = text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => {
      // `__tag__:__client_ip__` is a field, not a type; only a known type after the last `:` is one.
      const at = item.lastIndexOf(':');
      const type = at > 0 ? item.slice(at + 1) : '';
      if (!(parquetColumnTypes as readonly string[]).includes(type)) return item;
      const name = item.slice(0, at);
      types[name] = type as ParquetColumnType;
      return name;
    });
  return { columns, types };
}
