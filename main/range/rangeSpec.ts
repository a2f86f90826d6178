/**
 * A *range* (DESIGN "Next shape"): where shipped objects live + how they were shipped + a
 * log-time window. Query, SIEM replay and the MaxCompute hand-off all start from one.
 *
 * API (stable; other engines import it):
 * - `RangeRule`: the part of a ShippingRule a range needs (partition format, storage format,
 *   compression, zone, interval, CSV dialect / Parquet columns).
 * - `rangeRuleFromShippingRule(rule)`: from a rule file parsed by `main/cli/cliRule.ts`
 *   `ruleRead` or `core/shipping/ruleInput.ts` `ruleFromJsonText` (shiplens or Log Service JSON).
 * - `rangeRuleFromOptions({ partitionFormat, storage?, compression?, timeZone?, ... })`: the
 *   rule given directly (CLI `--partition-format`); checks the format and zone.
 * - `rangeSpecCreate({ prefix, rule, fromMs, toMs })`: checks the window (from < to).
 *
 * The location is a Storage (main/storage/storage.ts) plus `prefix`: the folder the partition
 * format is rendered under, the rule's own prefix already included (`oss://bucket/<prefix>`;
 * '' for a local folder given as the location itself).
 */
import { ShiplensError } from '../../core/errors';
import { partitionFormatCheck, shippingRuleDefault, timeZoneNormalize } from '../../core/shipping';
import type { Compression, CsvOptions, ParquetColumn, ShippingRule, StorageFormat } from '../../core/model';

/** How the objects of a range were shipped. */
export interface RangeRule {
  partitionFormat: string;
  format: StorageFormat;
  compression: Compression;
  /** Zone the partition was rendered in; `__time__` is shown in it. */
  timeZone: string;
  /** Task interval (lag allowed after the window's end, with the planner's slack). */
  bufferIntervalSec: number;
  csv?: CsvOptions;
  parquet?: { columns: ParquetColumn[] };
}

/** A range: location prefix + rule + log-time window [fromMs, toMs). */
export interface RangeSpec {
  /** Prefix inside the storage the partition format is rendered under ('' or ending without '/'). */
  prefix: string;
  rule: RangeRule;
  fromMs: number;
  toMs: number;
}

function ruleCheck(rule: RangeRule, source: string): RangeRule {
  const check = partitionFormatCheck(rule.partitionFormat, rule.timeZone);
  if (rule.partitionFormat.trim() === '') {
    throw new ShiplensError('PARTITION_FORMAT_INVALID', 'The partition format is empty.', {
      source,
      hint: "Give the rule's partition format, e.g. %Y/%m/%d/%H/%M.",
    });
  }
  if (check.unknownDirectives.length > 0) {
    throw new ShiplensError(
      'PARTITION_FORMAT_INVALID',
      `Unknown directive ${check.unknownDirectives.join(', ')} in partition format "${rule.partitionFormat}".`,
      {
        source,
        hint: 'Log Service formats use %Y %m %d %H %M %s.',
      },
    );
  }
  if (!check.zoneValid)
    throw new ShiplensError('TIME_ZONE_INVALID', `Unknown time zone "${rule.timeZone}".`, {
      source,
      hint: 'Use an offset such as +08:00 or an IANA name such as Asia/Shanghai.',
    });
  if (rule.format === 'csv' && (!rule.csv || rule.csv.columns.length === 0)) {
    throw new ShiplensError('RULE_INVALID', "A CSV range needs the rule's column list.", {
      source,
      hint: 'Give --rule with the CSV shipping rule (its columns, delimiter and quote).',
    });
  }
  return rule;
}

/** The range part of a parsed shipping rule (shiplens or Log Service JSON). */
export function rangeRuleFromShippingRule(rule: ShippingRule, source = 'rule'): RangeRule {
  const out: RangeRule = {
    partitionFormat: rule.partitionFormat,
    format: rule.format,
    compression: rule.format === 'parquet' ? 'none' : rule.compression,
    timeZone: timeZoneNormalize(rule.timeZone),
    bufferIntervalSec: rule.bufferIntervalSec,
  };
  if (rule.csv) out.csv = rule.csv;
  if (rule.parquet) out.parquet = rule.parquet;
  return ruleCheck(out, source);
}

/** A rule given directly (no rule file): partition format + storage format + compression + zone. */
export function rangeRuleFromOptions(options: {
  partitionFormat: string;
  storage?: StorageFormat;
  compression?: Compression;
  timeZone?: string;
  bufferIntervalSec?: number;
}): RangeRule {
  const defaults = shippingRuleDefault();
  const format = options.storage ?? 'json';
  const rule: RangeRule = {
    partitionFormat: options.partitionFormat,
    format,
    // Each object's own suffix says its compression; this is what a planned key is checked against.
    compression: format === 'parquet' ? 'none' : (options.compression ?? defaults.compression),
    timeZone: timeZoneNormalize(options.timeZone ?? defaults.timeZone),
    bufferIntervalSec: options.bufferIntervalSec ?? defaults.bufferIntervalSec,
  };
  return ruleCheck(rule, '--partition-format');
}

/** Check and build a range; the window is half-open [fromMs, toMs). */
export function rangeSpecCreate(input: RangeSpec): RangeSpec {
  const { fromMs, toMs } = input;
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || toMs <= fromMs) {
    throw new ShiplensError('TIME_INVALID', `The log-time window must have from < to (got ${fromMs} … ${toMs}).`, {
      source: '--from/--to',
      hint: 'The window is [from, to): to is not included.',
    });
  }
  return { ...input, prefix: input.prefix.replace(/^\/+|\/+$/g, '') };
}

/** The ShippingRule the core planner and key parser expect (prefix = the location's). */
export function rangeShippingRule(spec: RangeSpec): ShippingRule {
  return { ...shippingRuleDefault(), ...spec.rule, prefix: spec.prefix };
}
