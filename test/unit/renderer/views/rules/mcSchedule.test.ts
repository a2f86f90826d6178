import { describe, expect, it } from 'vitest';
import { scheduleRunLine } from '../../../../../core/maxcompute/schedule';
import { mcScheduleReport } from '../../../../../renderer/views/rules/mcSchedule';

const cst = (iso: string) => Date.parse(`${iso}+08:00`);
const mc = { every: '5m', start: '00:00', stop: '23:59', begin: '$[yyyymmddhh24miss-10/24/60]', end: '$[yyyymmddhh24miss-5/24/60]' };
const job = { partition: '', truncate: false };

describe('mcScheduleReport', () => {
  it("expands the draft's schedule and time range in the zone", () => {
    const report = mcScheduleReport(mc, '+08:00', job, cst('2017-01-20T12:00:00'), 2);
    expect(typeof report === 'string' ? report : report.runs.map(scheduleRunLine)).toEqual([
      '20170120120000  [20170120115000, 20170120115500)',
      '20170120120500  [20170120115500, 20170120120000)',
    ]);
  });

  it("prefers the job's own expressions, falling back to the draft's where one cannot be evaluated", () => {
    const own = { ...job, begin: '$[yyyymmddhh24miss-20/24/60]', end: '${not evaluable' };
    const report = mcScheduleReport(mc, '+08:00', own, cst('2017-01-20T12:00:00'), 1);
    expect(typeof report === 'string' ? report : report.runs.map(scheduleRunLine)).toEqual([
      '20170120120000  [20170120114000, 20170120115500)',
    ]);
  });

  it('says what is wrong with the schedule instead of throwing', () => {
    expect(typeof mcScheduleReport({ ...mc, every: 'soon' }, '+08:00', job, 0, 1)).toBe('string');
  });
});
