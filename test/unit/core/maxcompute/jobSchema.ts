/**
 * The documented shapes (SPEC §8, §9) as zod schemas, written from the document and not from
 * the generators, so generated output is checked against the shape rather than a snapshot.
 */
import { z } from 'zod';

const strings = z.array(z.string());

/** Script-mode DataWorks job: type job, version 1.0, loghub reader, odps writer, speed. */
export const jobSchema = z
  .object({
    type: z.literal('job'),
    version: z.literal('1.0'),
    configuration: z
      .object({
        reader: z
          .object({
            plugin: z.literal('loghub'),
            parameter: z
              .object({
                datasource: z.string(),
                logstore: z.string(),
                beginDateTime: z.string(),
                endDateTime: z.string(),
                batchSize: z.number().int().positive(),
                column: strings,
              })
              .passthrough(),
          })
          .strict(),
        writer: z
          .object({
            plugin: z.literal('odps'),
            parameter: z
              .object({ datasource: z.string(), table: z.string(), truncate: z.boolean(), partition: z.string(), column: strings })
              .passthrough(),
          })
          .strict(),
        setting: z.object({ speed: z.object({ mbps: z.number().positive(), concurrent: z.number().int().positive() }) }),
      })
      .strict(),
  })
  .strict();

/** A RAM policy document as the document writes them (`"Version": "1"`). */
export const policySchema = z
  .object({
    Version: z.literal('1'),
    Statement: z
      .array(
        z
          .object({
            Effect: z.enum(['Allow', 'Deny']),
            Action: z.union([z.string(), strings]),
            Resource: z.union([z.string(), strings]).optional(),
            Principal: z.object({ Service: strings }).strict().optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
