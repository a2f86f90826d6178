import { describe, expect, it } from 'vitest';
import { taskAdviceFor } from '../../../../main/sls/taskAdvice';

describe('taskAdviceFor', () => {
  it('has advice in both languages for every SPEC §7 message', () => {
    for (const message of ['Unauthorized', 'ConfigNotExist', 'InvalidOssBucket', 'InternalServerError']) {
      const advice = taskAdviceFor(message);
      expect(advice?.error).toBe(message);
      expect(advice?.en.length).toBeGreaterThan(20);
      expect(advice?.['zh-CN'].length).toBeGreaterThan(10);
    }
  });
  it('says what to check for each', () => {
    expect(taskAdviceFor('Unauthorized')?.en).toContain('trust policy');
    expect(taskAdviceFor('Unauthorized')?.['zh-CN']).toContain('RAM 角色');
    expect(taskAdviceFor('ConfigNotExist')?.en).toContain('Recreate');
    expect(taskAdviceFor('InvalidOssBucket')?.en).toContain('another region');
    expect(taskAdviceFor('InternalServerError')?.retryAlone).toBe(true);
    expect(taskAdviceFor('Unauthorized')?.retryAlone).toBe(false);
  });
  it('finds the code inside a longer message, and nothing in unknown ones', () => {
    expect(taskAdviceFor('Unauthorized: role acs:ram::1:role/x cannot write')?.error).toBe('Unauthorized');
    expect(taskAdviceFor('error InvalidOssBucket (bucket b)')?.error).toBe('InvalidOssBucket');
    expect(taskAdviceFor('')).toBeNull();
    expect(taskAdviceFor('SomethingElse')).toBeNull();
    expect(taskAdviceFor('NotUnauthorizedAtAll')).toBeNull();
  });
});
