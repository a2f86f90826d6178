import { describe, expect, it } from 'vitest';
import { ShiplensError } from '../../../../core/errors';
import { backoffDelay, errorIsTransient, retryWithBackoff, transientMark } from '../../../../main/storage/retry';

describe('backoffDelay', () => {
  it('is full jitter under an exponential cap', () => {
    expect([0, 1, 2, 3, 10].map((a) => backoffDelay(a, 100, 1000, () => 0.999))).toEqual([99, 199, 399, 799, 999]);
    expect(backoffDelay(5, 100, 1000, () => 0)).toBe(0);
  });
});

describe('retryWithBackoff', () => {
  const noSleep = async (): Promise<void> => undefined;

  it('retries transient errors and returns the first success', async () => {
    const delays: number[] = [];
    let calls = 0;
    const value = await retryWithBackoff(
      async () => {
        calls++;
        if (calls < 3) throw new ShiplensError(calls === 1 ? 'SERVER_ERROR' : 'THROTTLED', 'x');
        return 'ok';
      },
      { retries: 5, baseMs: 10, random: () => 0.5, sleep: async (ms) => void delays.push(ms), onRetry: () => undefined },
    );
    expect([value, calls, delays]).toEqual(['ok', 3, [5, 10]]);
  });

  it.each(['NOT_FOUND', 'ACCESS_DENIED', 'AUTH_FAILED', 'INVALID_ARGUMENT'] as const)('does not retry %s', async (code) => {
    let calls = 0;
    await expect(
      retryWithBackoff(
        async () => {
          calls++;
          throw new ShiplensError(code, 'x');
        },
        { retries: 5, sleep: noSleep },
      ),
    ).rejects.toMatchObject({ code });
    expect(calls).toBe(1);
  });

  it('gives up after the budget with the last error', async () => {
    let calls = 0;
    await expect(
      retryWithBackoff(
        async () => {
          calls++;
          throw new ShiplensError('NETWORK', `n${calls}`);
        },
        { retries: 2, sleep: noSleep },
      ),
    ).rejects.toMatchObject({ code: 'NETWORK', message: 'n3' });
  });

  it('stops with CANCELLED when the signal aborts', async () => {
    const controller = new AbortController();
    await expect(
      retryWithBackoff(
        async () => {
          controller.abort();
          throw new ShiplensError('NETWORK', 'x');
        },
        { retries: 5, signal: controller.signal, sleep: noSleep },
      ),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('treats marked errors as transient whatever their code', () => {
    expect(errorIsTransient(new ShiplensError('TRUNCATED', 'x'))).toBe(false);
    expect(errorIsTransient(transientMark(new ShiplensError('TRUNCATED', 'x')))).toBe(true);
    expect(errorIsTransient(new Error('plain'))).toBe(false);
  });
});
