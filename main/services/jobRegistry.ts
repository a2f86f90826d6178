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
  /** Report progress (`bytes`: written so far, when done/total count objects); throttled, except phase changes and completion. */
  progress(phase: string, done: number, total: number | null, bytes?: number): void;
}

const progressIntervalMs = 100;

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
    let lastEmit = 0;
    let lastPhase = '';
    // A dropped update is sent once the interval has passed, so a job waiting on one slow step
    // (a large object after two small ones) shows what it has done, not an older count.
    let pending: ApiEvents['onJobProgress'] | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const emit = (event: ApiEvents['onJobProgress']) => {
      clearTimeout(timer);
      timer = undefined;
      pending = null;
      lastEmit = Date.now();
      lastPhase = event.phase;
      this.events.emit('onJobProgress', event);
    };
    const job: Job = {
      id,
      signal: controller.signal,
      progress: (phase, done, total, bytes) => {
        const event = { jobId: id, phase, done, total, ...(bytes === undefined ? {} : { bytes }) };
        const final = total !== null && done >= total;
        const wait = lastEmit + progressIntervalMs - Date.now();
        if (phase !== lastPhase || final || wait <= 0) {
          emit(event);
          return;
        }
        pending = event;
        timer ??= setTimeout(() => {
          if (pending) emit(pending);
        }, wait);
      },
    };
    try {
      return await work(job);
    } finally {
      clearTimeout(timer);
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
