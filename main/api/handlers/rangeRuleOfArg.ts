/**
 * The rule of a range as the API takes it (range.* and forward.*): its JSON text (shiplens or
 * Log Service) when given, else the fields of `rule`.
 */
import { ruleFromJsonText } from '../../../core/shipping';
import { rangeRuleFromOptions, rangeRuleFromShippingRule } from '../../range/rangeSpec';
import type { RangeRule } from '../../range/rangeSpec';
import type { RangeInput } from '../rangeContract';

/** The checked range rule of a call; `ruleText` takes precedence over `rule`. */
export function rangeRuleOfArg(arg: Pick<RangeInput, 'ruleText' | 'rule'>): RangeRule {
  if (arg.ruleText !== undefined) return rangeRuleFromShippingRule(ruleFromJsonText(arg.ruleText).rule, 'ruleText');
  return rangeRuleFromOptions({
    partitionFormat: arg.rule?.partitionFormat ?? '',
    storage: arg.rule?.format,
    compression: arg.rule?.compression,
    timeZone: arg.rule?.timeZone,
    bufferIntervalSec: arg.rule?.bufferIntervalSec,
  });
}
