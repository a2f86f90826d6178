import { describe, expect, it } from 'vitest';
import { scheduleClockParse, scheduleEveryParse, scheduleExpand, scheduleRunLine } from '../../../../core/maxcompute/schedule';
import type { Schedule } from '../../../../core/maxcompute/schedule';
import { scheduleExpressionParse, scheduleExpressionValue, scheduleTextExpand } from '../../../../core/maxcompute/scheduleExpr';

const cst = (iso: string) => Date.parse(`${iso}+08:00`);
const every5: Schedule = { everyMinutes: 5, startMinute: 0, stopMinute: 23 * 60 + 59, zone: '+08:00' };
const docWindow = { begin: '$[yyyymmddhh24miss-10/24/60]', end: '$[yyyymmddhh24miss-5/24/60]' };
const lines = (schedule: Schedule, input: Parameters<typeof scheduleExpand>[1], from: number, n: number) =>
  scheduleExpand(schedule, input, from, n).runs.map(scheduleRunLine);

describe('scheduling expressions', () => {
  const value = (text: string, run: number, zone = '+08:00') => scheduleExpressionValue(scheduleExpressionParse(text)!, run, zone);

  it('evaluates the document forms against hand-computed values', () => {
    const run = cst('2017-03-01T00:05:00');
    expect(value('${bdp.system.cyctime}', run)).toBe('20170301000500');
    expect(value('${bdp.system.bizdate}', run)).toBe('20170228');
    expect(value('$[yyyymmddhh24miss-10/24/60]', run)).toBe('20170228235500');
    expect(value('${yyyymmddhh24miss-10/24/60}', run)).toBe('20170228235500');
    expect(value('$[yyyymmddhh24miss+1/24]', run)).toBe('20170301010500');
    expect(value('${yyyymmdd}', run)).toBe('20170228');
    expect(value('${yyyymmdd-1}', run)).toBe('20170227');
    expect(value('$[yyyymmdd-1]', run)).toBe('20170228');
    expect(value('$[yyyy-mm-dd hh24:mi:ss]', run)).toBe('2017-03-01 00:05:00');
    expect(scheduleTextExpand('pt=$[yyyymmdd],hh=$[hh24],mi=$[mi-5/24/60]', run, '+08:00')).toBe('pt=20170301,hh=00,mi=00');
    expect(value('${bdp.system.bizdate}', cst('2016-03-01T08:00:00'))).toBe('20160229');
  });

  it('reads the same instant in another zone', () => {
    const run = Date.UTC(2017, 0, 20, 16, 5);
    expect(value('$[yyyymmddhh24miss-10/24/60]', run, '+08:00')).toBe('20170120235500');
    expect(value('$[yyyymmddhh24miss-10/24/60]', run, 'UTC')).toBe('20170120155500');
    expect(value('${bdp.system.bizdate}', run, '+08:00')).toBe('20170120');
    expect(value('${bdp.system.bizdate}', run, 'UTC')).toBe('20170119');
  });

  it('keeps custom parameters and refuses what it cannot evaluate', () => {
    expect(scheduleExpressionParse('${startTime}')).toBeNull();
    expect(scheduleTextExpand('pt=${bdp.system.bizdate},x=${startTime}', cst('2017-01-21T00:05:00'), '+08:00')).toBe(
      'pt=20170120,x=${startTime}',
    );
    expect(() => scheduleExpressionParse('$[add_months(yyyymmdd,-1)]')).toThrow(
      'Cannot evaluate the scheduling expression "$[add_months(yyyymmdd,-1)]".',
    );
    expect(() => scheduleExpressionParse('yyyymmdd')).toThrow('Cannot evaluate');
  });
});

