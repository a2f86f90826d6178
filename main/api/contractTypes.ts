/**
 * The data shapes the typed API returns (results of `apiInputs`' methods), apart from the
 * schemas in contract.ts so each file holds one concept; contract.ts re-exports them.
 */
import type { SnappyVariant } from '../../core/codecs/snappy/types';
import type { ErrorInfo } from '../../core/errors';
import type { ParquetSchema } from '../../core/formats/parquet/parquetSchema';
import type { ColumnType } from '../../core/formats/table';
import type { Compression, ShippingRule, StorageFormat } from '../../core/shipping/rule';
import type { ShipperTask } from '../sls/slsTypes';
/** Which face is running and what it can do. */
export interface AppInfo {
  mode: 'electron' | 'browser';
  version: string;
  platform: string;
  /** True when native dialogs exist (Electron); browser mode asks for paths as text. */
  hasDialogs: boolean;
}

/** User settings (persisted in the data folder). */
export interface Settings {
  outputDir: string;
  language: 'en' | 'zh-CN';
  timeZone: string;
  maxDecodeBytes: number;
  /** How long after its task an object may land and still be on time (SPEC §5: 30 minutes). */
  lateGraceMinutes: number;
  /** Most JSON-lines key columns; keys beyond it share one "other keys" column (default 2,000). */
  maxColumns: number;
  /** Size budget of the range-query cache (default 4 GiB when unset). */
  rangeCacheBytes?: number;
}

/** The storage the app is browsing. */
export interface ConnectionInfo {
  kind: 'local' | 'sample' | 'oss';
  /** Shown in the window title: folder path or `oss://bucket`. */
  label: string;
  bucket: string;
  profileName?: string;
}

/** A saved OSS profile without its secrets. */
export interface ProfileSummary {
  name: string;
  region?: string;
  endpoint?: string;
  bucket: string;
  accessKeyId?: string;
  hasSecret: boolean;
  /** True when a Splunk HEC token is saved (sealed) for forward sinks; absent when none. */
  hasHecToken?: boolean;
  defaultRule?: string;
  slsEndpoint?: string;
  slsProject?: string;
  /** Bucket in the path (`host/bucket/key`); absent: automatic (path-style for IP/localhost endpoints). */
  pathStyle?: boolean;
}

/** One object of a listing. */
export interface ObjectEntry {
  key: string;
  size: number;
  /** ISO 8601. */
  lastModified: string;
}

/** One page of a listing: objects, common prefixes and the next page's token. */
export interface ListPage {
  objects: ObjectEntry[];
  prefixes: string[];
  nextPageToken: string | null;
}

/** What an object is: format, compression and sizes, before it is opened. */
export interface ObjectInspection {
  key: string;
  size: number;
  format: StorageFormat | 'unknown';
  compression: Compression;
  /** Snappy container found by sniffing bytes. */
  snappyVariant?: SnappyVariant;
  /** Declared uncompressed size where the container says it. */
  uncompressedSize?: number;
  /** How format/compression were decided. */
  detectedBy: 'suffix' | 'content' | 'hint';
}

/** A Parquet footer's schema plus what reading it cost. */
export interface ParquetSchemaInfo extends ParquetSchema {
  key: string;
  /** Bytes read from storage to get this schema (range reads). */
  bytesRead: number;
  reads: number;
}

/** A cell as it crosses the API: INT64 as a decimal string (column type says so). */
export type JsonCell = string | number | boolean | null;

/** An opened table: its id for row pages, columns and warnings. */
export interface TableInfo {
  tableId: string;
  key: string;
  format: StorageFormat;
  compression: Compression;
  columns: { name: string; type: ColumnType }[];
  numRows: number | null;
  /** Raw text view exists (JSON lines, CSV). */
  hasRaw: boolean;
  rawBytes: number;
  /** Bad lines etc.: reported, the rest still read. */
  warnings: { line?: number; message: string }[];
}

/** A file written by main. */
export interface FileResult {
  path: string;
  bytes: number;
}

/** A decoded snappy file and what it held. */
export interface DecompressResult extends FileResult {
  variant: SnappyVariant;
  inputBytes: number;
  /** Format sniffed from the decoded bytes. */
  contentFormat: StorageFormat | 'unknown';
}

/** One object the simulator says a rule would write. */
export interface SimulatedObject {
  key: string;
  size: number;
  rows: number;
  /** Base64 of the object bytes (for download in the editor). */
  base64: string;
}

/** A Log Service shipping rule (classic shipper) or OSS export job of a logstore. */
export interface SlsRuleInfo {
  name: string;
  kind: 'shipper' | 'ossExport';
  logstore: string;
  bucket: string;
  prefix: string;
  /** json, csv, parquet (or what the service says, e.g. orc). */
  format: string;
  compression: string;
  /** OSS export jobs: RUNNING, STOPPED…; classic shippers: ''. */
  status: string;
  displayName: string;
  /** This rule's config could not be read (the others still list). */
  error?: ErrorInfo;
}

/** A rule imported from the project, with the Log Service JSON it came from. */
export interface SlsRuleImported {
  rule: ShippingRule;
  kind: 'shipper' | 'ossExport';
  project: string;
  logstore: string;
  name: string;
  /** The Log Service JSON fed to ruleFromSlsJson (kept for display / export). */
  sourceJson: string;
}

/** One shipping task (SPEC §7); times are epoch ms (0 = none yet). */
export interface SlsTaskInfo extends ShipperTask {
  /** What to do, for the SPEC's known error messages. */
  advice?: { error: string; en: string; 'zh-CN': string };
  /** A failed task's place in Log Service's automatic retries (SPEC §7), epoch ms. */
  autoRetry?: { nextMs: number | null; stopsMs: number };
}

/** A shipper's tasks in a time range, with the service's counts. */
export interface SlsTaskList {
  project: string;
  logstore: string;
  shipper: string;
  /** The range actually queried (epoch ms). */
  from: number;
  to: number;
  total: number;
  statistics: { running: number; success: number; fail: number };
  tasks: SlsTaskInfo[];
}

/** The outcome of retrying one task. */
export interface SlsRetryResult {
  id: string;
  ok: boolean;
  error?: ErrorInfo;
}
