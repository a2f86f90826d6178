/**
 * Shipped object keys (SPEC §1, §2):
 * `<prefix>/<partition format rendered at task time>_<task time ns, 19 digits>_<task number><suffix>`.
 *
 * Every shipped key carries its exact task time, so a key parses without its rule; the rule only
 * adds certainty about where the prefix ends and which levels are the partition.
 */
import { ShiplensError } from '../errors';
import { partitionFormatParse, partitionFormatRender } from './partitionFormat';
import { objectKeyInferPartition } from './objectKeyInfer';
import { timeZoneFields } from './timeZone';
import type { Compression, ShippingRule, StorageFormat } from '../model/rule';

/** Every part of a shipped object key (SPEC §1/§2). */
export interface ParsedObjectKey extends ObjectKeyTail {
  key: string;
  /** Directory under the bucket, without trailing '/' ('' when the partition starts the key). */
  prefix: string;
  /** Rendered partition format (e.g. `2017/01/20/19/50`, `20170120/`). */
  partitionPath: string;
  hiveColumns: Record<string, string>;
  /** The partition format shiplens inferred (no rule) or checked (with a rule). */
  partitionFormat: string | null;
  /** Time zone the partition was rendered in, when known or inferred. */
  timeZone: string | null;
  /** Things that look off but do not stop the key from being read. */
  warnings: string[];
}

/** A parsed key, or why the key does not fit the rule. */
export type ObjectKeyParseResult = { ok: true; value: ParsedObjectKey } | { ok: false; reason: string };

/** SPEC §2: suffix by storage format and compression. Longest first for matching. */
export const shippedSuffixes: readonly { suffix: string; format: StorageFormat; compression: Compression }[] = [
  { suffix: '.snappy.parquet', format: 'parquet', compression: 'snappy' },
  { suffix: '.snappy.csv', format: 'csv', compression: 'snappy' },
  { suffix: '.parquet', format: 'parquet', compression: 'none' },
  { suffix: '.snappy', format: 'json', compression: 'snappy' },
  { suffix: '.csv', format: 'csv', compression: 'none' },
  { suffix: '', format: 'json', compression: 'none' },
];

/** The suffix Log Service appends for a storage format and compression (SPEC §2). */
export function objectSuffix(format: StorageFormat, compression: Compression): string {
  const row = shippedSuffixes.find((s) => s.format === format && s.compression === compression);
  return row ? row.suffix : '';
}

const tailPattern = /_(\d{19})_(\d{1,10})((?:\.[A-Za-z0-9]+)*)$/;
const suffixTokens = new Set(['json', 'csv', 'parquet', 'snappy']);
const nsPerMs = 1_000_000n;

/** Milliseconds (floored) of a nanosecond instant. */
export function taskTimeNsToMs(ns: bigint): number {
  const ms = ns / nsPerMs;
  return Number(ns < 0n && ns % nsPerMs !== 0n ? ms - 1n : ms);
}

function normalizePrefix(prefix: string | undefined): string {
  return (prefix ?? '').replace(/^\/+|\/+$/g, '');
}

/** Build the key Log Service writes for a task (inverse of objectKeyParse). */
export function objectKeyBuild(rule: ShippingRule, taskTimeNs: bigint, taskNumber: number): string {
  if (taskTimeNs < 0n || taskTimeNs >= 10n ** 19n) {
    throw new ShiplensError('TIME_INVALID', `Task time ${taskTimeNs} ns is outside the 19-digit range Log Service writes.`);
  }
  if (!Number.isInteger(taskNumber) || taskNumber < 0) {
    throw new ShiplensError('INVALID_ARGUMENT', `Task number must be a non-negative integer, got ${taskNumber}.`);
  }
  const partition = partitionFormatRender(rule.partitionFormat, taskTimeNsToMs(taskTimeNs), rule.timeZone);
  const prefix = normalizePrefix(rule.prefix);
  const id = `${taskTimeNs.toString().padStart(19, '0')}_${taskNumber}`;
  return `${prefix ? `${prefix}/` : ''}${partition}_${id}${objectSuffix(rule.format, rule.compression)}`;
}

interface KeyTail {
  head: string;
  taskTimeNs: bigint;
  taskNumber: number;
  suffix: string;
  format: StorageFormat;
  compression: Compression;
  standardSuffix: boolean;
}

/**
 * Format and compression of a suffix: SPEC §2's table, else (OSS export jobs let users set a
 * suffix such as `.json`) the json/csv/parquet/snappy words it is made of.
 */
function suffixResolve(suffix: string): { format: StorageFormat; compression: Compression; standard: boolean } | null {
  const row = shippedSuffixes.find((s) => s.suffix === suffix);
  if (row) return { format: row.format, compression: row.compression, standard: true };
  const words = suffix.slice(1).toLowerCase().split('.');
  if (!words.every((w) => suffixTokens.has(w))) return null;
  const format: StorageFormat = words.includes('parquet') ? 'parquet' : words.includes('csv') ? 'csv' : 'json';
  return { format, compression: words.includes('snappy') ? 'snappy' : 'none', standard: false };
}

