/**
 * The forward.* part of the API contract (issue 16, the app's Forward view), spread into
 * `apiInputs` and `ApiResults` by contract.ts so that file only names it.
 *
 * The source is a range of the current connection (as range.*: prefix + rule + [from, to));
 * the sink is the CLI's `--to` address with the same options. A `file:` sink names a file in
 * the output folder (never a path elsewhere). The HEC token travels with the call or comes
 * from a saved profile (sealed there like its AccessKey secret); it is never echoed in a
 * result or logged. `forward.live` is the live source: a Logstore read by consumer group.
 */
import { z } from 'zod';
import { epochMs, jobId, localPath } from './schemaParts';
import { rangeShape } from './rangeContract';
import { slsTarget } from './slsContract';
import { forwardBatchEventsDefault } from '../forward/forwardTypes';
import type { ForwardCounters } from '../forward/forwardTypes';

const name = z.string().max(255);

/** Where and how events are sent (the CLI's --to and its options). */
export const forwardSinkInput = z
  .object({
    /** hec://, hecs://, syslog+udp://, syslog+tcp://, syslog+tls://host:port, or file:<name in the output folder>. */
    to: z.string().min(1).max(1024),
    token: z.string().max(4096).optional(),
    /** Without `token`: the saved profile whose HEC token is used (default: the current connection's). */
    tokenProfile: z.string().max(128).optional(),
    format: z.enum(['rfc5424', 'rfc3164', 'hec']).optional(),
    facility: name.default('user'),
    severity: name.default('info'),
    separator: z.string().max(16).default('||'),
    tag: name.default('-'),
    msgid: name.default('-'),
    hostname: name.optional(),
    sd: z.enum(['none', 'tags']).default('none'),
    message: z.enum(['kv', 'json']).default('kv'),
    hecMode: z.enum(['json', 'raw']).default('json'),
    index: name.optional(),
    source: name.optional(),
    sourcetype: name.optional(),
    gzip: z.boolean().default(false),
    ack: z.boolean().default(false),
    /** PEM text of the CA that signs the receiver's certificate. */
    ca: z
      .string()
      .max(1 << 20)
      .optional(),
    insecure: z.boolean().default(false),
    timeoutSec: z.number().int().min(1).max(600).default(120),
    /** Folder of a file: sink (default: the settings' output folder). */
    outDir: localPath.optional(),
  })
  .strict();

// The range query's range (one schema for one concept), plus where the events go.
const forwardShape = {
  ...rangeShape,
  sink: forwardSinkInput,
};

// How fast and in what batches events go (replay and live alike).
const deliveryShape = {
  batchEvents: z.number().int().min(1).max(100_000).default(forwardBatchEventsDefault),
  batchBytes: z
    .number()
    .int()
    .min(1024)
    .max(64 << 20)
    .default(1 << 20),
  rateEventsPerSec: z.number().positive().max(1e9).optional(),
  rateMBPerSec: z.number().positive().max(1e6).optional(),
  jobId,
};

/** The live source: a Logstore read by consumer group, as whom and where as the sls.* calls (a saved profile + overrides). */
const liveSource = {
  ...slsTarget,
  logstore: z.string().min(1).max(128),
  consumerGroup: z.string().regex(/^[A-Za-z0-9_-]{2,128}$/),
  /** Where a shard without a group checkpoint starts: the beginning, the end, or a time (epoch ms). */
  cursor: z.union([z.enum(['begin', 'end']), epochMs]).default('begin'),
};

/** Inputs of the forward.* methods. */
export const forwardInputs = {
  'forward.check': z.object({ sink: forwardSinkInput }).strict(),
  'forward.preview': z.object({ ...forwardShape, limit: z.number().int().min(1).max(1000).default(10) }).strict(),
  'forward.start': z.object({ ...forwardShape, ...deliveryShape }).strict(),
  /** Runs until jobs.cancel (the pull in flight is finished and checkpointed in the group). */
  'forward.live': z.object({ ...liveSource, sink: forwardSinkInput, ...deliveryShape }).strict(),
} as const;

/** Running totals of a forward job (also sent as onJobProgress phases of the same names). */
export type ForwardCountersInfo = ForwardCounters;

/** Results of the forward.* methods. */
export interface ForwardResults {
  'forward.check': { text: string };
  /** The first events exactly as the sink would get them (`text` is those bytes as UTF-8). */
  'forward.preview': { text: string; events: number; bytes: number };
  'forward.start': { counters: ForwardCountersInfo; complete: boolean; alreadyDone: boolean; objects: number; deadLetterPath: string };
  /** `created`: the group was new; `shards`: those this consumer held last. */
  'forward.live': { counters: ForwardCountersInfo; project: string; created: boolean; shards: number[]; deadLetterPath: string };
}
