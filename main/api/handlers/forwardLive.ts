/**
 * forward.live: the app's face of `shiplens forward --from-logstore` — the same engine
 * (logstoreForwardRun) run as a job until jobs.cancel. The Log Service connection is the
 * sls.* calls' (a saved profile, the current connection's by default, with overrides); the
 * checkpoint lives in the consumer group, saved only after the sink acknowledged the pull.
 */
import path from 'node:path';
import { logstoreConsumerName, logstoreDeadLetterDefaultPath, logstoreForwardRun } from '../../forward/logstoreRun';
import type { ForwardCounters } from '../../forward/forwardTypes';
import type { Job } from '../../services/jobRegistry';
import type { ApiServices } from '../../services/types';
import type { ApiParsed, ApiResult } from '../contract';
import { forwardSettingsOf, forwardTargetOf } from './forwardSink';
import { slsConnectionFor } from './slsHandlers';

/** Counter names sent as job progress phases, in this order. */
export const forwardCounterPhases = ['read', 'skipped', 'sent', 'acknowledged', 'retried', 'deadLettered', 'bytes'] as const;

/**
 * The counters as the job's progress, one phase each. The job's own throttle (per phase, the
 * last update kept) paces them: a live run idle after a burst shows the last counts.
 */
export function forwardCountersProgress(job: Pick<Job, 'progress'>, counters: ForwardCounters): void {
  for (const phase of forwardCounterPhases) job.progress(phase, counters[phase], null);
}

/** The rate limit of a start / live call. */
export function forwardRateOf(arg: { rateEventsPerSec?: number; rateMBPerSec?: number }): {
  eventsPerSec?: number;
  bytesPerSec?: number;
} {
  return { eventsPerSec: arg.rateEventsPerSec, bytesPerSec: arg.rateMBPerSec ? arg.rateMBPerSec * 1024 * 1024 : undefined };
}

/** Run forward.live: deliver until cancelled; the result is the totals when it stopped. */
export async function forwardLive(services: ApiServices, arg: ApiParsed<'forward.live'>): Promise<ApiResult<'forward.live'>> {
  const conn = await slsConnectionFor(services, arg);
  const source = `${conn.project}/${arg.logstore}`;
  const target = await forwardTargetOf(services, arg.sink.to, arg.sink.outDir);
  const sink = await forwardSettingsOf(services, arg.sink, target, source);
  const deadLetterPath = path.resolve(logstoreDeadLetterDefaultPath(services.dataDir, conn.project, arg.logstore, arg.consumerGroup));
  return services.jobs.run(arg.jobId, async (job) => {
    const result = await logstoreForwardRun({
      conn,
      logstore: arg.logstore,
      group: arg.consumerGroup,
      consumer: logstoreConsumerName(),
      cursor: typeof arg.cursor === 'number' ? String(Math.floor(arg.cursor / 1000)) : arg.cursor,
      sink,
      deadLetterPath,
      batchEvents: arg.batchEvents,
      batchBytes: arg.batchBytes,
      pullCount: 100,
      rate: forwardRateOf(arg),
      stdout: { write: async () => undefined },
      stop: job.signal,
      onProgress: (counters) => forwardCountersProgress(job, counters),
    });
    // The final counters travel in the result; a held-back update is not sent after it.
    return { counters: result.counters, project: conn.project, created: result.created, shards: result.shards, deadLetterPath };
  });
}
