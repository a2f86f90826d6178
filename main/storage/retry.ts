/**
 * Retries with exponential back-off and full jitter (AWS architecture blog, "Exponential
 * Backoff And Jitter"): delay = random(0, min(cap, base · 2^attempt)).
 *
 * Only transient failures are retried: 5xx, 429 and network errors, never other 4xx.
 */
import { sleepCancellable } from '../../core/bytes';
import { ShiplensError, isShiplensError } from '../../core/errors';

/** Options of `retryWithBackoff`. */
export interface RetryOptions {
  /** Extra attempts after the first (0 = no retry). */
  retries: number;
  baseMs?: number;
  capMs?: number;
  signal?: AbortSignal;
  /** Injected for tests: returns [0, 1). */
  random?: () => number;
  /** Injected for tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  onRetry?: (error: ShiplensError, attempt: number, delayMs: number) => void;
}

const transientCodes = new Set(['NETWORK', 'TIMEOUT', 'SERVER_ERROR', 'THROTTLED']);
const transientErrors = new WeakSet<object>();

/** Mark an error as transient (retryable) whatever its code, e.g. a short body. */
export function transientMark<E extends object>(error: E): E {
  transientErrors.add(error);
  return error;
}

/** True for failures worth retrying. */
export function errorIsTransient(error: unknown): boolean {
  if (typeof error === 'object' && error !== null && transientErrors.has(error)) return true;
  return isShiplensError(error) && transientCodes.has(error.code);
}

/** The back-off delay before retry number `attempt` (0-based). */
export function backoffDelay(attempt: number, baseMs: number, capMs: number, random: () => number): number {
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** attempt));
}

/** Run `operation`, retrying transient ShiplensErrors up to `retries` times. */
export async function retryWithBackoff<T>(operation: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const { retries, baseMs = 200, capMs = 5000, signal, random = Math.random, sleep = sleepCancellable } = options;
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (signal?.aborted) throw new ShiplensError('CANCELLED', 'The operation was cancelled.');
      if (attempt >= retries || !errorIsTransient(error)) throw error;
      const delay = backoffDelay(attempt, baseMs, capMs, random);
      options.onRetry?.(error as ShiplensError, attempt + 1, delay);
      await sleep(delay, signal);
    }
  }
}
