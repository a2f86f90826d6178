import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planIncludesTask, planLogTimeRange } from '../../../../core/shipping/planner';
import { objectKeyBuild } from '../../../../core/shipping/objectKey';
import { shippingRuleDefault } from '../../../../core/shipping/rule';
import type { ShippingRule } from '../../../../core/model/rule';

const cst = (iso: string) => Date.parse(`${iso}+08:00`);
function rule(partitionFormat: string, patch: Partial<ShippingRule> = {}): ShippingRule {
  return { ...shippingRuleDefault(), prefix: 'p', partitionFormat, ...patch };
}

describe('planLogTimeRange', () => {
  // SPEC §5: to read all of 2016-06-22 also read the first partitions of 2016-06-23.
  it.each([
    ['%Y/%m/%d/%H/%M', ['p/2016/06/22/', 'p/2016/06/23/00/']],
    ['ds=%Y%m%d/%H', ['p/ds=20160622/', 'p/ds=20160623/00']],
    ['year=%Y/mon=%m/day=%d/log_%H%M%s', ['p/year=2016/mon=06/day=22/log_', 'p/year=2016/mon=06/day=23/log_00']],
    ['%Y%m%d%H', ['p/20160622', 'p/2016062300']],
    ['%Y%m%d/', ['p/20160622/', 'p/20160623/']],
    // strptime directives cut like the field they are as fine as.
    ['%F/%H', ['p/2016-06-22/', 'p/2016-06-23/00']],
    ['%y/%b/%e/%k', ['p/16/Jun/22/', 'p/16/Jun/23/ 0']],
  ])('plans a whole day for %s', (format, prefixes) => {
    const plan = planLogTimeRange(rule(format), cst('2016-06-22T00:00:00'), cst('2016-06-23T00:00:00'));
    expect(plan.prefixes).toEqual(prefixes);
    expect(plan.taskFromMs).toBe(cst('2016-06-22T00:00:00'));
    expect(plan.taskToMs).toBe(cst('2016-06-23T00:15:00'));
  });

  it('uses a month prefix when a whole month is covered', () => {
    const plan = planLogTimeRange(rule('%Y/%m/%d/%H/%M'), cst('2016-06-01T00:00:00'), cst('2016-07-01T00:00:00'));
    expect(plan.prefixes).toEqual(['p/2016/06/', 'p/2016/07/01/00/']);
    expect(plan.granularity).toBe('H');
  });

  it('lists one hour for a range inside an hour', () => {
    const plan = planLogTimeRange(rule('%Y/%m/%d/%H/%M'), cst('2016-06-22T10:05:00'), cst('2016-06-22T10:20:00'));
    expect(plan.prefixes).toEqual(['p/2016/06/22/10/']);
  });

  it('goes down to minutes when asked', () => {
    const plan = planLogTimeRange(
      rule('%Y/%m/%d/%H/%M', { bufferIntervalSec: 300 }),
      cst('2016-06-22T10:05:00'),
      cst('2016-06-22T10:07:00'),
      { finest: 'M', slackMs: 0 },
    );
    expect(plan.prefixes).toEqual([
      'p/2016/06/22/10/05',
      'p/2016/06/22/10/06',
      'p/2016/06/22/10/07',
      'p/2016/06/22/10/08',
      'p/2016/06/22/10/09',
      'p/2016/06/22/10/10',
      'p/2016/06/22/10/11',
    ]);
  });

  it('falls back to a coarser level beyond maxPrefixes', () => {
    const plan = planLogTimeRange(rule('%Y/%m/%d/%H/%M'), cst('2016-06-01T01:30:00'), cst('2016-06-03T22:30:00'), { maxPrefixes: 10 });
    expect(plan.prefixes).toEqual(['p/2016/06/01/', 'p/2016/06/02/', 'p/2016/06/03/']);
    expect(plan.granularity).toBe('d');
    expect(planLogTimeRange(rule('%Y/%m/%d/%H/%M'), cst('2016-06-01T01:30:00'), cst('2016-06-03T22:30:00')).prefixes).toHaveLength(47);
  });

  it('falls back to the rule prefix when even the coarsest level is too many', () => {
    const plan = planLogTimeRange(rule('%Y/%m'), cst('2010-06-01T00:00:00'), cst('2016-06-03T00:00:00'), { maxPrefixes: 3 });
    expect(plan.prefixes).toEqual(['p/']);
    expect(plan.granularity).toBeNull();
  });

  it('renders prefixes in the rule time zone', () => {
    const plan = planLogTimeRange(rule('%Y/%m/%d/%H', { timeZone: 'UTC' }), Date.UTC(2016, 5, 22), Date.UTC(2016, 5, 23));
    expect(plan.prefixes).toEqual(['p/2016/06/22/', 'p/2016/06/23/00']);
  });

  it('handles a format without time directives and an empty prefix', () => {
    expect(planLogTimeRange(rule('static', { prefix: '' }), 0, 1000).prefixes).toEqual(['static']);
  });

  it('explains itself in English and Chinese', () => {
    const plan = planLogTimeRange(rule('%Y/%m/%d/%H/%M'), cst('2016-06-22T00:00:00'), cst('2016-06-23T00:00:00'));
    expect(plan.explanation.en).toBe(
      'Logs written from 2016-06-22 00:00:00 to 2016-06-23 00:00:00 (+08:00) are in tasks created from 2016-06-22 00:00:00 to 2016-06-23 00:15:00: the partition is the task creation time, a task holds the logs of the 300 s before it, and 10 min are added for late delivery. List 2 prefixes (whole units where covered, down to one hour), keeping objects whose task time is in that window.',
    );
    expect(plan.explanation['zh-CN']).toBe(
      '日志时间 2016-06-22 00:00:00 至 2016-06-23 00:00:00（+08:00）的数据位于创建时间 2016-06-22 00:00:00 至 2016-06-23 00:15:00 的投递任务中：分区按任务创建时间划分，每个任务包含其创建前 300 秒内的日志，另加 10 分钟的延迟余量。需列举 2 个前缀（能整段覆盖的按整段，最细到小时），并只保留任务时间在此范围内的对象。',
    );
  });

  it.each([
    [rule('%Y'), 10, 10, 'TIME_INVALID'],
    [rule('%Y'), Number.NaN, 10, 'TIME_INVALID'],
    [rule('%Y/%q'), 0, 10, 'PARTITION_FORMAT_INVALID'],
    [rule('%Y', { timeZone: 'Nowhere' }), 0, 10, 'TIME_ZONE_INVALID'],
  ])('throws %# with a typed error', (r, from, to, code) => {
    expect(() => planLogTimeRange(r, from, to)).toThrow(expect.objectContaining({ code }));
  });
});

