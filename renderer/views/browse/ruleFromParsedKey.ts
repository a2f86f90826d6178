/** A shipping rule guessed from one shipped object's key, for plans and queries without an imported rule. */
import type { ParsedObjectKey } from '../../../core/shipping';
import { shippingRuleDefault } from '../../../core/shipping';
import type { ShippingRule } from '../../../core/model';
import { keyInfo } from '../../util/keyInfo';

/** A rule pre-filled from a shipped key (prefix, format, compression, partition format guess). */
export function ruleFromParsedKey(info: ParsedObjectKey, bucket: string): ShippingRule {
  const rule = shippingRuleDefault();
  return {
    ...rule,
    bucket,
    prefix: info.prefix,
    format: info.format,
    compression: info.compression,
    partitionFormat: info.partitionFormat ?? rule.partitionFormat,
    timeZone: info.timeZone ?? rule.timeZone,
  };
}

/** The first of `keys` that parses as a shipped key with a partition format (a rule can be read off it), or null. */
export function partitionedKeySample(keys: Iterable<string>): ParsedObjectKey | null {
  for (const key of keys) {
    const info = keyInfo(key);
    if (info?.partitionFormat) return info;
  }
  return null;
}