function keyTail(key: string): KeyTail | string {
  const m = tailPattern.exec(key);
  if (!m) return 'the key does not end with `_<19-digit task time>_<task number>[suffix]` (SPEC §1)';
  const suffix = m[3] ?? '';
  const resolved = suffixResolve(suffix);
  if (!resolved)
    return `unknown suffix "${suffix}": Log Service writes none, .snappy, .csv, .snappy.csv, .parquet or .snappy.parquet (SPEC §2)`;
  return {
    head: key.slice(0, m.index),
    taskTimeNs: BigInt(m[1] as string),
    taskNumber: Number(m[2]),
    suffix,
    format: resolved.format,
    compression: resolved.compression,
    standardSuffix: resolved.standard,
  };
}

/** The `_<task time>_<task number><suffix>` tail of a shipped key: no prefix or partition inference. */
export interface ObjectKeyTail {
  /** Task creation time in Unix nanoseconds (exact). */
  taskTimeNs: bigint;
  /** Task creation time in Unix milliseconds (truncated). */
  taskTimeMs: number;
  taskNumber: number;
  format: StorageFormat;
  compression: Compression;
  suffix: string;
}

/**
 * Task time, number and format of a key from its tail alone (SPEC §1/§2), or null when the key
 * is not shaped like a shipped object. Far cheaper than objectKeyParse (no zone inference): use it
 * for sorting and the gap timeline over whole listings.
 */
export function objectKeyParseTail(key: string): ObjectKeyTail | null {
  if (typeof key !== 'string' || key.length === 0 || key.endsWith('/')) return null;
  const tail = keyTail(key);
  if (typeof tail === 'string') return null;
  const { taskTimeNs, taskNumber, format, compression, suffix } = tail;
  return { taskTimeNs, taskTimeMs: taskTimeNsToMs(taskTimeNs), taskNumber, format, compression, suffix };
}

function parseWithRule(tail: KeyTail, rule: Partial<ShippingRule>, base: ParsedObjectKey): ObjectKeyParseResult {
  const prefix = normalizePrefix(rule.prefix);
  const start = prefix ? `${prefix}/` : '';
  if (!tail.head.startsWith(start)) return { ok: false, reason: `the key is not under the rule's prefix "${prefix}/"` };
  const partitionPath = tail.head.slice(start.length);
  const format = rule.partitionFormat as string;
  const parsed = partitionFormatParse(format, partitionPath);
  if (!parsed) return { ok: false, reason: `"${partitionPath}" does not match the partition format "${format}"` };
  const zone = rule.timeZone ?? '+08:00';
  const value: ParsedObjectKey = {
    ...base,
    prefix,
    partitionPath,
    hiveColumns: parsed.hiveColumns,
    partitionFormat: format,
    timeZone: zone,
  };
  try {
    const expected = timeZoneFields(base.taskTimeMs, zone);
    const off = Object.entries(parsed.fields).filter(([d, v]) => expected[d as keyof typeof expected] !== v);
    if (off.length > 0) {
      value.warnings.push(
        `the partition "${partitionPath}" is not the task time ${partitionFormatRender(format, base.taskTimeMs, zone)} in ${zone}`,
      );
    }
  } catch {
    value.warnings.push(`time zone "${zone}" is not valid; the partition time was not checked`);
  }
  if (rule.format && rule.compression && (rule.format !== base.format || rule.compression !== base.compression)) {
    value.warnings.push(
      `the suffix "${base.suffix}" says ${base.format}/${base.compression}, the rule says ${rule.format}/${rule.compression}`,
    );
  }
  return { ok: true, value };
}

/**
 * Parse a shipped object key, with or without its rule. Never throws: a key not shaped like a
 * shipped object gives `{ ok: false, reason }`.
 */
export function objectKeyParse(key: string, rule?: Partial<ShippingRule>): ObjectKeyParseResult {
  if (typeof key !== 'string' || key.length === 0) return { ok: false, reason: 'empty key' };
  if (key.endsWith('/')) return { ok: false, reason: 'the key is a folder' };
  const tail = keyTail(key);
  if (typeof tail === 'string') return { ok: false, reason: tail };
  const taskTimeMs = taskTimeNsToMs(tail.taskTimeNs);
  const base: ParsedObjectKey = {
    key,
    prefix: '',
    partitionPath: '',
    hiveColumns: {},
    taskTimeNs: tail.taskTimeNs,
    taskTimeMs,
    taskNumber: tail.taskNumber,
    format: tail.format,
    compression: tail.compression,
    suffix: tail.suffix,
    partitionFormat: null,
    timeZone: null,
    warnings: tail.standardSuffix
      ? []
      : [`the suffix "${tail.suffix}" is not one of SPEC §2's; read as ${tail.format}/${tail.compression}`],
  };
  try {
    if (rule && typeof rule.partitionFormat === 'string' && rule.partitionFormat !== '') return parseWithRule(tail, rule, base);
    const knownPrefix = rule?.prefix === undefined ? undefined : normalizePrefix(rule.prefix);
    if (knownPrefix && !tail.head.startsWith(`${knownPrefix}/`))
      return { ok: false, reason: `the key is not under the rule's prefix "${knownPrefix}/"` };
    const inferred = objectKeyInferPartition(tail.head, taskTimeMs, rule?.timeZone, knownPrefix);
    return { ok: true, value: { ...base, ...inferred } };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
