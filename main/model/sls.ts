/**
 * Log Service types (SPEC §7): what its calls return and what the API passes on. Times are epoch
 * milliseconds like everywhere else in shiplens; the wire carries Unix seconds.
 */
import type { ErrorInfo } from '../../core/errors';
import type { ShippingRule } from '../../core/model';

/** The API's spelling of a shipping task's state. */
export type ShipperTaskStatus = 'success' | 'running' | 'fail';

/** One shipping task of a classic shipping rule. */
export interface ShipperTask {
  id: string;
  status: ShipperTaskStatus;
  /** Error message of a failed task (e.g. `Unauthorized`), else ''. */
  message: string;
  /** Task creation time = the partition time (SPEC §5), epoch ms. */
  createTime: number;
  /** Server receive time of the last log in the task, epoch ms (0 when unknown). */
  lastDataReceiveTime: number;
  /** Epoch ms; 0 while running. */
  finishTime: number;
  dataLines: number;
  /**
   * The task's type: where it ships to, as Log Service spells a target (`oss`, `odps` =
   * MaxCompute). A wire task's own `taskType`/`type` wins; else its rule's `targetType`
   * (GetShipper); '' when neither could be read.
   */
  type: string;
}

/** Task counts per state, as the service reports them. */
export interface ShipperTaskStatistics {
  running: number;
  success: number;
  fail: number;
}

/** Every task in the range (all pages), plus the service's statistics. */
export interface ShipperTaskList {
  tasks: ShipperTask[];
  statistics: ShipperTaskStatistics;
  total: number;
}

/** Range, filter and paging of a task listing. */
export interface ShipperTaskQuery {
  /** Epoch ms; default: two days before `to` (the service keeps 48 h). */
  from?: number;
  /** Epoch ms; default: now. */
  to?: number;
  status?: ShipperTaskStatus;
  signal?: AbortSignal;
  /** Page size, 1–500 (service maximum), default 500. */
  pageSize?: number;
}

/** A classic shipping rule as GetShipper returns it (kept raw for the rule importer). */
export interface ShipperConfig {
  shipperName: string;
  targetType: string;
  targetConfiguration: Record<string, unknown>;
}

/** An OSS export job, SDK-shaped (`@alicloud/sls20201230` OSSExport). */
export interface OssExport {
  name: string;
  displayName: string;
  description: string;
  status: string;
  createTime: number;
  lastModifiedTime: number;
  configuration: {
    logstore: string;
    roleArn: string;
    fromTime: number;
    toTime: number;
    sink: Record<string, unknown>;
  };
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
  statistics: ShipperTaskStatistics;
  tasks: SlsTaskInfo[];
}

/** Per-task outcome of a retry request. */
export interface SlsRetryResult {
  id: string;
  ok: boolean;
  error?: ErrorInfo;
}
