/**
 * forward.* handlers (issue 16, the app's face of `shiplens forward`): check the sink, preview
 * the first events exactly as they will be sent, and replay a range of the current connection
 * as a job whose progress phases are the counters. Cancel stops after the batch in flight and
 * saves the checkpoint (the engine's `stop`), so starting the same range again resumes.
 * forward.live (forwardLive.ts) is the live source.
 */
import path from 'node:path';
import { ShiplensError } from '../../../core/errors';
import { forwardCheckpointDefaultPath } from '../../forward/forwardCheckpoint';
import { forwardReplayRun, forwardSinkCheck } from '../../forward/forwardRun';
import type { ForwardReplay } from '../../forward/forwardRun';
import { forwardBatchEventsDefault } from '../../forward/forwardTypes';
import { rangeSpecCreate } from '../../range/rangeSpec';
import type { ApiServices } from '../../services/types';
import type { ApiParsed } from '../contract';
import type { HandlerGroup } from '../handlerTypes';
import { rangeRuleOfArg } from './rangeRuleOfArg';
import { forwardCountersProgress, forwardLive, forwardRateOf } from './forwardLive';
import { forwardSettingsOf, forwardTargetOf } from './forwardSink';

type RangeArg = ApiParsed<'forward.preview'> | ApiParsed<'forward.start'>;

/** A preview never returns more than this many bytes (long events are still whole up to it). */
const previewMaxBytes = 4 << 20;

/** Everything a replay needs except the sink's stdout, the stop signal and the progress. */
async function replayOf(services: ApiServices, arg: RangeArg, dryRun: boolean): Promise<Omit<ForwardReplay, 'stdout' | 'stop'>> {
  const rule = rangeRuleOfArg(arg);
  const connection = await services.connections.info();
  const source = arg.prefix ? `${connection.label}/${arg.prefix}` : connection.label;
  const target = await forwardTargetOf(services, arg.sink.to, arg.sink.outDir);
  const rangeId = `${source}|${rule.partitionFormat}|${rule.format}|${arg.from}|${arg.to}`;
  const checkpointPath = forwardCheckpointDefaultPath(services.dataDir, rangeId, target.display);
  const start = 'batchEvents' in arg ? arg : null;
  return {
    storage: await services.connections.storage(),
    spec: rangeSpecCreate({ prefix: arg.prefix, rule, fromMs: arg.from, toMs: arg.to }),
    rangeId,
    sink: await forwardSettingsOf(services, arg.sink, target, source),
    checkpointPath,
    deadLetterPath: checkpointPath.replace(/\.checkpoint\.json$/, '.dead-letter.jsonl'),
    dryRun,
    limit: 'limit' in arg ? arg.limit : undefined,
    batchEvents: start?.batchEvents ?? forwardBatchEventsDefault,
    batchBytes: start?.batchBytes ?? 1 << 20,
    rate: forwardRateOf(start ?? {}),
  };
}

async function preview(services: ApiServices, arg: ApiParsed<'forward.preview'>): Promise<{ text: string; events: number; bytes: number }> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  const replay = await replayOf(services, arg, true);
  const result = await forwardReplayRun({
    ...replay,
    stdout: {
      write: async (chunk) => {
        bytes += chunk.length;
        if (bytes > previewMaxBytes)
          throw new ShiplensError('TOO_LARGE', `The preview passed ${previewMaxBytes} bytes.`, {
            source: 'limit',
            hint: 'Preview fewer events',
          });
        chunks.push(Buffer.from(chunk));
      },
    },
    stop: new AbortController().signal,
  });
  return { text: Buffer.concat(chunks).toString('utf8'), events: result.counters.sent, bytes };
}

/** Handlers for forward.check, forward.preview, forward.start and forward.live. */
export const forwardHandlers: HandlerGroup<'forward.check' | 'forward.preview' | 'forward.start' | 'forward.live'> = {
  'forward.check': async (services, arg) => {
    const target = await forwardTargetOf(services, arg.sink.to, arg.sink.outDir);
    const settings = await forwardSettingsOf(services, arg.sink, target, 'shiplens');
    const discard = { write: async () => undefined };
    return { text: await forwardSinkCheck(settings, discard, AbortSignal.timeout(arg.sink.timeoutSec * 1000)) };
  },
  'forward.preview': (services, arg) => preview(services, arg),
  'forward.start': (services, arg) =>
    services.jobs.run(arg.jobId, async (job) => {
      const replay = await replayOf(services, arg, false);
      const result = await forwardReplayRun({
        ...replay,
        stdout: { write: async () => undefined },
        stop: job.signal,
        onProgress: (counters) => forwardCountersProgress(job, counters),
      });
      // The final counters travel in the result; a held-back update is not sent after it.
      return {
        counters: result.counters,
        complete: result.complete,
        alreadyDone: result.alreadyDone,
        objects: result.objects,
        deadLetterPath: path.resolve(replay.deadLetterPath),
      };
    }),
  'forward.live': (services, arg) => forwardLive(services, arg),
};
