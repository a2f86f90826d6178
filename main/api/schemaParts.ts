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
