import { describe, expect, it } from 'vitest';
import { shippingRuleDefault } from '../../../../../core/shipping';
import { rangePlan } from '../../../../../renderer/views/browse/rangePlan';

const rule = { ...shippingRuleDefault(), bucket: 'b', prefix: 'test-table', partitionFormat: '%Y/%m/%d/%H/%M' };

describe('rangePlan', () => {
  it('is null without a rule', () => {
    expect(rangePlan(null, '2017-01-20 19:00', '2017-01-20 20:00', '+08:00')).toBeNull();
  });

  it('asks for the expected form when a time does not parse', () => {
    expect(rangePlan(rule, '2017-01-20', '2017-01-20 20:00', '+08:00')).toBe('YYYY-MM-DD HH:MM');
  });

  it('plans the partitions of a range typed in the zone', () => {
    const plan = rangePlan(rule, '2017-01-20 19:00', '2017-01-20 20:00', '+08:00');
    if (plan === null || typeof plan === 'string') throw new Error(`no plan: ${plan}`);
    expect(plan.logFromMs).toBe(Date.parse('2017-01-20T19:00:00+08:00'));
    expect(plan.prefixes.length).toBeGreaterThan(0);
    expect(plan.prefixes.every((p) => p.startsWith('test-table/2017/01/20/'))).toBe(true);
  });

  it("says the planner's refusal in its words", () => {
    expect(rangePlan(rule, '2017-01-20 20:00', '2017-01-20 19:00', '+08:00')).toContain('from < to');
  });
});
