/**
 * The gap timeline's data: the finished listing's gap inputs (parsed in time slices), the
 * imported rule's tasks in this folder, and the slots and task marks computed from both.
 */
import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ObjectEntry } from '../../../main/api/contract';
import type { GapInput, GapsResult } from '../../../core/shipping';
import type { ShippingRule } from '../../../core/model';
import { useStore } from '../../state/store';
import { gapInputsSliced } from '../../util/gapInputs';
import { gapsFromInputs, ruleCovers, slotTaskMarks, tasksInFolder } from '../../util/taskOverlay';
import type { TaskMark } from '../../util/taskOverlay';

/**
 * Gap inputs of the finished listing, parsed in time slices (never 100,000 keys in one task);
 * null while listing or slicing. Memoized per listing array and rule (gapInputsSliced).
 */
function useGapInputs(objects: readonly ObjectEntry[] | null, rule: ShippingRule | undefined): GapInput[] | null {
  const [done, setDone] = useState<{ objects: readonly ObjectEntry[]; rule: ShippingRule | undefined; inputs: GapInput[] } | null>(null);
  useEffect(() => {
    if (!objects) return undefined;
    let cancelled = false;
    void gapInputsSliced(objects, rule, () => cancelled).then((inputs) => {
      if (inputs && !cancelled) setDone({ objects, rule, inputs });
    });
    return () => {
      cancelled = true;
    };
  }, [objects, rule]);
  return done && done.objects === objects && done.rule === rule ? done.inputs : null;
}

export interface GapTimelineData {
  gaps: GapsResult | null;
  /** Each slot's task mark, keyed by the slot's start. */
  marks: Map<number, TaskMark>;
  /** The slot interval: the override, else the imported rule's buffer interval, else 5 minutes. */
  intervalSec: number;
}

/** The timeline of the current listing, with slots `intervalOverride` seconds wide when set. */
export function useGapTimeline(intervalOverride: number | null): GapTimelineData {
  const s = useStore(
    useShallow((st) => ({ objects: st.objects, listing: st.listing, prefix: st.prefix, imported: st.slsRule, list: st.taskList })),
  );
  const rule = s.imported && ruleCovers(s.imported.rule, s.prefix) ? s.imported.rule : null;
  const tasks = useMemo(() => {
    const sameRule = rule && s.list && s.imported && s.list.shipper === s.imported.name && s.list.logstore === s.imported.logstore;
    return sameRule && s.list ? tasksInFolder(rule, s.list.tasks, s.prefix) : [];
  }, [rule, s.list, s.imported, s.prefix]);
  const intervalSec = intervalOverride ?? rule?.bufferIntervalSec ?? 300;
  const inputs = useGapInputs(s.listing ? null : s.objects, rule ?? undefined);
  const graceMinutes = useStore((st) => st.settings?.lateGraceMinutes);
  const gaps = useMemo(
    () => (inputs ? gapsFromInputs(inputs, tasks, intervalSec, graceMinutes === undefined ? undefined : graceMinutes * 60_000) : null),
    [inputs, tasks, intervalSec, graceMinutes],
  );
  const marks = useMemo(() => (gaps ? slotTaskMarks(gaps.slots, tasks) : new Map<number, TaskMark>()), [gaps, tasks]);
  return { gaps, marks, intervalSec };
}
