/**
 * A gate in the browser-mode server's decoder (the server runs in the test's process): the
 * n-th decode waits until the test releases it or its job is cancelled, so a test sees a job
 * in the middle of its work and cancels it there without any clock.
 */
import { ShiplensError } from '../../core/errors';
import type { ApiServices } from '../../main/services/types';

/** The gate of one run: `reached` once the n-th decode waits; `restore` puts the decoder back. */
export interface DecodeGate {
  reached: Promise<void>;
  release(): void;
  restore(): void;
}

/** Hold the `nth` decode (1-based) of `services`' decoder until `release()` or its job's cancel. */
export function decodeGate(services: ApiServices, nth: number): DecodeGate {
  const decoder = services.decoder;
  const original = decoder.decode.bind(decoder);
  let calls = 0;
  let reachedResolve = () => {};
  let releaseResolve = () => {};
  const reached = new Promise<void>((resolve) => (reachedResolve = resolve));
  const released = new Promise<void>((resolve) => (releaseResolve = resolve));
  decoder.decode = async (bytes, options) => {
    calls += 1;
    if (calls === nth) {
      reachedResolve();
      await new Promise<void>((resolve, reject) => {
        void released.then(resolve);
        options.signal?.addEventListener('abort', () => reject(new ShiplensError('CANCELLED', 'The operation was cancelled.')), {
          once: true,
        });
      });
    }
    return original(bytes, options);
  };
  return {
    reached,
    release: releaseResolve,
    restore: () => {
      decoder.decode = original;
    },
  };
}
