// The forward counters as job progress: throttled, yet the last counts of a burst are always sent.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forwardCountersReporter } from '../../../../../main/api/handlers/forwardLive';
import type { ForwardCounters } from '../../../../../main/forward/forwardTypes';

const counters = (acknowledged: number): ForwardCounters => ({
  read: acknowledged,
  skipped: 0,
  sent: acknowledged,
  acknowledged,
  retried: 0,
  deadLettered: 0,
  bytes: acknowledged * 10,
});

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('forwardCountersReporter', () => {
  it('sends the last update of a burst once the interval has passed (a live run idle after two pulls)', () => {
    const seen: string[] = [];
    const report = forwardCountersReporter((phase, done) => phase === 'acknowledged' && seen.push(`${phase} ${done}`));
    report(counters(2));
    report(counters(3));
    expect(seen).toEqual(['acknowledged 2']);
    vi.advanceTimersByTime(250);
    expect(seen).toEqual(['acknowledged 2', 'acknowledged 3']);
    vi.advanceTimersByTime(5000);
    expect(seen).toEqual(['acknowledged 2', 'acknowledged 3']);
  });

  it('sends the final counters at once and nothing stale after them', () => {
    const seen: number[] = [];
    const report = forwardCountersReporter((phase, done) => phase === 'read' && seen.push(done));
    report(counters(1));
    report(counters(4));
    report(counters(5), true);
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([1, 5]);
  });

  it('sends every phase, in order, each time', () => {
    const phases: string[] = [];
    forwardCountersReporter((phase) => phases.push(phase))(counters(1));
    expect(phases).toEqual(['read', 'skipped', 'sent', 'acknowledged', 'retried', 'deadLettered', 'bytes']);
  });
});
