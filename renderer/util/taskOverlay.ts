/**
 * Shipping tasks beside the gap timeline: which tasks wrote (or should have written) into the
 * listed folder, and what each timeline slot's task says (failed, running, or an anomaly).
 */
import type { SlsTaskInfo } from '../../main/api/contract';
import { gapsCompute, gapsInputFromListing, partitionFormatRender } from '../../core/shipping';
import type { GapInput, GapSlot, GapsResult } from '../../core/shipping';
import type { ShippingRule } from '../../core/model';

type RulePlace = Pick<ShippingRule, 'prefix' | 'partitionFormat' | 'timeZone'>;

/** What a slot's task says: its error, in progress, or "succeeded but nothing is here". */
export type TaskMarkKind = 'fail' | 'running' | 'anomaly';

export interface TaskMark {
  kind: TaskMarkKind;
  task: SlsTaskInfo;
}

/** The folder (listing prefix, ending in `/`) a task of this creation time writes into. */
export function taskFolder(rule: RulePlace, createTimeMs: number): string {
  // Key = <prefix>/<partition>_<time>_<n><suffix> (SPEC §1): the folder is up to the last '/'.
  const prefix = rule.prefix.replace(/^\/+|\/+$/g, '');
  const head = `${prefix ? `${prefix}/` : ''}${partitionFormatRender(rule.partitionFormat, createTimeMs, rule.timeZone)}`;
  return head.slice(0, head.lastIndexOf('/') + 1);
}

/** The tasks whose objects belong directly in the listed folder `prefix`. */
export function tasksInFolder(rule: RulePlace, tasks: readonly SlsTaskInfo[], prefix: string): SlsTaskInfo[] {
  const out: SlsTaskInfo[] = [];
  for (const task of tasks) {
    try {
      if (taskFolder(rule, task.createTime) === prefix) out.push(task);
    } catch {
      // a partition format the renderer cannot render: the task just is not overlaid
    }
  }
  return out;
}

/**
 * Gap slots over the listed objects and the folder's tasks together, so a failed task at the
 * edge of the folder (no object on that side) still gets its slot.
 */
export function gapsWithTasks(
  objects: readonly { key: string; lastModified?: string }[],
  tasks: readonly SlsTaskInfo[],
  intervalSec: number,
  rule?: Partial<ShippingRule>,
): GapsResult | null {
  return gapsFromInputs(gapsInputFromListing(objects, rule), tasks, intervalSec);
}

/** gapsWithTasks over inputs already parsed (the timeline builds them in time slices). */
export function gapsFromInputs(
  inputs: readonly GapInput[],
  tasks: readonly SlsTaskInfo[],
  intervalSec: number,
  lateGraceMs?: number,
): GapsResult | null {
  if (inputs.length < 2 && tasks.length === 0) return null;
  const grace = lateGraceMs === undefined ? {} : { lateGraceMs };
  try {
    if (tasks.length === 0) return gapsCompute(inputs, intervalSec, { maxSlots: 5000, ...grace });
    const half = (intervalSec * 1000) / 2;
    // A loop, not Math.min(...times): spreading 100,000 arguments overflows the stack.
    let min = Infinity;
    let max = -Infinity;
    for (const time of inputs.map((i) => i.taskTimeMs).concat(tasks.map((t) => t.createTime))) {
      min = Math.min(min, time);
      max = Math.max(max, time);
    }
    const anchorMs = inputs.length === 0 ? (tasks[0] as SlsTaskInfo).createTime : undefined;
    return gapsCompute(inputs, intervalSec, {
      maxSlots: 5000,
      ...grace,
      fromMs: min - half,
      toMs: max + half,
      ...(anchorMs === undefined ? {} : { anchorMs }),
    });
  } catch {
    return null;
  }
}

function markFor(slot: GapSlot, tasks: readonly SlsTaskInfo[]): TaskMark | null {
  const failed = tasks.find((t) => t.status === 'fail');
  if (failed && slot.status !== 'present') return { kind: 'fail', task: failed };
  const running = tasks.find((t) => t.status === 'running');
  if (running) return { kind: 'running', task: running };
  const success = tasks.find((t) => t.status === 'success');
  // Log Service says it shipped, yet nothing is under the prefix: deleted, or a wrong rule.
  if (success && slot.status === 'missing') return { kind: 'anomaly', task: success };
  return null;
}

/** Each slot's task mark, keyed by the slot's start (slots without a mark are absent). */
export function slotTaskMarks(slots: readonly GapSlot[], tasks: readonly SlsTaskInfo[]): Map<number, TaskMark> {
  const marks = new Map<number, TaskMark>();
  const sorted = [...tasks].sort((a, b) => a.createTime - b.createTime);
  let i = 0;
  for (const slot of slots) {
    while (i < sorted.length && (sorted[i] as SlsTaskInfo).createTime < slot.start) i++;
    const mine: SlsTaskInfo[] = [];
    for (let j = i; j < sorted.length && (sorted[j] as SlsTaskInfo).createTime < slot.end; j++) mine.push(sorted[j] as SlsTaskInfo);
    const mark = markFor(slot, mine);
    if (mark) marks.set(slot.start, mark);
  }
  return marks;
}

/** True when a listing at `prefix` lies under the rule's prefix (so the rule applies there). */
export function ruleCovers(rule: Pick<ShippingRule, 'prefix'>, prefix: string): boolean {
  const clean = rule.prefix.replace(/^\/+|\/+$/g, '');
  return clean === '' || prefix.startsWith(`${clean}/`);
}
