/**
 * The range.* part of the API contract (issue 15), spread into `apiInputs` and `ApiResults`
 * by contract.ts so that file only names it.
 *
 * A range is the current connection + `prefix` (the folder the partition format is rendered
 * under) + a rule (its JSON text, or the fields given directly) + the window [from, to).
 */
import { z } from 'zod';
import { epochMs, fileName, jobId, localPath } from './schemaParts';
import type { ErrorInfo } from '../../core/errors';

const rangeRuleFields = z
  .object({
    partitionFormat: z.string().min(1).max(256),
    format: z.enum(['json', 'csv', 'parquet']).default('json'),
    compression: z.enum(['none', 'snappy']).default('snappy'),
    timeZone: z.string().max(64).default('+08:00'),
    bufferIntervalSec: z.number().int().min(60).max(3600).default(300),
  })
  .strict();

/** The SQL run over a range (its table is `logs`). */
const rangeSql = z
  .string()
  .min(1)
  .max(1 << 16);

/** A range as every API face takes it (query, forward): prefix + rule + [from, to). */
export const rangeShape = {
  prefix: z.string().max(1024).default(''),
  /** Shiplens or Log Service rule JSON (takes precedence over `rule`). */
  ruleText: z
    .string()
    .max(1 << 20)
    .optional(),
  rule: rangeRuleFields.optional(),
  from: epochMs,
  to: epochMs,
};

/** A parsed `rangeShape`: the range part of a range.* or forward.* call. */
export type RangeInput = z.output<z.ZodObject<typeof rangeShape>>;

/** Inputs of the range.* methods. */
export const rangeInputs = {
  'range.plan': z.object({ ...rangeShape, maxObjects: z.number().int().min(1).max(100_000).default(10_000) }).strict(),
  'range.query': z
    .object({
      ...rangeShape,
      sql: rangeSql,
      /** Rows sent back (the rest is counted, not sent: export for all of them). */
      maxRows: z.number().int().min(1).max(100_000).default(10_000),
      onError: z.enum(['stop', 'skip']).default('stop'),
      jobId,
    })
    .strict(),
  'range.export': z
    .object({
      ...rangeShape,
      sql: rangeSql,
      /** A .csv, .parquet or .jsonl name inside the output folder. */
      fileName,
      outDir: localPath.optional(),
      overwrite: z.boolean().default(false),
      onError: z.enum(['stop', 'skip']).default('stop'),
      jobId,
    })
    .strict(),
  'range.cacheClear': z.object({}).strict(),
  /** Rows `[rowStart, rowEnd)` of a query's answer (`resultId` of range.query), for the grid's scrolling. */
  'range.rows': z
    .object({
      resultId: z.string().regex(/^[0-9a-f]{16}$/),
      rowStart: z.number().int().min(0),
      rowEnd: z.number().int().min(0),
    })
    .strict()
    .refine((v) => v.rowEnd >= v.rowStart && v.rowEnd - v.rowStart <= 10_000, {
      message: 'rowEnd must be at least rowStart and at most 10,000 rows after it',
      path: ['rowEnd'],
    }),
  /** The scale-out hand-off texts `shiplens query --emit` writes, for all four engines. */
  'range.emit': z
    .object({
      ...rangeShape,
      /** The SQL handed off (the CLI's default when absent). */
      sql: rangeSql.optional(),
      /** OSS endpoint and region written into the texts (else the profile's, else placeholders). */
      endpoint: z.string().max(256).optional(),
      region: z.string().max(64).optional(),
    })
    .strict(),
} as const;

/** One planned object as the UI shows it. */
export interface RangePlanObject {
  key: string;
  size: number;
  taskTimeMs: number;
  partitionPath: string;
}

/** The plan of a range (objects capped at `maxObjects`; totals count them all). */
export interface RangePlanInfo {
  objects: RangePlanObject[];
  totals: { objects: number; bytes: number; partitions: number };
  prefixes: string[];
  explanation: { en: string; 'zh-CN': string };
  skipped: { key: string; reason: string }[];
}

/** A query's answer: the first rows, all counted; objects read, cached and skipped. */
export interface RangeQueryInfo {
  columns: { name: string; type: string }[];
  rows: (string | number | boolean | null)[][];
  rowCount: number;
  truncated: boolean;
  objects: number;
  reads: number;
  failed: { key: string; error: ErrorInfo }[];
  /** False when the rows have no `__time__`: only task times selected them. */
  windowed: boolean;
  /** Every row of the answer is kept under this id for range.rows (the last few answers are). */
  resultId: string;
}

/** The hand-off texts of a range, one per engine, and the plan's totals. */
export interface RangeEmitInfo {
  texts: Record<'maxcompute' | 'spark' | 'trino' | 'duckdb', string>;
  totals: { objects: number; bytes: number; partitions: number };
}

/** Results of the range.* methods. */
export interface RangeResults {
  'range.plan': RangePlanInfo;
  'range.query': RangeQueryInfo;
  'range.export': { path: string; bytes: number; rows: number };
  'range.cacheClear': { entries: number; bytes: number };
  'range.rows': { rows: (string | number | boolean | null)[][]; rowCount: number };
  'range.emit': RangeEmitInfo;
}
