import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiEvents } from '../../../../main/model';
import { EventHub } from '../../../../main/services/eventHub';
import { JobRegistry } from '../../../../main/services/jobRegistry';

/** A registry on fake timers whose events land in `seen` as "phase done". */
function phasesSeen(): { jobs: JobRegistry; seen: string[] } {
  vi.useFakeTimers();
  const events = new EventHub<ApiEvents>();
  const seen: string[] = [];
  events.subscribe((_e, p) => seen.push(`${p.phase} ${p.done}`));
  return { jobs: new JobRegistry(events), seen };
}

describe('JobRegistry', () => {
  it('aborts a running job on cancel and forgets it afterwards', async () => {
    const events = new EventHub<ApiEvents>();
    const seen: ApiEvents['onJobProgress'][] = [];
    events.subscribe((_e, p) => seen.push(p));
    const jobs = new JobRegistry(events);
    const running = jobs.run(
      'job-1',
      (job) =>
        new Promise((_resolve, reject) => {
          job.progress('decode', 0, 10);
          job.signal.addEventListener('abort', () => reject(job.signal.reason));
        }),
    );
    expect(jobs.ids()).toEqual(['job-1']);
    await expect(jobs.run('job-1', async () => 1)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(jobs.cancel('job-1')).toBe(true);
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(jobs.ids()).toEqual([]);
    expect(jobs.cancel('job-1')).toBe(false);
    expect(seen).toEqual([{ jobId: 'job-1', phase: 'decode', done: 0, total: 10 }]);
  });

  it('always emits the final progress event', async () => {
    const events = new EventHub<ApiEvents>();
    const seen: number[] = [];
    events.subscribe((_e, p) => seen.push(p.done));
    const jobs = new JobRegistry(events);
    await jobs.run(undefined, async (job) => {
      for (let i = 0; i <= 100; i++) job.progress('export', i, 100);
    });
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(100);
  });

  describe('an update dropped by the 100 ms interval', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('is sent when the interval has passed, while the job waits on a slow step', async () => {
      vi.useFakeTimers();
      const events = new EventHub<ApiEvents>();
      const seen: ApiEvents['onJobProgress'][] = [];
      events.subscribe((_e, p) => seen.push(p));
      const jobs = new JobRegistry(events);
      let finish = () => {};
      const running = jobs.run('slow', async (job) => {
        job.progress('decode', 0, 10, 0);
        job.progress('decode', 1, 10, 100);
        job.progress('decode', 2, 10, 250);
        // The third object takes long: nothing else is reported until it ends.
        await new Promise<void>((resolve) => (finish = resolve));
      });
      expect(seen.map((p) => p.done)).toEqual([0]);
      await vi.advanceTimersByTimeAsync(99);
      expect(seen.map((p) => p.done)).toEqual([0]);
      await vi.advanceTimersByTimeAsync(1);
      expect(seen).toEqual([
        { jobId: 'slow', phase: 'decode', done: 0, total: 10, bytes: 0 },
        { jobId: 'slow', phase: 'decode', done: 2, total: 10, bytes: 250 },
      ]);
      finish();
      await running;
    });

    it('is not sent after the job has ended', async () => {
      vi.useFakeTimers();
      const events = new EventHub<ApiEvents>();
      const seen: number[] = [];
      events.subscribe((_e, p) => seen.push(p.done));
      const jobs = new JobRegistry(events);
      await jobs.run(undefined, async (job) => {
        job.progress('list', 1, null);
        job.progress('list', 2, null);
      });
      await vi.advanceTimersByTimeAsync(1000);
      expect(seen).toEqual([1]);
    });

    it('is kept per phase when several phases are reported at a time (the forward counters): the last of each arrives', async () => {
      const { jobs, seen } = phasesSeen();
      let finish = () => {};
      const running = jobs.run('counters', async (job) => {
        for (const n of [2, 3]) {
          job.progress('sent', n, null);
          job.progress('acknowledged', n, null);
        }
        // A live run goes idle after the burst.
        await new Promise<void>((resolve) => (finish = resolve));
      });
      expect(seen).toEqual(['sent 2', 'acknowledged 2']);
      await vi.advanceTimersByTimeAsync(100);
      expect(seen).toEqual(['sent 2', 'acknowledged 2', 'sent 3', 'acknowledged 3']);
      await vi.advanceTimersByTimeAsync(5000);
      expect(seen).toHaveLength(4);
      finish();
      await running;
    });

    it('is sent before the first update of a new phase, so events stay in order', async () => {
      const { jobs, seen } = phasesSeen();
      await jobs.run(undefined, async (job) => {
        job.progress('list', 1, null);
        job.progress('list', 7, null);
        job.progress('decode', 0, 6);
        job.progress('decode', 1, 6);
      });
      await vi.advanceTimersByTimeAsync(1000);
      expect(seen).toEqual(['list 1', 'list 7', 'decode 0']);
    });
  });
});
