/**
 * What a user must do about a failed shipping task, per error message (SPEC §5, §7).
 */
import { crossAccountCommands, crossAccountFields } from '../../core/maxcompute';
import type { CrossAccountFields } from '../../core/maxcompute';

/** The error messages SPEC §7 documents. */
export type KnownTaskError = 'Unauthorized' | 'ConfigNotExist' | 'InvalidOssBucket' | 'InternalServerError';

/** Advice in both UI languages. */
export interface TaskAdvice {
  error: KnownTaskError;
  en: string;
  'zh-CN': string;
  /** True when a retry alone may fix it (no configuration change needed first). */
  retryAlone: boolean;
}

const autoRetryEn = ' Failed tasks are retried automatically for two days (after 15, 30, 60 … minutes), so the gap may still fill in.';
const autoRetryZh = '失败的任务会在两天内自动重试（间隔 15、30、60 …… 分钟），该分区之后仍可能补齐。';

const advice: Record<KnownTaskError, Omit<TaskAdvice, 'error'>> = {
  Unauthorized: {
    en:
      "Log Service could not write to OSS with the rule's RAM role: the role is missing, its trust policy names the wrong account, it lacks OSS write permission, or the role ARN is wrong. Fix the role, then retry." +
      autoRetryEn,
    'zh-CN':
      '日志服务无法以投递规则的 RAM 角色写入 OSS：角色不存在、角色的信任策略中账号错误、角色缺少 OSS 写权限，或角色 ARN 填写错误。修正角色后重试。' +
      autoRetryZh,
    retryAlone: false,
  },
  ConfigNotExist: {
    en: "The shipping rule was deleted. Recreate it (a deleted rule's name cannot be reused), then retry.",
    'zh-CN': '投递规则已被删除。请重新创建规则（已删除规则的名称不能再次使用），然后重试。',
    retryAlone: false,
  },
  InvalidOssBucket: {
    en:
      "The OSS bucket does not exist, or it is in another region than the Log Service project (no cross-region shipping). Create the bucket in the project's region or change the rule, then retry." +
      autoRetryEn,
    'zh-CN':
      'OSS Bucket 不存在，或与日志服务 Project 不在同一地域（不支持跨地域投递）。请在 Project 所在地域创建 Bucket 或修改规则，然后重试。' +
      autoRetryZh,
    retryAlone: false,
  },
  InternalServerError: {
    en: 'An internal Log Service error. Retry the task.' + autoRetryEn,
    'zh-CN': '日志服务内部错误，请重试该任务。' + autoRetryZh,
    retryAlone: true,
  },
};

const known = Object.keys(advice) as KnownTaskError[];

/** Advice for a task's error message, or null for an unknown or empty message. */
export function taskAdviceFor(message: string): TaskAdvice | null {
  const trimmed = message.trim();
  if (!trimmed) return null;
  // Messages may carry detail after the code ("Unauthorized: role …"); match the code as a word.
  const error = known.find((code) => new RegExp(`(^|[^A-Za-z])${code}([^A-Za-z]|$)`).test(trimmed));
  return error ? { error, ...advice[error] } : null;
}

/**
 * `Unauthorized` on a rule whose role ARN names another account: the policy generator's fields
 * (bucket owner, role, bucket, project) and the commands that print the policies, or null.
 */
export function taskAdviceCrossAccount(
  message: string,
  rule: { roleArn: string; bucket: string },
  context: { project?: string; shippingAccountId?: string } = {},
): (TaskAdvice & { fields: CrossAccountFields }) | null {
  const advice = taskAdviceFor(message);
  const fields = advice?.error === 'Unauthorized' ? crossAccountFields(rule, context) : null;
  if (!advice || !fields) return null;
  const commands = crossAccountCommands(fields).join(' ; ');
  return {
    ...advice,
    fields,
    en: `${advice.en} The role belongs to account ${fields.bucketAccountId}: its trust policy must name log.aliyuncs.com and the shipping account, and a sub-account needs ram:PassRole on it (${commands}).`,
    'zh-CN': `${advice['zh-CN']}该角色属于账号 ${fields.bucketAccountId}：其信任策略须包含 log.aliyuncs.com 和投递账号，子账号还需要该角色的 ram:PassRole（${commands}）。`,
  };
}
