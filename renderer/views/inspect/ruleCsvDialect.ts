/**
 * A shipped CSV read with its rule's dialect (issue 18 feature 3): Log Service writes CSV
 * without a header line, so the column names are only known from the rule. When the rule
 * imported from the project (Tasks) or the one in the rule editor ships CSV under a prefix that
 * covers the key, its column list, delimiter, quote and invalid-key value are used — the grid
 * then names `ip`, `status`, … instead of column1….
 */
import { csvDialectDefault } from '../../../core/model';
import type { CsvDialect, ShippingRule } from '../../../main/api/contract';
import { ruleCovers } from '../../util/taskOverlay';

/** The dialect of the first of `rules` that ships CSV covering `key`; null when none does. */
export function ruleCsvDialect(rules: readonly (ShippingRule | null | undefined)[], key: string): CsvDialect | null {
  for (const rule of rules) {
    const csv = rule?.format === 'csv' ? rule.csv : undefined;
    if (!rule || !csv || !ruleCovers(rule, key)) continue;
    if (!csv.header && csv.columns.length === 0) continue;
    return {
      delimiter: csv.delimiter,
      quote: csv.quote,
      header: csv.header,
      ...(csv.header ? {} : { columns: [...csv.columns] }),
      nullValue: csv.nullValue,
    };
  }
  return null;
}

/** True for Log Service's default dialect without names: nothing chosen, a rule may name the columns. */
export function csvDialectIsDefault(dialect: CsvDialect): boolean {
  const d = csvDialectDefault;
  return (
    !dialect.columns?.length &&
    dialect.delimiter === d.delimiter &&
    dialect.quote === d.quote &&
    dialect.header === d.header &&
    dialect.nullValue === d.nullValue
  );
}