describe('scheduleExpand', () => {
  it('gives contiguous windows across midnight (+08:00)', () => {
    expect(lines(every5, docWindow, cst('2017-01-20T23:50:00'), 4)).toEqual([
      '20170120235000  [20170120234000, 20170120234500)',
      '20170120235500  [20170120234500, 20170120235000)',
      '20170121000000  [20170120235000, 20170120235500)',
      '20170121000500  [20170120235500, 20170121000000)',
    ]);
  });

  it('crosses month and year ends, leap day included', () => {
    expect(lines(every5, docWindow, cst('2017-02-28T23:55:00'), 2)).toEqual([
      '20170228235500  [20170228234500, 20170228235000)',
      '20170301000000  [20170228235000, 20170228235500)',
    ]);
    expect(lines(every5, docWindow, cst('2016-02-29T23:58:00'), 1)).toEqual(['20160301000000  [20160229235000, 20160229235500)']);
    expect(lines(every5, docWindow, cst('2016-12-31T23:57:00'), 2)).toEqual([
      '20170101000000  [20161231235000, 20161231235500)',
      '20170101000500  [20161231235500, 20170101000000)',
    ]);
  });

  it('runs on the wall clock of the zone', () => {
    const utc: Schedule = { ...every5, zone: 'UTC' };
    const from = Date.UTC(2017, 0, 20, 16, 0);
    expect(lines(every5, docWindow, from, 1)).toEqual(['20170121000000  [20170120235000, 20170120235500)']);
    expect(lines(utc, docWindow, from, 1)).toEqual(['20170120160000  [20170120155000, 20170120155500)']);
  });

  it('shows the gap a stop time leaves and the overlap of too wide windows', () => {
    const until23: Schedule = { ...every5, stopMinute: scheduleClockParse('23:00') };
    const report = scheduleExpand(until23, docWindow, cst('2017-01-20T22:55:00'), 3);
    expect(report.runs.map(scheduleRunLine)).toEqual([
      '20170120225500  [20170120224500, 20170120225000)',
      '20170120230000  [20170120225000, 20170120225500)',
      '20170121000000  [20170120235000, 20170120235500)  gap [20170120225500, 20170120235000)',
    ]);
    expect([report.gaps, report.overlaps, report.empty]).toEqual([1, 0, 0]);
    const wide = scheduleExpand(
      every5,
      { begin: '$[yyyymmddhh24miss-10/24/60]', end: '${bdp.system.cyctime}' },
      cst('2017-01-20T12:00:00'),
      2,
    );
    expect(wide.runs.map(scheduleRunLine)[1]).toBe(
      '20170120120500  [20170120115500, 20170120120500)  overlap [20170120115500, 20170120120000)',
    );
    expect(wide.overlaps).toBe(1);
  });

  it('counts truncate runs that overwrite the partition the previous run wrote', () => {
    const report = scheduleExpand(
      every5,
      { ...docWindow, partition: 'pt=${bdp.system.bizdate}', truncate: true },
      cst('2017-01-20T23:55:00'),
      3,
    );
    expect(report.runs.map((r) => r.partition)).toEqual(['pt=20170119', 'pt=20170120', 'pt=20170120']);
    expect(report.overwrites).toBe(1);
  });

  it('gives the specified messages for bad schedules and windows', () => {
    expect(() => scheduleEveryParse('5s')).toThrow('"5s" is not an interval.');
    expect(scheduleEveryParse('1h')).toBe(60);
    expect(() => scheduleClockParse('24:00')).toThrow('"24:00" is not a time of day.');
    expect(() => scheduleExpand(every5, { begin: '${startTime}', end: docWindow.end }, 0, 1)).toThrow(
      'begin "${startTime}" is a custom parameter, not its value.',
    );
    expect(() => scheduleExpand(every5, { begin: '$[yyyymmdd]', end: docWindow.end }, 0, 1)).toThrow(
      'begin gives "19700101", not a time in yyyyMMddHHmmss.',
    );
    const empty = scheduleExpand(every5, { begin: docWindow.end, end: docWindow.begin }, cst('2017-01-20T12:00:00'), 1);
    expect(empty.runs.map(scheduleRunLine)).toEqual(['20170120120000  [20170120115500, 20170120115000)  empty window']);
  });
});
