import { describe, expect, it } from 'vitest';
import { RateLimiter, retryDelayMs } from '../../../../main/forward/forwardPacing';

describe('retryDelayMs', () => {
  const policy = { attempts: 10, baseMs: 500, maxMs: 30_000 };
  it('draws uniformly below base·2^retry, capped at max', () => {
    expect(retryDelayMs(0, policy, () => 0.5)).toBe(250);
    expect(retryDelayMs(3, policy, () => 0.5)).toBe(2000);
    expect(retryDelayMs(10, policy, () => 0.999)).toBe(29_970);
    expect(retryDelayMs(2, policy, () => 0)).toBe(0);
  });
});

describe('RateLimiter', () => {
  it('holds each batch until the events before it fit the events/s limit', () => {
    let now = 1000;
    const limiter = new RateLimiter({ eventsPerSec: 100 }, () => now);
    expect(limiter.delayFor(50, 0)).toBe(0);
    expect(limiter.delayFor(50, 0)).toBe(500);
    now = 1500;
    expect(limiter.delayFor(50, 0)).toBe(500);
    now = 3000;
    expect(limiter.delayFor(10, 0)).toBe(0);
  });

  it('applies the stricter of events/s and bytes/s', () => {
    const limiter = new RateLimiter({ eventsPerSec: 1000, bytesPerSec: 1000 }, () => 0);
    expect(limiter.delayFor(1, 2000)).toBe(0);
    expect(limiter.delayFor(1, 10)).toBe(2000);
  });

  it('never waits without limits', () => {
    const limiter = new RateLimiter({}, () => 0);
    expect(limiter.delayFor(1e6, 1e9)).toBe(0);
    expect(limiter.delayFor(1e6, 1e9)).toBe(0);
  });
});
