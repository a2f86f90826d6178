/**
 * The next runs of a MaxCompute schedule: the draft's every/start/stop in the display zone,
 * with the job's own begin/end expressions when they can be evaluated.
 */
import {
  scheduleClockParse,
  scheduleEveryParse,
  scheduleExpand,
  scheduleExpressionParse,
  scheduleTimeFields,
} from '../../../core/maxcompute';
import type { ScheduleReport } from '../../../core/maxcompute';
import type { MaxComputeDraft } from './maxcomputeSlice';

/** The job's own expression when it can be evaluated, else the draft's definition (`${startTime}`). */
function evaluable(text: string | undefined, fallback: string): string {
  if (text === undefined) return fallback;
  try {
    return scheduleTimeFields(text) || scheduleExpressionParse(text) ? text : fallback;
  } catch {
    return fallback;
  }
}

/** The job's time range and partition as the schedule expands them. */
export interface McScheduleJob {
  begin?: string;
  end?: string;
  partition: string;
  truncate: boolean;
}

/** The next `count` runs from `now`, or what is wrong with the schedule (its message). */
export function mcScheduleReport(
  mc: Pick<MaxComputeDraft, 'every' | 'start' | 'stop' | 'begin' | 'end'>,
  zone: string,
  job: McScheduleJob,
  now: number,
  count: number,
): ScheduleReport | string {
  try {
    const schedule = {
      everyMinutes: scheduleEveryParse(mc.every),
      startMinute: scheduleClockParse(mc.start),
      stopMinute: scheduleClockParse(mc.stop),
      zone,
    };
    const range = {
      begin: evaluable(job.begin, mc.begin),
      end: evaluable(job.end, mc.end),
      partition: job.partition || undefined,
      truncate: job.truncate,
    };
    return scheduleExpand(schedule, range, now, count);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
