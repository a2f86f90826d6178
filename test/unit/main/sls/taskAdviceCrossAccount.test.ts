import { describe, expect, it } from 'vitest';
import { crossAccountFields } from '../../../../core/maxcompute/crossAccount';
import { taskAdviceCrossAccount } from '../../../../main/sls/taskAdvice';

const rule = { roleArn: 'acs:ram::6543210987654321:role/logrole', bucket: 'test-bucket' };

describe('taskAdviceCrossAccount', () => {
  it("points Unauthorized on another account's role to the policy generator, fields filled", () => {
    const advice = taskAdviceCrossAccount('Unauthorized', rule, { project: 'my-project' });
    expect(advice?.fields).toEqual({
      bucketAccountId: '6543210987654321',
      roleName: 'logrole',
      bucket: 'test-bucket',
      projects: 'my-project',
      shippingAccountId: '',
    });
    expect(advice?.en).toContain(
      'The role belongs to account 6543210987654321: its trust policy must name log.aliyuncs.com and the shipping account, and a sub-account needs ram:PassRole on it (shiplens maxcompute policy trust --shipping-account <shipping-account-id> ; shiplens maxcompute policy passrole --role-arn acs:ram::6543210987654321:role/logrole).',
    );
    expect(advice?.['zh-CN']).toContain('该角色属于账号 6543210987654321');
  });

  it("says nothing for other errors, bad ARNs, or the shipping account's own role", () => {
    expect(taskAdviceCrossAccount('InvalidOssBucket', rule)).toBeNull();
    expect(taskAdviceCrossAccount('Unauthorized', { ...rule, roleArn: 'logrole' })).toBeNull();
    expect(taskAdviceCrossAccount('Unauthorized', rule, { shippingAccountId: '6543210987654321' })).toBeNull();
    expect(crossAccountFields(rule, { shippingAccountId: '1234567890123456' })?.shippingAccountId).toBe('1234567890123456');
  });
});
