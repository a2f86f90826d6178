/**
 * A DataWorks minute schedule (every N minutes between a start and a stop time of day) and
 * the [begin, end) windows its runs read, with the overlaps and gaps between consecutive runs.
 */
import { ShiplensError } from '../errors';
import { timeZoneFields, timeZoneToEpochMs } from '../shipping/timeZone';
import type { ScheduleExpression } from './scheduleExpr';
import { scheduleExpressionParse, scheduleExpressionValue, scheduleTextExpand, scheduleTimeFields, scheduleTimeText } from './scheduleExpr';

/** When runs happen: every `everyMinutes` from `start` to `stop` (inclusive) each day, in `zone`. */
export interface Schedule {
  everyMinutes: number;
  /** Minutes after midnight. */
  startMinute: number;
  stopMinute: number;
  zone: string;
}

/** How a run's window meets the previous run's: a gap or an overlap, [from, to). */
export interface ScheduleSeam {
  kind: 'gap' | 'overlap';
  from: string;
  to: string;
}

/** One run: its time and window in `yyyyMMddHHmmss` (wall clock of the zone). */
export interface ScheduleRun {
  runMs: number;
  run: string;
  begin: string;
  end: string;
  /** The window is empty or reversed (begin ≥ end). */
  empty: boolean;
  seam?: ScheduleSeam;
  /** The writer's partition for this run, when a partition expression was given. */
  partition?: string;
}

/** The runs and what is wrong between them. */
export interface ScheduleReport {
  runs: ScheduleRun[];
  gaps: number;
  overlaps: number;
  empty: number;
  /** Set when truncate (insert overwrite) runs write the same partition again. */
  overwrites: number;
}

const maxRuns = 10_000;

/** `HH:MM` → minutes after midnight. */
export function scheduleClockParse(text: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) {
    throw new ShiplensError('INVALID_ARGUMENT', `"${text}" is not a time of day.`, { hint: 'Use HH:MM, e.g. 00:00 or 23:59' });
  }
  return Number(m[1]) * 60 + Number(m[2]);
}

/** `5m`, `1h` → minutes (1 minute to 1 day). */
export function scheduleEveryParse(text: string): number {
  const m = /^(\d+)\s*([mh])$/i.exec(text.trim());
  const minutes = m ? Number(m[1]) * ((m[2] ?? 'm').toLowerCase() === 'h' ? 60 : 1) : NaN;
  if (!(minutes >= 1 && minutes <= 1440)) {
    throw new ShiplensError('INVALID_ARGUMENT', `"${text}" is not an interval.`, { hint: 'Use minutes or hours, e.g. 5m or 1h' });
  }
  return minutes;
}

/** The run instants at or after `fromMs`, at most `count`. */
export function scheduleRunTimes(schedule: Schedule, fromMs: number, count: number): number[] {
  if (schedule.stopMinute < schedule.startMinute) {
    throw new ShiplensError('INVALID_ARGUMENT', 'The stop time is before the start time.', {
      hint: 'DataWorks runs from the start to the stop time of the same day',
    });
  }
  const runs: number[] = [];
  const first = timeZoneFields(fromMs, schedule.zone);
  // Walk calendar days (Date.UTC normalises day overflow across months and years).
  for (let day = 0; runs.length < Math.min(count, maxRuns) && day < maxRuns; day++) {
    const date = new Date(Date.UTC(first.Y, first.m - 1, first.d + day));
    for (let minute = schedule.startMinute; minute <= schedule.stopMinute && runs.length < count; minute += schedule.everyMinutes) {
      const ms = timeZoneToEpochMs(
        { Y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate(), H: Math.floor(minute / 60), M: minute % 60, s: 0 },
        schedule.zone,
      );
      if (ms >= fromMs) runs.push(ms);
    }
  }
  return runs;
}

function timeExpression(text: string, which: string): ScheduleExpression | string {
  if (scheduleTimeFields(text.trim())) return text.trim();
  const expression = scheduleExpressionParse(text);
  if (!expression) {
    throw new ShiplensError('INVALID_ARGUMENT', `${which} "${text}" is a custom parameter, not its value.`, {
      hint: 'Give the definition from the scheduling settings, e.g. $[yyyymmddhh24miss-10/24/60]',
    });
  }
  return expression;
}

function windowValue(e: ScheduleExpression | string, runMs: number, zone: string, which: string): string {
  const value = typeof e === 'string' ? e : scheduleExpressionValue(e, runMs, zone);
  if (!scheduleTimeFields(value)) {
    throw new ShiplensError('INVALID_ARGUMENT', `${which} gives "${value}", not a time in yyyyMMddHHmmss.`, {
      hint: 'The loghub reader needs 14 digits: use the yyyymmddhh24miss format, e.g. $[yyyymmddhh24miss-5/24/60]',
    });
  }
  return value;
}

function seamOf(previous: ScheduleRun | undefined, begin: string): ScheduleSeam | undefined {
  if (!previous || previous.end === begin) return undefined;
  return begin > previous.end ? { kind: 'gap', from: previous.end, to: begin } : { kind: 'overlap', from: begin, to: previous.end };
}

/** Expand begin/end expressions over the next `count` runs from `fromMs`. */
export function scheduleExpand(
  schedule: Schedule,
  input: { begin: string; end: string; partition?: string; truncate?: boolean },
  fromMs: number,
  count: number,
): ScheduleReport {
  const begin = timeExpression(input.begin, 'begin');
  const end = timeExpression(input.end, 'end');
  const report: ScheduleReport = { runs: [], gaps: 0, overlaps: 0, empty: 0, overwrites: 0 };
  for (const runMs of scheduleRunTimes(schedule, fromMs, count)) {
    const run: ScheduleRun = {
      runMs,
      run: scheduleTimeText(timeZoneFields(runMs, schedule.zone)),
      begin: windowValue(begin, runMs, schedule.zone, 'begin'),
      end: windowValue(end, runMs, schedule.zone, 'end'),
      empty: false,
    };
    run.empty = run.begin >= run.end;
    const previous = report.runs[report.runs.length - 1];
    const seam = seamOf(previous, run.begin);
    if (seam) run.seam = seam;
    if (input.partition !== undefined) run.partition = scheduleTextExpand(input.partition, runMs, schedule.zone);
    if (input.truncate && previous && run.partition !== undefined && previous.partition === run.partition) report.overwrites++;
    if (run.empty) report.empty++;
    if (seam?.kind === 'gap') report.gaps++;
    if (seam?.kind === 'overlap') report.overlaps++;
    report.runs.push(run);
  }
  return report;
}

/** One line per run: `run  [begin, end)` plus `gap [a, b)` / `overlap [a, b)` / `empty`. */
export function scheduleRunLine(run: ScheduleRun): string {
  const parts = [run.run, `[${run.begin}, ${run.end})`];
  if (run.partition !== undefined) parts.push(run.partition);
  if (run.empty) parts.push('empty window');
  if (run.seam) parts.push(`${run.seam.kind} [${run.seam.from}, ${run.seam.to})`);
  return parts.join('  ');
}
