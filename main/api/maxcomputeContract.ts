/**
 * The maxcompute.* part of the API contract (issue 17), spread into `apiInputs` and
 * `ApiResults` by contract.ts so that file only names it.
 */
import { z } from 'zod';
import type { JobIssue, ScheduleReport } from '../../core/maxcompute';
import { parquetColumnTypes } from '../../core/model';
import { fileName, localPath } from './schemaParts';

const name = z.string().max(256);
const names = z.array(name).max(10_000);
const accountId = z.string().max(64).optional();

/** Fields a job is generated from (see core/maxcompute/job.ts JobFields). */
const jobFieldsSchema = z
  .object({
    datasource: name,
    logstore: name,
    odpsDatasource: name.optional(),
    table: name,
    columns: names,
    targetColumns: names.optional(),
    partition: z.string().max(1024).optional(),
    truncate: z.boolean().optional(),
    beginDateTime: z.string().max(256).optional(),
    endDateTime: z.string().max(256).optional(),
    batchSize: z.number().int().min(1).max(1_000_000).optional(),
    mbps: z.number().positive().max(10_000).optional(),
    concurrent: z.number().int().min(1).max(1000).optional(),
  })
  .strict();

/** Method name → input schema for maxcompute.*. */
export const maxcomputeInputs = {
  /** Import (text) or generate (fields) a job; validate it; its table DDL and write mode. */
  'maxcompute.job': z
    .object({
      text: z
        .string()
        .max(4 << 20)
        .optional(),
      fields: jobFieldsSchema.optional(),
      types: z.record(z.string().max(256), z.enum(parquetColumnTypes)).optional(),
    })
    .strict(),
  'maxcompute.schedule': z
    .object({
      begin: z.string().min(1).max(256),
      end: z.string().min(1).max(256),
      every: z.string().max(16).default('5m'),
      start: z.string().max(5).default('00:00'),
      stop: z.string().max(5).default('23:59'),
      zone: z.string().max(64).default('+08:00'),
      fromMs: z.number().int().min(0).max(8.64e15),
      runs: z.number().int().min(1).max(1000),
      partition: z.string().max(1024).optional(),
      truncate: z.boolean().optional(),
    })
    .strict(),
  'maxcompute.policy': z
    .object({
      kind: z.enum(['subaccount', 'trust', 'passrole', 'osswrite']),
      projects: z.array(z.string().max(128)).max(100).optional(),
      accountId,
      region: z.string().max(64).optional(),
      shippingAccountId: accountId,
      bucketAccountId: accountId,
      roleName: z.string().max(128).optional(),
      bucket: z.string().max(128).optional(),
    })
    .strict(),
  /** Save a generated text (job, DDL, policy) into the output folder. */
  'maxcompute.save': z
    .object({
      fileName,
      text: z.string().max(4 << 20),
      outDir: localPath.optional(),
      overwrite: z.boolean().default(false),
    })
    .strict(),
} as const;

/** A job as JSON text (null when it could not be read), its problems, table DDL and write mode. */
export interface MaxComputeJobResult {
  json: string | null;
  issues: JobIssue[];
  tableSql: string | null;
  writeMode: { statement: string; en: string; 'zh-CN': string } | null;
}

/** Method name → result type for maxcompute.*. */
export interface MaxComputeResults {
  'maxcompute.job': MaxComputeJobResult;
  'maxcompute.schedule': ScheduleReport;
  'maxcompute.policy': { json: string | null; issues: JobIssue[] };
  'maxcompute.save': { path: string; bytes: number };
}
