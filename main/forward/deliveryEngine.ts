/**
 * At-least-once delivery: events are pulled from the source one batch at a time (so a slow
 * sink slows the reading — back-pressure, not buffering), each batch is sent until the sink
 * acknowledges it (retries with back-off and jitter on 5xx / 429 / network errors, a stop on
 * anything else), refusals go to the dead-letter file, and only then does the checkpoint move.
 */
import { ShiplensError, isShiplensError, toShiplensError } from '../../core/errors';
import { RateLimiter, retryDelayMs, retryPolicyDefault, sleep } from './forwardPacing';
import type { RateLimit, RetryPolicy } from './forwardPacing';
import { forwardCountersNew, retryableCodes } from './forwardTypes';
import type { ForwardCounters, ForwardItem, ForwardPosition, ForwardSink } from './forwardTypes';

/** Where refused events go. */
export interface DeadLetterSink {
  write(item: ForwardItem, reason: string): Promise<void>;
  flush(): Promise<void>;
}

/** Options of a delivery run. */
export interface DeliveryOptions {
  batchEvents: number;
  batchBytes: number;
  retry?: RetryPolicy;
  rate?: RateLimit;
  deadLetter: DeadLetterSink;
  /** Called after every acknowledged batch with the position all events up to are delivered. */
  checkpoint: (position: ForwardPosition, counters: ForwardCounters) => Promise<void>;
  /** Finish the batch in flight, save the checkpoint and return (SIGINT / SIGTERM). */
  stop?: AbortSignal;
  /** Abort a send in flight (a hard cancel; the checkpoint stays where it was). */
  signal?: AbortSignal;
  onProgress?: (counters: ForwardCounters) => void;
  /** Told before each retry (stderr line in the CLI). */
  onRetry?: (error: ShiplensError, attempt: number, delayMs: number) => void;
  random?: () => number;
  now?: () => number;
}

/** How a run ended. */
export interface DeliveryResult {
  counters: ForwardCounters;
  /** True when the source was read to its end (false when stopped). */
  complete: boolean;
  last: ForwardPosition | null;
}

interface Batch {
  items: ForwardItem[];
  payloads: Uint8Array[];
  bytes: number;
}

function reasonOf(error: unknown): string {
  const e = toShiplensError(error);
  return e.hint ? `${e.message} (${e.hint})` : e.message;
}

class Delivery {
  readonly counters = forwardCountersNew();
  private batch: Batch = { items: [], payloads: [], bytes: 0 };
  last: ForwardPosition | null = null;
  private readonly limiter: RateLimiter;
  private readonly retry: RetryPolicy;
  private readonly never = new AbortController().signal;

  constructor(
    private readonly sink: ForwardSink,
    private readonly options: DeliveryOptions,
  ) {
    this.limiter = new RateLimiter(options.rate ?? {}, options.now);
    this.retry = options.retry ?? retryPolicyDefault;
  }

  async take(item: ForwardItem): Promise<void> {
    this.counters.read++;
    this.last = item.position;
    if (item.refusal !== undefined) {
      await this.deadLetter(item, item.refusal);
      return;
    }
    let payload: Uint8Array;
    try {
      payload = this.sink.encode(item.record, item.json);
    } catch (error) {
      await this.deadLetter(item, reasonOf(error));
      return;
    }
    if (this.batch.items.length > 0 && this.batch.bytes + payload.length > this.options.batchBytes) await this.flush();
    this.batch.items.push(item);
    this.batch.payloads.push(payload);
    this.batch.bytes += payload.length;
    if (this.batch.items.length >= this.options.batchEvents) await this.flush();
  }

  /** Send the pending batch (if any), then move the checkpoint to the last event read. */
  async flush(): Promise<void> {
    const batch = this.batch;
    this.batch = { items: [], payloads: [], bytes: 0 };
    if (batch.items.length > 0) {
      await sleep(this.limiter.delayFor(batch.items.length, batch.bytes), this.options.signal);
      const refused = await this.sendWithRetry(batch);
      for (const r of refused) await this.deadLetter(batch.items[r.index] as ForwardItem, r.reason);
      this.counters.acknowledged += batch.items.length - refused.length;
      this.counters.bytes += batch.bytes;
    }
    await this.options.deadLetter.flush();
    if (this.last) await this.options.checkpoint(this.last, this.counters);
    this.options.onProgress?.(this.counters);
  }

  private async deadLetter(item: ForwardItem, reason: string): Promise<void> {
    await this.options.deadLetter.write(item, reason);
    this.counters.deadLettered++;
  }

  private async sendWithRetry(batch: Batch): Promise<{ index: number; reason: string }[]> {
    for (let attempt = 1; ; attempt++) {
      this.counters.sent += batch.items.length;
      try {
        return (await this.sink.send(batch.payloads, this.options.signal ?? this.never)).refused;
      } catch (error) {
        const e = toShiplensError(error, this.sink.label);
        if (!retryableCodes.has(e.code) || this.options.signal?.aborted) throw e;
        if (attempt >= this.retry.attempts) {
          throw new ShiplensError(e.code, `${e.message} — gave up after ${attempt} attempts.`, {
            source: e.source,
            hint: e.hint ?? 'Check the receiver, then run the same command again: it resumes from the checkpoint',
            hintKey: e.hintKey,
          });
        }
        const delay = retryDelayMs(attempt - 1, this.retry, this.options.random);
        this.counters.retried += batch.items.length;
        this.options.onRetry?.(e, attempt, delay);
        await sleep(delay, this.options.signal);
      }
    }
  }
}

function isChunk(value: ForwardItem | readonly ForwardItem[]): value is readonly ForwardItem[] {
  return Array.isArray(value);
}

/** The next item or chunk; null when a stop request cancelled the read (the pending batch still goes). */
async function nextItem<T>(iterator: AsyncIterator<T>, stop: AbortSignal | undefined): Promise<IteratorResult<T> | null> {
  try {
    return await iterator.next();
  } catch (error) {
    if (stop?.aborted && isShiplensError(error) && error.code === 'CANCELLED') return null;
    throw error;
  }
}

/**
 * Deliver every event of `source` to `sink`. Resolves with the counters once the source is
 * exhausted (or `stop` fired and the batch in flight is acknowledged); throws the ShiplensError
 * that stopped it otherwise. The checkpoint never passes an unacknowledged event.
 */
export async function deliveryRun(
  source: AsyncIterable<ForwardItem | readonly ForwardItem[]>,
  sink: ForwardSink,
  options: DeliveryOptions,
): Promise<DeliveryResult> {
  const delivery = new Delivery(sink, options);
  let complete = true;
  const iterator = source[Symbol.asyncIterator]();
  try {
    reading: for (;;) {
      const next = options.stop?.aborted ? null : await nextItem(iterator, options.stop);
      if (next === null) {
        complete = false;
        break;
      }
      if (next.done) break;
      for (const item of isChunk(next.value) ? next.value : [next.value]) {
        // A stop inside a chunk leaves its rest unread: the checkpoint is at the last item taken.
        if (options.stop?.aborted) {
          complete = false;
          break reading;
        }
        await delivery.take(item);
      }
    }
    await delivery.flush();
  } catch (error) {
    throw isShiplensError(error) ? error : toShiplensError(error, sink.label);
  } finally {
    await iterator.return?.();
  }
  return { counters: delivery.counters, complete, last: delivery.last };
}
