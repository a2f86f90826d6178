/** The partitions to list for a log-time range typed in the Browse side panel. */
import { planLogTimeRange } from '../../../core/shipping';
import type { ListingPlan } from '../../../core/shipping';
import type { ShippingRule } from '../../../core/model';
import { instantParse } from '../../util/format';

/** What to show for a range typed in `zone`: the plan, the expected format (unparsable time), the planner's refusal, or null without a rule. */
export function rangePlan(rule: ShippingRule | null, fromText: string, toText: string, zone: string): ListingPlan | string | null {
  if (!rule) return null;
  const fromMs = instantParse(fromText, zone);
  const toMs = instantParse(toText, zone);
  if (fromMs === null || toMs === null) return 'YYYY-MM-DD HH:MM';
  try {
    return planLogTimeRange(rule, fromMs, toMs);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
