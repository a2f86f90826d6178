/**
 * The options a shipping rule's format starts with: the console's defaults (SPEC §4).
 */
import { csvDialectDefault } from '../../../core/model';
import type { ShippingRule } from '../../../core/model';

/** The columns Log Service adds to every record. */
export const ruleReservedColumns = ['__time__', '__topic__', '__source__'];

/** The rule's CSV options, else the defaults with the reserved columns. */
export function ruleCsvDefaults(rule: ShippingRule): NonNullable<ShippingRule['csv']> {
  return rule.csv ?? { ...csvDialectDefault, columns: [...ruleReservedColumns] };
}

/** The rule's Parquet columns, else the reserved columns (__time__ as int32, the others as string). */
export function ruleParquetColumns(rule: ShippingRule): NonNullable<ShippingRule['parquet']>['columns'] {
  return (
    rule.parquet?.columns ??
    ruleReservedColumns.map((name) => ({ name, type: name === '__time__' ? ('int32' as const) : ('string' as const) }))
  );
}

/** Switching format fills that format's options with the console defaults. */
export function ruleFormatPatch(rule: ShippingRule, format: ShippingRule['format']): Partial<ShippingRule> {
  if (format === 'csv') return { format, csv: ruleCsvDefaults(rule) };
  if (format === 'parquet')
    return {
      format,
      parquet: rule.parquet ?? { columns: ruleParquetColumns(rule) },
    };
  return { format };
}
