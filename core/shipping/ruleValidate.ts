/**
 * Validate a shipping rule against the console's constraints (SPEC §3, §4).
 *
 * Returns every issue at once (the editor shows them live), each with a field path, a stable
 * code, a severity and messages in English and Simplified Chinese. Never throws, even on data
 * that is not shaped like a rule (imported JSON, CLI input).
 */
import { partitionFormatDirectives, partitionFormatTokenize } from './partitionFormat';
import { ruleMessageFormat, ruleMessages } from './ruleMessages';
import type { RuleIssueCode } from './ruleMessages';
import { timeZoneIsValid } from './timeZone';
import { parquetColumnTypes } from '../model/rule';
import type { ShippingRule } from '../model/rule';

/** One problem with a rule field, with its message parameters. */
export interface RuleIssue {
  /** Path of the field, e.g. `name`, `csv.delimiter`, `parquet.columns[2].type`. */
  field: string;
  code: string;
  severity: 'error' | 'warning';
  message: { en: string; 'zh-CN': string };
}

type Push = (field: string, code: RuleIssueCode, params?: Record<string, string | number>, severity?: 'error' | 'warning') => void;

function issuePusher(issues: RuleIssue[]): Push {
  return (field, code, params = {}, severity = 'error') => {
    const m = ruleMessages[code];
    issues.push({
      field,
      code,
      severity,
      message: { en: ruleMessageFormat(m.en, params), 'zh-CN': ruleMessageFormat(m['zh-CN'], params) },
    });
  };
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function checkName(name: unknown, push: Push): void {
  const n = str(name);
  if (n === '') return push('name', 'NAME_REQUIRED');
  const chars = [...n];
  if (chars.length < 3 || chars.length > 63) push('name', 'NAME_LENGTH', { length: chars.length });
  const bad = chars.find((c) => !/[a-z0-9_-]/.test(c));
  if (bad !== undefined) push('name', 'NAME_CHARS', { char: bad });
  else if (!/^[a-z0-9]/.test(n) || !/[a-z0-9]$/.test(n)) push('name', 'NAME_EDGE');
}

function checkBucketAndPrefix(rule: Partial<ShippingRule>, push: Push): void {
  const bucket = str(rule.bucket);
  if (bucket === '') push('bucket', 'BUCKET_REQUIRED');
  else if (!/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(bucket)) push('bucket', 'BUCKET_NAME', { bucket });
  const prefix = str(rule.prefix);
  if (prefix.startsWith('/') || prefix.endsWith('/')) push('prefix', 'PREFIX_SLASH', {}, 'warning');
  if (/\/\/|\\/.test(prefix.replace(/^\/+|\/+$/g, ''))) push('prefix', 'PREFIX_CHARS');
}

function checkPartition(rule: Partial<ShippingRule>, push: Push): void {
  const format = str(rule.partitionFormat);
  if (format === '') push('partitionFormat', 'PARTITION_REQUIRED');
  else {
    const { unknown, nonstandard } = partitionFormatTokenize(format);
    for (const directive of unknown) push('partitionFormat', 'PARTITION_UNKNOWN_DIRECTIVE', { directive });
    for (const directive of nonstandard) push('partitionFormat', 'PARTITION_NONSTANDARD_DIRECTIVE', { directive }, 'warning');
    // SPEC §1: the console refuses these, yet the documented `%Y%m%d/` exists: warn only.
    if (format.startsWith('/') || format.endsWith('/')) push('partitionFormat', 'PARTITION_SLASH_EDGE', {}, 'warning');
    if (partitionFormatDirectives(format).length === 0) push('partitionFormat', 'PARTITION_NO_TIME', {}, 'warning');
  }
  const zone = str(rule.timeZone);
  if (!timeZoneIsValid(zone)) push('timeZone', 'TIME_ZONE_INVALID', { zone });
}

function checkNumbers(rule: Partial<ShippingRule>, push: Push): void {
  const size = rule.bufferSizeMb;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 5 || size > 256)
    push('bufferSizeMb', 'SIZE_RANGE', { value: String(size) });
  const interval = rule.bufferIntervalSec;
  if (typeof interval !== 'number' || !Number.isInteger(interval) || interval < 300 || interval > 900) {
    push('bufferIntervalSec', 'INTERVAL_RANGE', { value: String(interval) });
  }
}

