/**
 * The shipping rule's defaults and presets (its shape is core/model/rule.ts).
 */
import type { CsvOptions, ShippingRule } from '../model/rule';
import { defaultTimeZone } from './timeZone';

/** The console's defaults, for a new rule. */
export function shippingRuleDefault(): ShippingRule {
  return {
    name: 'oss-shipper',
    bucket: '',
    prefix: '',
    partitionFormat: '%Y/%m/%d/%H/%M',
    roleArn: '',
    bufferSizeMb: 256,
    bufferIntervalSec: 300,
    format: 'json',
    compression: 'none',
    timeZone: defaultTimeZone,
  };
}

/**
 * The CSV dialect the document recommends when the shipped CSV is loaded into HybridDB
 * (AnalyticDB for PostgreSQL): `,` as delimiter, `"` as quote, an empty invalid-key value and no
 * header line. The columns stay the user's.
 */
export function csvHybridDbPreset(columns: readonly string[]): CsvOptions {
  return { columns: [...columns], delimiter: ',', quote: '"', nullValue: '', header: false };
}
