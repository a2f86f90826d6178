/**
 * The label a user sees for a rule field that validation names (`bufferIntervalSec`,
 * `csv.delimiter`, `parquet.columns[2].type`): the editor's own words, not internal names.
 */
import type { MessageKey } from '../i18n';

const labels: Record<string, MessageKey> = {
  name: 'rules.name',
  bucket: 'rules.bucket',
  prefix: 'rules.prefix',
  partitionFormat: 'rules.partitionFormat',
  roleArn: 'rules.roleArn',
  timeZone: 'rules.timeZone',
  bufferSizeMb: 'rules.bufferSize',
  bufferIntervalSec: 'rules.bufferInterval',
  format: 'rules.format',
  compression: 'rules.compression',
  csv: 'rules.csvColumns',
  'csv.columns': 'rules.csvColumns',
  'csv.delimiter': 'rules.csvDelimiter',
  'csv.quote': 'rules.csvQuote',
  'csv.nullValue': 'rules.csvNull',
  'csv.header': 'rules.csvHeader',
  parquet: 'rules.parquetColumns',
};

/** The message key of a validated field's label, or null for a field the editor does not show by name. */
export function ruleFieldLabelKey(field: string): MessageKey | null {
  if (labels[field]) return labels[field] as MessageKey;
  if (/^csv\.columns\[\d+\]$/.test(field)) return 'rules.csvColumns';
  if (/^parquet\./.test(field)) return 'rules.parquetColumns';
  return null;
}