describe('planIncludesTask', () => {
  it('is half-open', () => {
    const plan = planLogTimeRange(rule('%Y'), 0, 1000, { slackMs: 0 });
    expect([
      planIncludesTask(plan, -1),
      planIncludesTask(plan, 0),
      planIncludesTask(plan, 300_999),
      planIncludesTask(plan, 301_000),
    ]).toEqual([false, true, true, false]);
  });
});

describe('planLogTimeRange coverage (property)', () => {
  it('every task time in the window has its key under one of the prefixes', () => {
    const formats = ['%Y/%m/%d/%H/%M', 'ds=%Y%m%d/%H', 'year=%Y/mon=%m/day=%d/log_%H%M%s', '%Y%m%d%H', '%Y%m%d/', '%H/%Y%m%d'];
    fc.assert(
      fc.property(
        fc.constantFrom(...formats),
        fc.constantFrom('+08:00', 'UTC', '-05:30', 'Europe/Berlin'),
        fc.integer({ min: Date.UTC(2016, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.integer({ min: 1000, max: 9 * 86_400_000 }),
        fc.constantFrom(undefined, 'd', 'M') as fc.Arbitrary<'d' | 'M' | undefined>,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 }),
        (format, timeZone, from, span, finest, samples) => {
          const r = rule(format, { timeZone });
          const plan = planLogTimeRange(r, from, from + span, { finest, maxPrefixes: 40 });
          expect(plan.prefixes.length).toBeLessThanOrEqual(40);
          for (const u of [0, ...samples]) {
            const t = Math.min(plan.taskToMs - 1, Math.floor(plan.taskFromMs + u * (plan.taskToMs - plan.taskFromMs)));
            const key = objectKeyBuild(r, BigInt(t) * 1_000_000n, 1);
            expect(plan.prefixes.some((p) => key.startsWith(p))).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('planLogTimeRange across DST', () => {
  it.each(['America/Santiago', 'America/New_York', 'Europe/Berlin', 'Asia/Beirut'])(
    'covers the days around the transitions in %s',
    (timeZone) => {
      const r = rule('%Y/%m/%d/%H/%M', { timeZone });
      for (const [from, to] of [
        [Date.UTC(2024, 2, 29), Date.UTC(2024, 3, 9)],
        [Date.UTC(2024, 8, 5), Date.UTC(2024, 8, 10)],
        [Date.UTC(2024, 9, 25), Date.UTC(2024, 10, 5)],
      ] as const) {
        const plan = planLogTimeRange(r, from, to);
        for (let t = plan.taskFromMs; t < plan.taskToMs; t += 1_800_000) {
          const key = objectKeyBuild(r, BigInt(t) * 1_000_000n, 1);
          expect(plan.prefixes.some((p) => key.startsWith(p))).toBe(true);
        }
      }
    },
  );
});
