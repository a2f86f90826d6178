/**
 * RAM policies for reading Log Service from DataWorks and for shipping across accounts
 * (SPEC §8, §9): generated from account ids, project, bucket and role name, and checked.
 */
import type { JobIssue } from './jobIssue';
import { jobIssue } from './jobIssue';

/** A RAM policy document (`"Version": "1"`). */
export interface RamPolicy {
  Version: '1';
  Statement: RamStatement[];
}

/** One statement of a RAM policy. */
export interface RamStatement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource?: string | string[];
  Principal?: { Service?: string[]; RAM?: string[] };
}

/** The document's custom policy actions for reading a Logstore with a consumer group (SPEC §9). */
export const logReadActions = [
  'log:Get*',
  'log:List*',
  'log:CreateConsumerGroup',
  'log:UpdateConsumerGroup',
  'log:DeleteConsumerGroup',
  'log:ListConsumerGroup',
  'log:ConsumerGroupUpdateCheckPoint',
  'log:ConsumerGroupHeartBeat',
  'log:GetConsumerGroupCheckPoint',
] as const;

const accountPattern = /^\d{16}$/;
const roleNamePattern = /^[A-Za-z0-9.-]{1,64}$/;
const projectPattern = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
const bucketPattern = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
const roleArnPattern = /^acs:ram::(\d+):role\/([^/\s]+)$/;

/** Checks shared by every generator; `path` names the input field. */
export function policyAccountIssues(accountId: string, path: string): JobIssue[] {
  return accountPattern.test(accountId)
    ? []
    : [jobIssue(path, 'VALUE', `Account id "${accountId}" is not 16 digits.`, `账号 ID "${accountId}" 不是 16 位数字。`)];
}

function roleNameIssues(role: string, path: string): JobIssue[] {
  return roleNamePattern.test(role)
    ? []
    : [
        jobIssue(
          path,
          'VALUE',
          `Role name "${role}" is invalid: 1–64 letters, digits, "." and "-".`,
          `角色名称 "${role}" 无效：1–64 个字母、数字、"." 或 "-"。`,
        ),
      ];
}

function projectIssues(project: string, path: string): JobIssue[] {
  return projectPattern.test(project)
    ? []
    : [
        jobIssue(
          path,
          'VALUE',
          `Project name "${project}" is invalid: 3–63 lowercase letters, digits and "-", starting and ending with a letter or digit.`,
          `Project 名称 "${project}" 无效：3–63 个小写字母、数字或 "-"，以字母或数字开头和结尾。`,
        ),
      ];
}

/** Problems of a role ARN: shape `acs:ram::<16-digit account>:role/<name>`. */
export function roleArnIssues(arn: string, path = 'roleArn'): JobIssue[] {
  const m = roleArnPattern.exec(arn.trim());
  if (!m)
    return [
      jobIssue(
        path,
        'VALUE',
        `"${arn}" is not a role ARN like acs:ram::1234567890123456:role/aliyunlogdefaultrole.`,
        `"${arn}" 不是角色 ARN，应形如 acs:ram::1234567890123456:role/aliyunlogdefaultrole。`,
      ),
    ];
  return [...policyAccountIssues(m[1] ?? '', path), ...roleNameIssues(m[2] ?? '', path)];
}

/** The account id and role name of a role ARN, or null when it is not one. */
export function roleArnParse(arn: string): { accountId: string; roleName: string } | null {
  const m = roleArnPattern.exec(arn.trim());
  return m ? { accountId: m[1] ?? '', roleName: m[2] ?? '' } : null;
}

/** `acs:ram::<account>:role/<name>` (RAM shows role names lower-cased in ARNs). */
export function roleArn(accountId: string, roleName: string): string {
  return `acs:ram::${accountId}:role/${roleName.toLowerCase()}`;
}

/** A policy or the problems that stop it. */
export type PolicyResult = { ok: true; policy: RamPolicy } | { ok: false; issues: JobIssue[] };

function result(issues: JobIssue[], make: () => RamPolicy): PolicyResult {
  return issues.length > 0 ? { ok: false, issues } : { ok: true, policy: make() };
}

/** Custom policy for a sub-account that DataWorks uses to read the chosen projects (SPEC §9). */
export function policySubaccount(input: { projects: string[]; accountId?: string; region?: string }): PolicyResult {
  const issues = input.projects.flatMap((p, i) => projectIssues(p, `projects[${i}]`));
  if (input.projects.length === 0) issues.push(jobIssue('projects', 'MISSING', 'Name at least one project.', '请至少指定一个 Project。'));
  if (input.accountId) issues.push(...policyAccountIssues(input.accountId, 'accountId'));
  const region = input.region || '*';
  const account = input.accountId || '*';
  const resources = input.projects.flatMap((p) => [
    `acs:log:${region}:${account}:project/${p}`,
    `acs:log:${region}:${account}:project/${p}/*`,
  ]);
  return result(issues, () => ({ Version: '1', Statement: [{ Action: [...logReadActions], Resource: resources, Effect: 'Allow' }] }));
}

/** Trust policy of the bucket owner's role: Log Service of the shipping account may assume it (SPEC §8). */
export function policyTrust(input: { shippingAccountId: string }): PolicyResult {
  return result(policyAccountIssues(input.shippingAccountId, 'shippingAccountId'), () => ({
    Version: '1',
    Statement: [
      {
        Action: 'sts:AssumeRole',
        Effect: 'Allow',
        Principal: { Service: [`${input.shippingAccountId}@log.aliyuncs.com`, 'log.aliyuncs.com'] },
      },
    ],
  }));
}

/** What the bucket owner's role may do: write objects under the bucket (and read the prefix it checks). */
export function policyOssWrite(input: { bucketAccountId: string; bucket: string }): PolicyResult {
  const issues = [...policyAccountIssues(input.bucketAccountId, 'bucketAccountId')];
  if (!bucketPattern.test(input.bucket))
    issues.push(
      jobIssue(
        'bucket',
        'VALUE',
        `Bucket name "${input.bucket}" is invalid: 3–63 lowercase letters, digits and "-".`,
        `Bucket 名称 "${input.bucket}" 无效：3–63 个小写字母、数字或 "-"。`,
      ),
    );
  return result(issues, () => ({
    Version: '1',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['oss:PutObject', 'oss:GetBucketInfo', 'oss:ListObjects'],
        Resource: [`acs:oss:*:${input.bucketAccountId}:${input.bucket}`, `acs:oss:*:${input.bucketAccountId}:${input.bucket}/*`],
      },
    ],
  }));
}

/** `ram:PassRole` on the bucket owner's role, for the shipping account's sub-account that creates the rule (SPEC §8). */
export function policyPassRole(input: { bucketAccountId: string; roleName: string }): PolicyResult {
  const issues = [...policyAccountIssues(input.bucketAccountId, 'bucketAccountId'), ...roleNameIssues(input.roleName, 'roleName')];
  return result(issues, () => ({
    Version: '1',
    Statement: [{ Effect: 'Allow', Action: 'ram:PassRole', Resource: roleArn(input.bucketAccountId, input.roleName) }],
  }));
}

/** Policy JSON text (2-space indent, trailing newline). */
export function policyToJson(policy: RamPolicy): string {
  return `${JSON.stringify(policy, null, 2)}\n`;
}
