/**
 * forward.live: the app's face of `shiplens forward --from-logstore` — the same engine
 * (logstoreForwardRun) run as a job until jobs.cancel. The Log Service connection is the
 * sls.* calls' (a saved profile, the current connection's by default, with overrides); the
 * checkpoint lives in the consumer group, saved only after the sink acknowledged the pull.
 */
import path from 'node:path';
import { logstoreConsumerName, logstoreDeadLetterDefaultPath, logstoreForwardRun } from '../../forward/logstoreRun';
import type { ForwardCounters } from '../../forward/forwardTypes';
import type { ApiServices } from '../../services/types';
import type { ApiParsed, ApiResult } from '../contract';
import { forwardSettingsOf, forwardTargetOf } from './forwardSink';
import { slsConnectionFor } from './slsHandlers';

/** Counter names sent as job progress phases, in this order. */
export const forwardCounterPhases = ['read', 'skipped', 'sent', 'acknowledged', 'retried', 'deadLettered', 'bytes'] as const;

/**
 * The counters as progress phases, at most every 250 ms and always at the end. An update that
 * comes too soon is sent once the interval has passed: a live run that goes idle after a burst
 * (two shards pulled back to back) shows the last counts, not the first of the burst.
 */
export function forwardCountersReporter(
  progress: (phase: string, done: number, total: number | null) => void,
): (counters: ForwardCounters, final?: boolean) => void {
  const everyMs = 250;
  let last = 0;
  let pending: ForwardCounters | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const send = (counters: ForwardCounters): void => {
    clearTimeout(timer);
    timer = undefined;
    pending = null;
    last = Date.now();
    for (const phase of forwardCounterPhases) progress(phase, counters[phase], null);
  };
  return (counters, final = false) => {
    const wait = last + everyMs - Date.now();
    if (final || wait <= 0) return send(counters);
    pending = { ...counters };
    timer ??= setTimeout(() => {
      if (pending) send(pending);
    }, wait);
  };
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
    const report = forwardCountersReporter((phase, done, total) => job.progress(phase, done, total));
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
      onProgress: (c) => report(c),
    });
    report(result.counters, true);
    return { counters: result.counters, project: conn.project, created: result.created, shards: result.shards, deadLetterPath };
  });
}
