import { describe, expect, it } from 'vitest';
import { abortRace, cancelledError, sleepCancellable } from '../../../../core/bytes/abort';

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

describe('sleepCancellable', () => {
  it('waits, and leaves no listener on the signal afterwards', async () => {
    const controller = new AbortController();
    let added = 0;
    let removed = 0;
    const signal = controller.signal;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = ((...args: Parameters<typeof add>) => (added++, add(...args))) as typeof add;
    signal.removeEventListener = ((...args: Parameters<typeof remove>) => (removed++, remove(...args))) as typeof remove;
    await expect(sleepCancellable(5, signal)).resolves.toBeUndefined();
    expect([added, removed]).toEqual([1, 1]);
  });

  it('rejects CANCELLED when the signal aborts during the wait, and at once for an aborted signal', async () => {
    const controller = new AbortController();
    const pending = sleepCancellable(60_000, controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED', message: 'The operation was cancelled.' });
    await expect(sleepCancellable(60_000, controller.signal)).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
