import { describe, expect, it } from 'vitest';
import { jobGenerate } from '../../../../core/maxcompute/job';
import { jobIssueLine } from '../../../../core/maxcompute/jobIssue';
import {
  policyOssWrite,
  policyPassRole,
  policySubaccount,
  policyTrust,
  roleArnIssues,
  roleArnParse,
} from '../../../../core/maxcompute/policy';
import type { PolicyResult } from '../../../../core/maxcompute/policy';
import { tableDdlOfJob, tablePartitionColumns, tableWriteMode } from '../../../../core/maxcompute/table';
import { policySchema } from './jobSchema';

const a = '1234567890123456';
const b = '6543210987654321';

function policyOf(result: PolicyResult): unknown {
  if (!result.ok) throw new Error(result.issues.map((i) => jobIssueLine(i)).join('\n'));
  const value: unknown = JSON.parse(JSON.stringify(result.policy));
  const parsed = policySchema.safeParse(value);
  expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  return value;
}

describe('tableDdl', () => {
  it('maps Parquet types, keeps STRING for the rest and partitions by the writer partition', () => {
    const job = jobGenerate({ datasource: 'sls', logstore: 'app-log', table: 'app_log', columns: ['__time__', 'status', 'ip', "'web'"] });
    expect(tableDdlOfJob(job, { __time__: 'int32', status: 'int64' })).toBe(
      [
        'SET odps.sql.type.system.odps2=true;',
        'CREATE TABLE IF NOT EXISTS `app_log` (',
        "  `time` INT COMMENT 'log field __time__',",
        "  `status` BIGINT COMMENT 'log field status',",
        "  `ip` STRING COMMENT 'log field ip',",
        "  `const_value` STRING COMMENT 'log field \\'web\\''",
        ')',
        'PARTITIONED BY (`pt` STRING);',
        '',
      ].join('\n'),
    );
    expect(tablePartitionColumns('pt=${bdp.system.bizdate},hh=$[hh24]')).toEqual(['pt', 'hh']);
    expect(tablePartitionColumns('')).toEqual([]);
  });

  it('explains the write modes', () => {
    expect(tableWriteMode(true).statement).toBe('INSERT OVERWRITE');
    expect(tableWriteMode(false).statement).toBe('INSERT INTO');
  });
});

describe('RAM policies', () => {
  it('sub-account read policy: the document actions on each project', () => {
    expect(policyOf(policySubaccount({ projects: ['project-a', 'project-b'] }))).toEqual({
      Version: '1',
      Statement: [
        {
          Action: [
            'log:Get*',
            'log:List*',
            'log:CreateConsumerGroup',
            'log:UpdateConsumerGroup',
            'log:DeleteConsumerGroup',
            'log:ListConsumerGroup',
            'log:ConsumerGroupUpdateCheckPoint',
            'log:ConsumerGroupHeartBeat',
            'log:GetConsumerGroupCheckPoint',
          ],
          Resource: [
            'acs:log:*:*:project/project-a',
            'acs:log:*:*:project/project-a/*',
            'acs:log:*:*:project/project-b',
            'acs:log:*:*:project/project-b/*',
          ],
          Effect: 'Allow',
        },
      ],
    });
  });

  it('trust policy names log.aliyuncs.com and the shipping account', () => {
    expect(policyOf(policyTrust({ shippingAccountId: a }))).toEqual({
      Version: '1',
      Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: [`${a}@log.aliyuncs.com`, 'log.aliyuncs.com'] } }],
    });
  });

  it('PassRole and OSS write policies name the bucket owner role and bucket', () => {
    expect(policyOf(policyPassRole({ bucketAccountId: b, roleName: 'AliyunLogDefaultRole' }))).toEqual({
      Version: '1',
      Statement: [{ Effect: 'Allow', Action: 'ram:PassRole', Resource: `acs:ram::${b}:role/aliyunlogdefaultrole` }],
    });
    expect(policyOf(policyOssWrite({ bucketAccountId: b, bucket: 'test-bucket' }))).toMatchObject({
      Statement: [{ Resource: [`acs:oss:*:${b}:test-bucket`, `acs:oss:*:${b}:test-bucket/*`] }],
    });
  });

  it('refuses bad account ids, names and ARNs with the specified messages', () => {
    const lines = (r: PolicyResult) => (r.ok ? [] : r.issues.map((i) => jobIssueLine(i)));
    expect(lines(policyTrust({ shippingAccountId: '13234' }))).toEqual(['shippingAccountId: Account id "13234" is not 16 digits.']);
    expect(lines(policyPassRole({ bucketAccountId: b, roleName: 'log role' }))).toEqual([
      'roleName: Role name "log role" is invalid: 1–64 letters, digits, "." and "-".',
    ]);
    expect(lines(policySubaccount({ projects: ['Bad_Project'] }))).toEqual([
      'projects[0]: Project name "Bad_Project" is invalid: 3–63 lowercase letters, digits and "-", starting and ending with a letter or digit.',
    ]);
    expect(roleArnIssues('acs:ram::13234:role/logrole').map((i) => jobIssueLine(i))).toEqual([
      'roleArn: Account id "13234" is not 16 digits.',
    ]);
    expect(roleArnIssues('acs:ram:13234:role/logrole').map((i) => i.code)).toEqual(['VALUE']);
    expect(roleArnParse(`acs:ram::${b}:role/logrole`)).toEqual({ accountId: b, roleName: 'logrole' });
  });
});

describe('job field sources', () => {
  it('reads typed fields, rules and tables', async () => {
    const { jobFieldsOfRule, jobFieldsOfTable, jobFieldsTyped } = await import('../../../../core/maxcompute/jobSources');
    expect(jobFieldsTyped('__time__:int64, ip,__tag__:__client_ip__, seq:double')).toEqual({
      columns: ['__time__', 'ip', '__tag__:__client_ip__', 'seq'],
      types: { __time__: 'int64', seq: 'double' },
    });
    expect(
      jobFieldsOfTable([
        { name: 'a', type: 'int32' },
        { name: 'b', type: 'timestamp' },
      ]),
    ).toEqual({ columns: ['a', 'b'], types: { a: 'int32' } });
    const { shippingRuleDefault } = await import('../../../../core/shipping/rule');
    expect(
      jobFieldsOfRule({
        ...shippingRuleDefault(),
        format: 'csv',
        csv: { columns: ['ip', 'msg'], delimiter: ',', quote: '"', nullValue: '', header: false },
      }),
    ).toEqual({ columns: ['ip', 'msg'], types: {} });
    expect(jobFieldsOfRule(shippingRuleDefault()).columns).toEqual(['__time__', '__topic__', '__source__']);
  });
});
