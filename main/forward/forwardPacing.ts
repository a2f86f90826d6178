/**
 * Back-off with full jitter between retries, and the rate limit (events/s, bytes/s) applied
 * before each batch, so a run never outpaces what the SIEM was sized for.
 */
import { sleepCancellable } from '../../core/bytes';

/** Retry policy: `attempts` sends at most; delays grow from `baseMs` up to `maxMs`. */
export interface RetryPolicy {
  attempts: number;
  baseMs: number;
  maxMs: number;
}

/** The defaults: 10 tries over about two minutes at worst. */
export const retryPolicyDefault: RetryPolicy = { attempts: 10, baseMs: 500, maxMs: 30_000 };

/** Delay before retry number `retry` (0-based): uniform in [0, min(max, base·2^retry)] ("full jitter"). */
export function retryDelayMs(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(retry, 30));
  return Math.floor(random() * cap);
}

/** Sleep `ms`, woken early (resolving) when `signal` aborts: the caller checks its signal next. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return sleepCancellable(ms, signal).catch(() => undefined);
}

/** Limits of the rate limiter; 0 or undefined means unlimited. */
export interface RateLimit {
  eventsPerSec?: number;
  bytesPerSec?: number;
}

/** Paces batches so the totals since the start never run ahead of the limits. */
export class RateLimiter {
  private events = 0;
  private bytes = 0;
  private startMs: number | null = null;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds to wait before sending `events` events of `bytes` bytes (then counted). */
  delayFor(events: number, bytes: number): number {
    const now = this.now();
    this.startMs ??= now;
    this.events += events;
    this.bytes += bytes;
    const byEvents = this.limit.eventsPerSec ? ((this.events - events) / this.limit.eventsPerSec) * 1000 : 0;
    const byBytes = this.limit.bytesPerSec ? ((this.bytes - bytes) / this.limit.bytesPerSec) * 1000 : 0;
    return Math.max(0, this.startMs + Math.max(byEvents, byBytes) - now);
  }
}
