/**
 * Gap-timeline inputs of a whole listing, built in time-sliced chunks so 100,000 keys never
 * block the main thread in one task (issue 8 §6), and memoized per listing array and rule.
 */
import { gapsInputFromListing } from '../../core/shipping';
import type { GapInput } from '../../core/shipping';
import type { ShippingRule } from '../../core/model';
import { keyTail } from './keyInfo';

type Entry = { key: string; lastModified?: string };

/** Keys per slice: a rule-checked parse is a few µs per key, so a slice stays well under 50 ms. */
export const gapInputsChunk = 2000;

const memo = new WeakMap<readonly Entry[], Map<string, GapInput[]>>();

/** Gap inputs of one slice: the cheap tail parse without a rule, the rule check with one. */
export function gapInputsOf(entries: readonly Entry[], rule?: Partial<ShippingRule>): GapInput[] {
  if (rule?.partitionFormat) return gapsInputFromListing(entries, rule);
  const out: GapInput[] = [];
  for (const e of entries) {
    const tail = keyTail(e.key);
    if (!tail) continue;
    const lastModifiedMs = e.lastModified ? Date.parse(e.lastModified) : Number.NaN;
    out.push(
      Number.isFinite(lastModifiedMs)
        ? { key: e.key, taskTimeMs: tail.taskTimeMs, lastModifiedMs }
        : { key: e.key, taskTimeMs: tail.taskTimeMs },
    );
  }
  return out;
}

function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Gap inputs of a listing, yielding to the browser between chunks. Resolves null when
 * `cancelled()` turns true (a newer listing or rule); a finished result is memoized.
 */
export async function gapInputsSliced(
  entries: readonly Entry[],
  rule: Partial<ShippingRule> | undefined,
  cancelled: () => boolean,
): Promise<GapInput[] | null> {
  const ruleKey = rule ? JSON.stringify([rule.prefix, rule.partitionFormat, rule.timeZone, rule.format, rule.compression]) : '';
  const hit = memo.get(entries)?.get(ruleKey);
  if (hit) return hit;
  const out: GapInput[] = [];
  for (let start = 0; start < entries.length; start += gapInputsChunk) {
    if (start > 0) await yieldToBrowser();
    if (cancelled()) return null;
    for (const input of gapInputsOf(entries.slice(start, start + gapInputsChunk), rule)) out.push(input);
  }
  const byRule = memo.get(entries) ?? new Map<string, GapInput[]>();
  byRule.set(ruleKey, out);
  memo.set(entries, byRule);
  return out;
}
