// The forward counters as job progress, through the job's one throttle: paced, yet the last
// counts of a burst always arrive.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forwardCountersProgress } from '../../../../../main/api/handlers/forwardLive';
import type { ForwardCounters } from '../../../../../main/forward/forwardTypes';
import type { ApiEvents } from '../../../../../main/model';
import { EventHub } from '../../../../../main/services/eventHub';
import type { Job } from '../../../../../main/services/jobRegistry';
import { JobRegistry } from '../../../../../main/services/jobRegistry';

const counters = (acknowledged: number): ForwardCounters => ({
  read: acknowledged,
  skipped: 0,
  sent: acknowledged,
  acknowledged,
  retried: 0,
  deadLettered: 0,
  bytes: acknowledged * 10,
});

/** A job whose progress events land in `seen`; `end()` settles it. */
function jobSeen(seen: ApiEvents['onJobProgress'][]): { job: Promise<Job>; end: () => void; done: Promise<void> } {
  const events = new EventHub<ApiEvents>();
  events.subscribe((_e, p) => seen.push(p));
  let end = () => {};
  let started: (job: Job) => void = () => {};
  const job = new Promise<Job>((resolve) => (started = resolve));
  const done = new JobRegistry(events).run('fwd', async (j) => {
    started(j);
    await new Promise<void>((resolve) => (end = resolve));
  });
  return { job, end: () => end(), done };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('forwardCountersProgress', () => {
  it('sends the last update of a burst once the interval has passed (a live run idle after two pulls)', async () => {
    const seen: ApiEvents['onJobProgress'][] = [];
    const run = jobSeen(seen);
    const job = await run.job;
    const acknowledged = () => seen.filter((p) => p.phase === 'acknowledged').map((p) => `${p.phase} ${p.done}`);
    forwardCountersProgress(job, counters(2));
    forwardCountersProgress(job, counters(3));
    expect(acknowledged()).toEqual(['acknowledged 2']);
    await vi.advanceTimersByTimeAsync(100);
    expect(acknowledged()).toEqual(['acknowledged 2', 'acknowledged 3']);
    await vi.advanceTimersByTimeAsync(5000);
    expect(acknowledged()).toEqual(['acknowledged 2', 'acknowledged 3']);
    run.end();
    await run.done;
  });

  it('sends nothing stale once the job has ended (its result holds the final counters)', async () => {
    const seen: ApiEvents['onJobProgress'][] = [];
    const run = jobSeen(seen);
    const job = await run.job;
    forwardCountersProgress(job, counters(1));
    forwardCountersProgress(job, counters(4));
    run.end();
    await run.done;
    await vi.advanceTimersByTimeAsync(1000);
    expect(seen.filter((p) => p.phase === 'read').map((p) => p.done)).toEqual([1]);
  });

  it('sends every phase, in order, each time', async () => {
    const seen: ApiEvents['onJobProgress'][] = [];
    const run = jobSeen(seen);
    forwardCountersProgress(await run.job, counters(1));
    expect(seen.map((p) => p.phase)).toEqual(['read', 'skipped', 'sent', 'acknowledged', 'retried', 'deadLettered', 'bytes']);
    expect(seen.every((p) => p.jobId === 'fwd' && p.total === null)).toBe(true);
    run.end();
    await run.done;
  });
});
