/**
 * The one abort race: settle with a promise, or reject CANCELLED as soon as a signal aborts.
 * The work behind the promise may go on (a fetch shared with other readers, an SDK call that
 * takes no signal); only this caller stops waiting for it. `sleepCancellable` is the same race
 * for a wait (retry back-off in OSS and Log Service requests, forward pacing).
 */
import { ShiplensError } from '../errors';

/** The CANCELLED error of an aborted operation (optionally naming what was being read). */
export function cancelledError(message = 'The operation was cancelled.', source?: string): ShiplensError {
  return new ShiplensError('CANCELLED', message, { source });
}

/** `promise`, or CANCELLED (made by `cancelled`) as soon as `signal` aborts; `promise` itself without a signal. */
export function abortRace<T>(
  promise: Promise<T>,
  signal: AbortSignal | undefined,
  cancelled: () => Error = () => cancelledError(),
): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(cancelled());
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => (signal.removeEventListener('abort', onAbort), resolve(value)),
      (error: unknown) => (signal.removeEventListener('abort', onAbort), reject(error)),
    );
  });
}

/** Wait `ms`, rejecting CANCELLED as soon as `signal` aborts (at once when it already has). */
export function sleepCancellable(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(cancelledError());
  let timer: ReturnType<typeof setTimeout> | undefined;
  const wait = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return abortRace(wait, signal).finally(() => clearTimeout(timer));
}
