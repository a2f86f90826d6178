/**
 * The sample bucket's three shipping rules, its time span and its deliberate gaps.
 *
 * One nginx access Logstore shipped three ways (SPEC §1–§3): JSON, CSV + snappy and
 * Parquet + snappy, two days of 5-minute tasks ending 2026-11-24 24:00 UTC+8.
 */
import type { ShippingRule } from '../../core/model';

/** Bucket name the rules name (the local folder plays this bucket). */
export const sampleBucketName = 'shiplens-sample';

/** First slot boundary: 2026-11-23 00:00:00 UTC+8, in Unix seconds. */
export const sampleStartSec = Date.UTC(2026, 10, 22, 16, 0, 0) / 1000;
/** Two days of 5-minute slots. */
export const sampleSlotCount = 2 * 24 * 12;
/** The sample rules' shipping interval (5 minutes). */
export const sampleIntervalSec = 300;

/** One rule of the sample and what is odd about its tasks. */
export interface SampleRuleSpec {
  rule: ShippingRule;
  /** Seconds after the slot boundary at which this rule's tasks are created. */
  taskOffsetSec: number;
  /** First task number; slot k uses `taskNumberBase + k`. */
  taskNumberBase: number;
  /** Slots whose task failed and wrote nothing. */
  missingSlots: number[];
  /** Slots whose task failed, was retried and wrote its object late (mtime ~47 minutes after the task time). */
  lateSlots: number[];
  /** Most rows in one object (at the afternoon peak). */
  peakRows: number;
}

const common = {
  bucket: sampleBucketName,
  roleArn: 'acs:ram::1234567890123456:role/aliyunlogdefaultrole',
  bufferSizeMb: 256,
  bufferIntervalSec: sampleIntervalSec,
  timeZone: '+08:00',
} as const;

/** The three rules, in the order the README lists them. */
export const sampleRuleSpecs: readonly SampleRuleSpec[] = [
  {
    rule: {
      ...common,
      name: 'nginx-access-json',
      prefix: 'nginx-access-json',
      partitionFormat: '%Y/%m/%d/%H/%M',
      format: 'json',
      compression: 'none',
    },
    taskOffsetSec: 43,
    taskNumberBase: 2850000,
    missingSlots: [100, 101, 102],
    lateSlots: [400],
    peakRows: 24,
  },
  {
    rule: {
      ...common,
      name: 'nginx-access-csv',
      prefix: 'nginx-access-csv',
      partitionFormat: 'ds=%Y%m%d/%H',
      format: 'csv',
      compression: 'snappy',
      csv: {
        columns: ['__time__', '__source__', 'ip', 'method', 'path', 'status', 'bytes', 'latency', 'referer', 'ua', 'request_id'],
        delimiter: ',',
        quote: '"',
        nullValue: '',
        header: false,
      },
    },
    taskOffsetSec: 17,
    taskNumberBase: 3170000,
    missingSlots: [300],
    lateSlots: [],
    peakRows: 24,
  },
  {
    rule: {
      ...common,
      name: 'nginx-access-parquet',
      prefix: 'nginx-access-parquet',
      partitionFormat: 'year=%Y/mon=%m/day=%d/log_%H%M%s',
      format: 'parquet',
      compression: 'snappy',
      parquet: {
        columns: [
          { name: '__time__', type: 'int32' },
          { name: '__source__', type: 'string' },
          { name: 'ip', type: 'string' },
          { name: 'method', type: 'string' },
          { name: 'path', type: 'string' },
          { name: 'status', type: 'int32' },
          { name: 'bytes', type: 'int64' },
          { name: 'latency', type: 'double' },
          { name: 'upstream_ms', type: 'float' },
          { name: 'cached', type: 'boolean' },
          { name: 'ua', type: 'string' },
          { name: 'request_id', type: 'string' },
        ],
      },
    },
    taskOffsetSec: 29,
    taskNumberBase: 4410000,
    missingSlots: [450, 451],
    lateSlots: [],
    peakRows: 16,
  },
];
