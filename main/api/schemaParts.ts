/**
 * Schema pieces every area contract uses, written once.
 */
import { z } from 'zod';

/** A caller-chosen id that `jobs.cancel` names (optional on every long call). */
export const jobId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/)
  .optional();

/** Epoch milliseconds. */
export const epochMs = z.number().int().min(0).max(8.64e15);

/** A file name inside the output folder (the handlers refuse a path). */
export const fileName = z.string().min(1).max(255);

/** A local file or folder path. */
export const localPath = z.string().min(1).max(4096);

/** An AccessKey pair and its STS token, as a call or a saved profile gives them. */
export const accessKeyShape = {
  accessKeyId: z.string().max(256).optional(),
  /** Write-only: never returned by any call. */
  accessKeySecret: z.string().max(1024).optional(),
  securityToken: z.string().max(8192).optional(),
};
