/**
 * The decompress.* part of the API contract, spread into `apiInputs` and `ApiResults` by
 * contract.ts: one file (`decompress.file`) and many objects of the connection as one job
 * (`decompress.objects`, issue 18 feature 5).
 */
import { z } from 'zod';
import type { DecompressResult, ObjectsDecompressResult } from '../model';
import { fileName, jobId, localPath } from './schemaParts';

const key = z.string().min(1).max(1024);

/** Inputs of the decompress.* methods. */
export const decompressInputs = {
  'decompress.file': z
    .object({
      /** A local path (Electron: dropped or picked file) … */
      path: localPath.optional(),
      /** … or an upload id from `POST /api/upload` (browser mode). */
      uploadId: z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,64}$/)
        .optional(),
      fileName: fileName.optional(),
      outDir: localPath.optional(),
      overwrite: z.boolean().default(false),
      jobId,
    })
    .strict(),
  /**
   * Every snappy object of a folder of the connection (a partition), or the listed `keys` under
   * it, decoded into `outDir` (default: the output folder) as one job; existing files are
   * skipped unless `overwrite`; progress: `list` then `decode` (objects, with `bytes`).
   */
  'decompress.objects': z
    .object({
      prefix: z.string().max(1024).default(''),
      keys: z.array(key).min(1).max(100_000).optional(),
      recursive: z.boolean().default(false),
      outDir: localPath.optional(),
      overwrite: z.boolean().default(false),
      jobId,
    })
    .strict(),
};

/** Results of the decompress.* methods. */
export interface DecompressResults {
  'decompress.file': DecompressResult;
  'decompress.objects': ObjectsDecompressResult;
}
