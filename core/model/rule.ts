/**
 * The shipping rule's shape: what a Log Service OSS shipping rule says (SPEC §3, §4).
 * Its defaults and presets are in core/shipping/rule.ts.
 */

/** What a rule ships (SPEC §2). */
export type StorageFormat = 'json' | 'csv' | 'parquet';
/** Compression of JSON/CSV objects (Parquet compresses inside the file). */
export type Compression = 'none' | 'snappy';
/** Column types a Parquet rule may declare (SPEC §3), for checking untyped input. */
export const parquetColumnTypes = ['string', 'boolean', 'int32', 'int64', 'float', 'double'] as const;
/** Column types a Parquet rule may declare (SPEC §3). */
export type ParquetColumnType = (typeof parquetColumnTypes)[number];

/** The CSV dialect and column list of a CSV rule (SPEC §3). */
export interface CsvOptions {
  /** Keys written as columns, in order (reserved fields may be listed). */
  columns: string[];
  /** One character. */
  delimiter: string;
  /** One character; also the escape (a quote inside a field is doubled). */
  quote: string;
  /** Written when the key is missing ("invalid-key value"). */
  nullValue: string;
  /** Write a header line (default off). */
  header: boolean;
}

/** One declared column of a Parquet rule. */
export interface ParquetColumn {
  name: string;
  type: ParquetColumnType;
}

/** A shipping rule as shiplens models it: where, when and how objects are written. */
export interface ShippingRule {
  /** Shipping name: 3–63 chars, [a-z0-9_-], starts and ends with a letter or digit. */
  name: string;
  bucket: string;
  /** Directory under the bucket, without leading or trailing '/'. */
  prefix: string;
  /** strftime-like, default `%Y/%m/%d/%H/%M` (SPEC §1). */
  partitionFormat: string;
  /** `acs:ram::<account>:role/<name>`. */
  roleArn: string;
  /** Shipping size in MB of uncompressed data, 5–256. */
  bufferSizeMb: number;
  /** Shipping time in seconds, 300–900. */
  bufferIntervalSec: number;
  format: StorageFormat;
  compression: Compression;
  /** Time zone the partition is rendered in: fixed offset (`+08:00`) or IANA name. */
  timeZone: string;
  csv?: CsvOptions;
  parquet?: { columns: ParquetColumn[] };
  /**
   * Fields from imported Log Service JSON that shiplens does not model; kept on round trip.
   * Keys are JSON Pointers into an area: `/root/…`, `/detail/…` (storage detail / contentDetail),
   * `/targetConfiguration/…`, `/storage/…` (classic shipper), `/configuration/…`, `/sink/…` (export job).
   */
  extra?: Record<string, unknown>;
}
