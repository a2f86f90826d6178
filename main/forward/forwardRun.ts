/**
 * One replay of a range into a sink: plan the range, resume from the checkpoint, deliver at
 * least once, and report the counters. The CLI (and later the app) call this; it owns no
 * terminal and no process signals.
 */
import { engineRawDecoder } from '../engine';
import { rangePlan } from '../range/rangePlan';
import type { RangePlan } from '../range/rangePlan';
import type { RangeSpec } from '../range/rangeSpec';
import type { Storage } from '../storage/storage';
import { DeadLetterFile } from './deadLetterFile';
import { deliveryRun } from './deliveryEngine';
import type { DeadLetterSink } from './deliveryEngine';
import { forwardCheckpointRead, forwardCheckpointWrite } from './forwardCheckpoint';
import type { ForwardCheckpoint } from './forwardCheckpoint';
import type { RateLimit, RetryPolicy } from './forwardPacing';
import { forwardDryRunSink, forwardSinkCreate } from './forwardSinks';
import type { SinkSettings } from './forwardSinks';
import { forwardCountersNew } from './forwardTypes';
import type { ForwardCounters, ForwardItem } from './forwardTypes';
import { replayItems } from './replaySource';
import type { ByteWriter } from './fileSink';

/** A replay to run. */
export interface ForwardReplay {
  storage: Storage;
  spec: RangeSpec;
  /** Names the range in the checkpoint (location + rule + window). */
  rangeId: string;
  sink: SinkSettings;
  checkpointPath: string;
  deadLetterPath: string;
  dryRun: boolean;
  /** Dry runs only: stop after this many events (a preview of what would be sent). */
  limit?: number;
  batchEvents: number;
  batchBytes: number;
  rate: RateLimit;
  retry?: RetryPolicy;
  stdout: ByteWriter;
  /** Finish the batch in flight, save the checkpoint, return. */
  stop: AbortSignal;
  onProgress?: (counters: ForwardCounters, note?: string) => void;
  onWarning?: (text: string) => void;
}

/** How the replay ended. */
export interface ForwardReplayResult {
  counters: ForwardCounters;
  complete: boolean;
  /** The checkpoint said the range was already delivered: nothing was sent. */
  alreadyDone: boolean;
  objects: number;
}

const countingDeadLetter = (): DeadLetterSink => ({ write: async () => undefined, flush: async () => undefined });

/** Replay `replay.spec` into its sink. Throws the ShiplensError that stopped it. */
export async function forwardReplayRun(replay: ForwardReplay): Promise<ForwardReplayResult> {
  const sinkId = replay.sink.target.display;
  const saved = replay.dryRun ? null : await forwardCheckpointRead(replay.checkpointPath, replay.rangeId, sinkId);
  if (saved?.done)
    return {
      counters: { ...forwardCountersNew(), acknowledged: saved.acknowledged, deadLettered: saved.deadLettered },
      complete: true,
      alreadyDone: true,
      objects: 0,
    };
  const plan = await rangePlan(replay.storage, replay.spec);
  if (replay.sink.insecure)
    replay.onWarning?.('TLS certificate verification is OFF (--insecure): anyone on the path can read and change what is sent.');
  const sink = replay.dryRun ? forwardDryRunSink(replay.sink, replay.stdout) : forwardSinkCreate(replay.sink, replay.stdout);
  const deadLetter = replay.dryRun ? countingDeadLetter() : new DeadLetterFile(replay.deadLetterPath);
  const base = { acknowledged: saved?.acknowledged ?? 0, deadLettered: saved?.deadLettered ?? 0 };
  let skipped = 0;
  const checkpoint =
    (done: boolean) =>
    async (position: ForwardCheckpoint['position'], counters: ForwardCounters): Promise<void> => {
      if (replay.dryRun) return;
      await forwardCheckpointWrite(replay.checkpointPath, {
        version: 1,
        range: replay.rangeId,
        sink: sinkId,
        position,
        done,
        acknowledged: base.acknowledged + counters.acknowledged,
        deadLettered: base.deadLettered + counters.deadLettered,
      });
    };
  try {
    const items = { [Symbol.asyncIterator]: () => replayItemsFor(replay, plan, saved, () => skipped++) };
    const result = await deliveryRun(items, sink, {
      batchEvents: replay.batchEvents,
      batchBytes: replay.batchBytes,
      rate: replay.rate,
      retry: replay.retry,
      deadLetter,
      checkpoint: checkpoint(false),
      stop: replay.stop,
      onProgress: (c) => replay.onProgress?.({ ...c, skipped }),
      onRetry: (e, attempt, delay) => replay.onWarning?.(`retry ${attempt} in ${(delay / 1000).toFixed(1)} s: ${e.message}`),
    });
    result.counters.skipped = skipped;
    if (result.complete) await checkpoint(true)(result.last ?? saved?.position ?? null, result.counters);
    return { counters: result.counters, complete: result.complete, alreadyDone: false, objects: plan.objects.length };
  } finally {
    await sink.close();
    if (deadLetter instanceof DeadLetterFile) await deadLetter.close();
  }
}

async function* replayItemsFor(
  replay: ForwardReplay,
  plan: RangePlan,
  saved: ForwardCheckpoint | null,
  onSkip: () => void,
): AsyncGenerator<ForwardItem[]> {
  let left = replay.limit ?? Infinity;
  if (left <= 0) return;
  for await (const chunk of replayItems({
    storage: replay.storage,
    plan,
    resume: saved?.position ?? null,
    rawDecoder: engineRawDecoder(),
    signal: replay.stop,
    onSkip,
  })) {
    const part = chunk.length > left ? chunk.slice(0, left) : chunk;
    yield part;
    left -= part.length;
    if (left <= 0) return;
  }
}

/** Check that the sink is reachable (and the token / certificate accepted) without sending a log. */
export async function forwardSinkCheck(settings: SinkSettings, stdout: ByteWriter, signal: AbortSignal): Promise<string> {
  const sink = forwardSinkCreate(settings, stdout);
  try {
    return sink.check ? await sink.check(signal) : `${sink.label}: nothing to check`;
  } finally {
    await sink.close();
  }
}
