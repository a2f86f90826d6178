/**
 * When Log Service retries a failed shipping task by itself (SPEC §5, §7): failed tasks of the
 * last two days are retried with back-off 15, 30, 60 … minutes. The document gives the
 * intervals, not the anchor: we count them from the task's creation, so the times are an
 * estimate to plan around (the user can always retry at once).
 */

/** Log Service stops retrying two days after the task was created. */
export const autoRetryWindowMs = 2 * 86_400_000;
const firstBackOffMs = 15 * 60_000;

/** The next automatic retry (null when retries have ended) and when they stop. */
export interface TaskAutoRetry {
  nextMs: number | null;
  stopsMs: number;
}

/** The automatic retry times of a task created at `createTimeMs`, in order. */
export function autoRetryTimes(createTimeMs: number): number[] {
  const times: number[] = [];
  let at = createTimeMs;
  for (let backOff = firstBackOffMs; at + backOff <= createTimeMs + autoRetryWindowMs; backOff *= 2) {
    at += backOff;
    times.push(at);
  }
  return times;
}

/** Where a failed task created at `createTimeMs` stands in Log Service's retry schedule at `nowMs`. */
export function taskAutoRetry(createTimeMs: number, nowMs: number): TaskAutoRetry {
  const next = autoRetryTimes(createTimeMs).find((t) => t > nowMs);
  return { nextMs: next ?? null, stopsMs: createTimeMs + autoRetryWindowMs };
}