function checkRoleArn(arn: unknown, push: Push): void {
  const a = str(arn);
  if (a === '') return push('roleArn', 'ROLE_ARN_REQUIRED');
  if (!/^acs:ram::\d+:role\/[A-Za-z0-9._-]{1,64}$/.test(a)) push('roleArn', 'ROLE_ARN_SHAPE', { arn: a });
}

function checkColumnNames(names: unknown[], base: string, push: Push): void {
  if (names.length === 0) push(base, 'COLUMNS_EMPTY');
  const seen = new Set<string>();
  names.forEach((name, i) => {
    const n = str(name);
    if (n.trim() === '') return push(`${base}[${i}]`, 'COLUMN_NAME_EMPTY', { index: i + 1 });
    if (seen.has(n)) push(`${base}[${i}]`, 'COLUMN_DUPLICATE', { column: n });
    seen.add(n);
  });
}

function checkCsv(csv: ShippingRule['csv'] | undefined, push: Push): void {
  if (!csv || typeof csv !== 'object') return push('csv', 'CSV_MISSING');
  checkColumnNames(Array.isArray(csv.columns) ? csv.columns : [], 'csv.columns', push);
  const delimiterOk = typeof csv.delimiter === 'string' && [...csv.delimiter].length === 1;
  if (!delimiterOk) push('csv.delimiter', 'DELIMITER_ONE_CHAR');
  const quoteOk = typeof csv.quote === 'string' && [...csv.quote].length === 1;
  if (!quoteOk) push('csv.quote', 'QUOTE_ONE_CHAR');
  if (delimiterOk && quoteOk && csv.quote === csv.delimiter) push('csv.quote', 'QUOTE_IS_DELIMITER');
  if (typeof csv.nullValue !== 'string') push('csv.nullValue', 'NULL_VALUE_TYPE');
  if (typeof csv.header !== 'boolean') push('csv.header', 'HEADER_TYPE');
}

function checkParquet(parquet: ShippingRule['parquet'] | undefined, push: Push): void {
  if (!parquet || typeof parquet !== 'object' || !Array.isArray(parquet.columns)) return push('parquet', 'PARQUET_MISSING');
  const columns = parquet.columns as unknown[];
  const names = columns.map((c) => (c && typeof c === 'object' ? (c as { name?: unknown }).name : undefined));
  checkColumnNames(names, 'parquet.columns', push);
  columns.forEach((c, i) => {
    const type = c && typeof c === 'object' ? (c as { type?: unknown }).type : undefined;
    if (!(parquetColumnTypes as readonly unknown[]).includes(type)) {
      push(`parquet.columns[${i}].type`, 'PARQUET_TYPE', { column: str(names[i]), type: String(type) });
    }
  });
}

/** Every problem of a rule, errors and warnings, with messages in en and zh-CN. */
export function ruleValidate(rule: ShippingRule): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const push = issuePusher(issues);
  const r = (rule && typeof rule === 'object' ? rule : {}) as Partial<ShippingRule>;
  checkName(r.name, push);
  checkBucketAndPrefix(r, push);
  checkPartition(r, push);
  checkRoleArn(r.roleArn, push);
  checkNumbers(r, push);
  if (!['json', 'csv', 'parquet'].includes(r.format as string)) push('format', 'FORMAT_UNKNOWN', { value: String(r.format) });
  if (!['none', 'snappy'].includes(r.compression as string)) push('compression', 'COMPRESSION_UNKNOWN', { value: String(r.compression) });
  if (r.format === 'csv') checkCsv(r.csv, push);
  if (r.format === 'parquet') checkParquet(r.parquet, push);
  return issues;
}

/** True when a rule has no error (warnings allowed). */
export function ruleIsValid(rule: ShippingRule): boolean {
  return ruleValidate(rule).every((i) => i.severity !== 'error');
}
