/**
 * The sls.* part of the API contract (issue 9), spread into `apiInputs` by contract.ts.
 * Target: a saved profile (default: the current connection's) with per-call overrides.
 */
import { z } from 'zod';
import type { ShipperTaskStatus } from '../model';
import { accessKeyShape, epochMs, jobId } from './schemaParts';

/** Where a sls.* call goes (profile fields override-able per call; secrets are write-only). */
export const slsTarget = {
  profileName: z.string().max(128).optional(),
  endpoint: z.string().max(512).optional(),
  region: z.string().max(64).optional(),
  project: z.string().min(3).max(63).optional(),
  ...accessKeyShape,
};
const slsName = z.string().min(1).max(128);
const slsTaskStatus = z.enum(['success', 'running', 'fail']) satisfies z.ZodType<ShipperTaskStatus>;

export const slsInputs = {
  'sls.logstores': z.object({ ...slsTarget }).strict(),
  'sls.shippers': z.object({ ...slsTarget, logstore: slsName }).strict(),
  'sls.importRule': z
    .object({ ...slsTarget, logstore: slsName, shipper: slsName, kind: z.enum(['shipper', 'ossExport']).optional() })
    .strict(),
  'sls.tasks': z
    .object({
      ...slsTarget,
      logstore: slsName,
      shipper: slsName,
      from: epochMs.optional(),
      to: epochMs.optional(),
      status: slsTaskStatus.optional(),
      jobId,
    })
    .strict(),
  'sls.retry': z
    .object({
      ...slsTarget,
      logstore: slsName,
      shipper: slsName,
      ids: z.array(z.string().min(1).max(128)).max(1000).optional(),
      /** Retry every failed task in [from, to) (default: the last two days). */
      allFailed: z.boolean().default(false),
      from: epochMs.optional(),
      to: epochMs.optional(),
    })
    .strict(),
} as const;
