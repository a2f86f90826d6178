/**
 * Typed results of the Log Service calls shiplens makes (SPEC §7). Times are epoch
 * milliseconds like everywhere else in shiplens; the wire carries Unix seconds.
 */
import type { ErrorInfo } from '../../core/errors';

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

/** Per-task outcome of a retry request. */
export interface ShipperRetryResult {
  id: string;
  ok: boolean;
  error?: ErrorInfo;
}
