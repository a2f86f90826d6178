/**
 * `Unauthorized` on a rule whose RAM role belongs to another account (SPEC §7, §8): what the
 * policy generator needs, taken from the rule, so the advice can open it filled in.
 */
import { roleArnParse } from './policy';

/** The generator's fields for a cross-account rule (the shipping account is typed by the user when unknown). */
export interface CrossAccountFields {
  bucketAccountId: string;
  roleName: string;
  bucket: string;
  projects: string;
  shippingAccountId: string;
}

/**
 * Fields for the policy generator, or null when the role ARN is not one or names the shipping
 * account itself (then the trust policy is the account's own and cross-account set-up is moot).
 */
export function crossAccountFields(
  rule: { roleArn: string; bucket: string },
  context: { project?: string; shippingAccountId?: string } = {},
): CrossAccountFields | null {
  const role = roleArnParse(rule.roleArn);
  if (!role) return null;
  if (context.shippingAccountId && context.shippingAccountId === role.accountId) return null;
  return {
    bucketAccountId: role.accountId,
    roleName: role.roleName,
    bucket: rule.bucket,
    projects: context.project ?? '',
    shippingAccountId: context.shippingAccountId ?? '',
  };
}

/** The CLI lines that generate the three policies for these fields. */
export function crossAccountCommands(fields: CrossAccountFields): string[] {
  const shipping = fields.shippingAccountId || '<shipping-account-id>';
  return [
    `shiplens maxcompute policy trust --shipping-account ${shipping}`,
    `shiplens maxcompute policy passrole --role-arn acs:ram::${fields.bucketAccountId}:role/${fields.roleName}`,
  ];
}
