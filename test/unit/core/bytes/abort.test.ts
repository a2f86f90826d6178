import { describe, expect, it } from 'vitest';
import { abortRace, cancelledError } from '../../../../core/bytes/abort';

describe('abortRace', () => {
  it('is the promise itself without a signal', async () => {
    const promise = Promise.resolve(1);
    expect(abortRace(promise, undefined)).toBe(promise);
  });

  it('settles with the promise when the signal stays quiet', async () => {
    const controller = new AbortController();
    await expect(abortRace(Promise.resolve('v'), controller.signal)).resolves.toBe('v');
    await expect(abortRace(Promise.reject(new Error('boom')), controller.signal)).rejects.toThrow('boom');
  });

  it('rejects CANCELLED at once when the signal aborts, and for an already aborted signal', async () => {
    const controller = new AbortController();
    const pending = abortRace(new Promise<never>(() => undefined), controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED', message: 'The operation was cancelled.' });
    await expect(
      abortRace(Promise.resolve(1), controller.signal, () => cancelledError('The read was cancelled.', 'f')),
    ).rejects.toMatchObject({
      code: 'CANCELLED',
      message: 'The read was cancelled.',
      source: 'f',
    });
  });
});
