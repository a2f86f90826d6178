/**
 * Long calls (list all, download, decode, export) run as jobs: a client-chosen id, progress
 * events and an AbortController that `jobs.cancel` fires.
 */
import { randomBytes } from 'node:crypto';
import { ShiplensError } from '../../core/errors';
import type { ApiEvents } from '../model';
import type { EventHub } from './eventHub';

/** A running job as a handler sees it. */
export interface Job {
  readonly id: string;
  readonly signal: AbortSignal;
  /**
   * Report progress (`bytes`: written so far, when done/total count objects). Throttled per
   * phase: a phase's first update and its completion go out at once, later ones at most every
   * 100 ms with the last one kept — so a job reporting several phases at a time (the forward
   * counters) has each of them throttled, none crowding out another. A new phase first sends
   * the updates the others held back.
   */
  progress(phase: string, done: number, total: number | null, bytes?: number): void;
}

type ProgressEvent = ApiEvents['onJobProgress'];

const progressIntervalMs = 100;

/**
 * One phase's throttle. A dropped update is sent once the interval has passed, so a job waiting
 * on one slow step (a large object after two small ones, a live forward idle after a burst)
 * shows what it has done, not an older count. Nothing is sent after `stop`.
 */
function phaseThrottle(emit: (event: ProgressEvent) => void): { update(event: ProgressEvent): void; flush(): void; stop(): void } {
  let lastEmit = -Infinity;
  let pending: ProgressEvent | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const send = (event: ProgressEvent): void => {
    clearTimeout(timer);
    timer = undefined;
    pending = null;
    lastEmit = Date.now();
    emit(event);
  };
  return {
    update: (event) => {
      const final = event.total !== null && event.done >= event.total;
      const wait = lastEmit + progressIntervalMs - Date.now();
      if (final || wait <= 0) return send(event);
      pending = event;
      timer ??= setTimeout(() => {
        if (pending) send(pending);
      }, wait);
    },
    flush: () => {
      if (pending) send(pending);
    },
    stop: () => clearTimeout(timer),
  };
}

/** Tracks running jobs by id. */
export class JobRegistry {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly events: EventHub<ApiEvents>) {}

  /** Run `work` as a job (id from the client or generated); the job is removed when it settles. */
  async run<T>(jobId: string | undefined, work: (job: Job) => Promise<T>): Promise<T> {
    const id = jobId ?? randomBytes(9).toString('base64url');
    if (this.running.has(id)) {
      throw new ShiplensError('INVALID_ARGUMENT', `A job with id ${id} is already running.`, {
        source: 'jobId',
        hint: 'Use a new job id for each call.',
      });
    }
    const controller = new AbortController();
    this.running.set(id, controller);
    const phases = new Map<string, ReturnType<typeof phaseThrottle>>();
    const job: Job = {
      id,
      signal: controller.signal,
      progress: (phase, done, total, bytes) => {
        let throttle = phases.get(phase);
        if (!throttle) {
          // A new phase: what the earlier ones held back goes first, so events stay in order.
          for (const earlier of phases.values()) earlier.flush();
          throttle = phaseThrottle((event) => this.events.emit('onJobProgress', event));
          phases.set(phase, throttle);
        }
        throttle.update({ jobId: id, phase, done, total, ...(bytes === undefined ? {} : { bytes }) });
      },
    };
    try {
      return await work(job);
    } finally {
      for (const throttle of phases.values()) throttle.stop();
      this.running.delete(id);
    }
  }

  /** Abort a running job; false when no such job runs. */
  cancel(jobId: string): boolean {
    const controller = this.running.get(jobId);
    if (!controller) return false;
    controller.abort(new ShiplensError('CANCELLED', 'The operation was cancelled.'));
    return true;
  }

  /** Ids of running jobs. */
  ids(): string[] {
    return [...this.running.keys()];
  }

  /** Abort everything (app shutdown). */
  cancelAll(): void {
    for (const id of this.ids()) this.cancel(id);
  }
}
