/**
 * The rule behind the Browse range panel: one imported from the project where it covers the
 * folder (its zone and format are known), else one read off a shipped key (the selected one,
 * else the first parsable one listed); and the instant the range defaults around.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ParsedObjectKey } from '../../../core/shipping';
import type { ShippingRule } from '../../../core/model';
import { useStore } from '../../state/store';
import { ruleCovers } from '../../util/taskOverlay';
import { partitionedKeySample, ruleFromParsedKey } from './ruleFromParsedKey';

export interface RangeRule {
  /** The shipped key the rule was read off, or null. */
  sample: ParsedObjectKey | null;
  /** The imported rule when it covers the folder, else null. */
  importedRule: ShippingRule | null;
  rule: ShippingRule | null;
  /** The range ends here by default: the sample's task time, else the imported rule's last task. */
  anchorMs: number | null;
}

/** The range panel's rule from the store. */
export function useRangeRule(): RangeRule {
  const s = useStore(
    useShallow((st) => ({
      objects: st.objects,
      selectedKey: st.selectedKey,
      bucket: st.connection?.bucket ?? '',
      prefix: st.prefix,
      imported: st.slsRule,
      tasksTo: st.tasksTo,
    })),
  );
  const importedRule = s.imported && ruleCovers(s.imported.rule, s.prefix) ? s.imported.rule : null;
  const sample = useMemo(() => {
    const candidates = s.selectedKey ? [s.selectedKey] : [];
    for (const o of s.objects.slice(0, 200)) candidates.push(o.key);
    return partitionedKeySample(candidates);
  }, [s.objects, s.selectedKey]);
  const rule = useMemo(() => importedRule ?? (sample ? ruleFromParsedKey(sample, s.bucket) : null), [importedRule, sample, s.bucket]);
  const anchorMs = sample?.taskTimeMs ?? (importedRule ? s.tasksTo : null);
  return { sample, importedRule, rule, anchorMs };
}
