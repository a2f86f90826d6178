/**
 * Gaps in shipping: expected task slots (one per shipping interval) versus the objects found.
 *
 * Log Service creates a task per interval, but not on round clock times and not exactly every
 * interval, so slots are centred on the observed phase (circular mean of task times modulo the
 * interval) and a task up to interval/2 off still fills its slot. A slot is
 * - `present`: a task of it arrived in time;
 * - `late`: its objects arrived (last modified) more than the grace after the slot ended, e.g. a
 *   failed task retried later (SPEC §5), or its slot was empty while the next slot got an extra
 *   task. Data normally reaches OSS within 30 minutes of its task (SPEC §5), so the default grace
 *   is 30 minutes; a modified time that cannot belong to the task (before it, or past Log
 *   Service's two days of retries — a copied folder) is not judged at all, and counted as such;
 * - `missing`: nothing for it (it may still fill in: failed tasks are retried for two days).
 */
import { ShiplensError } from '../errors';
import { objectKeyParse } from './objectKey';
import type { ShippingRule } from '../model/rule';

/** One shipped object as the gap timeline sees it. */
export interface GapInput {
  key: string;
  taskTimeMs: number;
  /** When the object was written (listing's lastModified), if known. */
  lastModifiedMs?: number;
}

/** A slot's state: its objects arrived, none did, or they arrived only after the slot ended. */
export type GapStatus = 'present' | 'missing' | 'late';

/** One expected shipping task slot on the timeline. */
export interface GapSlot {
  /** Slot bounds [start, end): the expected task time ± interval/2. */
  start: number;
  end: number;
  expectedMs: number;
  status: GapStatus;
  keys: string[];
}

/** Consecutive slots of one status. */
export interface GapRun {
  start: number;
  end: number;
  status: GapStatus;
  slots: number;
}

/** The timeline: slots, merged runs and the interval/anchor they were laid on. */
export interface GapsResult {
  intervalMs: number;
  anchorMs: number;
  slots: GapSlot[];
  /** Consecutive slots of one status merged, for a compact timeline. */
  runs: GapRun[];
  counts: Record<GapStatus, number>;
  /** Objects whose modified time is implausible for their task time, so lateness was not judged. */
  arrivalsNotJudged: number;
}

/** SPEC §5: shipping normally completes within 30 minutes of the task. */
export const defaultLateGraceMs = 30 * 60_000;

/** SPEC §5: failed tasks are retried for two days; a later write is a copy, not a delivery. */
const retryWindowMs = 2 * 86_400_000;

/** Whether `modifiedMs` can be when Log Service wrote the object of a task created at `taskMs`. */
export function arrivalIsPlausible(taskMs: number, modifiedMs: number, graceMs: number = defaultLateGraceMs): boolean {
  return modifiedMs >= taskMs - graceMs && modifiedMs <= taskMs + retryWindowMs + graceMs;
}

/** Range and anchor of `gapsCompute`. */
export interface GapsOptions {
  fromMs?: number;
  toMs?: number;
  /** An expected task time; default: the observed phase of the tasks. */
  anchorMs?: number;
  /** Arrivals this long after the slot end still count as on time (default 30 minutes). */
  lateGraceMs?: number;
  /** Refuse to produce more slots than this (default 50,000). */
  maxSlots?: number;
}

interface Task {
  timeMs: number;
  keys: string[];
  arrivedMs: number | undefined;
}

function groupTasks(objects: readonly GapInput[], graceMs: number): { tasks: Task[]; notJudged: number } {
  const byTime = new Map<number, Task>();
  let notJudged = 0;
  for (const o of objects) {
    if (!Number.isFinite(o.taskTimeMs)) continue;
    const task = byTime.get(o.taskTimeMs) ?? { timeMs: o.taskTimeMs, keys: [], arrivedMs: undefined };
    task.keys.push(o.key);
    const modified = o.lastModifiedMs;
    if (modified !== undefined && Number.isFinite(modified)) {
      if (arrivalIsPlausible(o.taskTimeMs, modified, graceMs)) task.arrivedMs = Math.min(task.arrivedMs ?? Infinity, modified);
      else notJudged++;
    }
    byTime.set(o.taskTimeMs, task);
  }
  return { tasks: [...byTime.values()].sort((a, b) => a.timeMs - b.timeMs), notJudged };
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

function circularDistance(a: number, b: number, n: number): number {
  const d = mod(a - b, n);
  return Math.min(d, n - d);
}

/**
 * An expected task time: the circular median of task phases modulo the interval (robust to a
 * few irregular tasks and to phases wrapping around 0). Candidates are sampled to bound the cost.
 */
function observedAnchor(tasks: readonly Task[], intervalMs: number): number {
  if (tasks.length === 0) return 0;
  const phases = tasks.map((t) => mod(t.timeMs, intervalMs));
  const step = Math.max(1, Math.floor(phases.length / 256));
  let best = phases[0] as number;
  let bestCost = Infinity;
  for (let i = 0; i < phases.length; i += step) {
    const candidate = phases[i] as number;
    let cost = 0;
    for (const p of phases) cost += circularDistance(p, candidate, intervalMs);
    if (cost < bestCost) {
      bestCost = cost;
      best = candidate;
    }
  }
  const first = (tasks[0] as Task).timeMs;
  return first - mod(first - best, intervalMs);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : (sorted[Math.floor((sorted.length - 1) / 2)] as number);
}

function mergeRuns(slots: readonly GapSlot[]): GapRun[] {
  const runs: GapRun[] = [];
  for (const s of slots) {
    const last = runs[runs.length - 1];
    if (last && last.status === s.status && last.end === s.start) {
      last.end = s.end;
      last.slots++;
    } else runs.push({ start: s.start, end: s.end, status: s.status, slots: 1 });
  }
  return runs;
}

/** Build the slots of [from, to) and put each task in its slot. */
function slotTasks(
  tasks: readonly Task[],
  intervalMs: number,
  anchor: number,
  fromMs: number,
  toMs: number,
  maxSlots: number,
): { slots: GapSlot[]; assigned: Task[][] } {
  const slotIndex = (t: number) => Math.floor((t - anchor) / intervalMs + 0.5);
  // Slots whose expected task time lies in [from, to).
  const first = Math.ceil((fromMs - anchor) / intervalMs);
  const count = Math.ceil((toMs - anchor) / intervalMs) - first;
  if (count > maxSlots) {
    throw new ShiplensError('INVALID_ARGUMENT', `${count} shipping slots between the two times is more than ${maxSlots}.`, {
      hint: 'Choose a shorter time range.',
    });
  }
  const slots: GapSlot[] = [];
  const assigned: Task[][] = [];
  for (let k = 0; k < Math.max(0, count); k++) {
    const expectedMs = anchor + (first + k) * intervalMs;
    slots.push({ start: expectedMs - intervalMs / 2, end: expectedMs + intervalMs / 2, expectedMs, status: 'missing', keys: [] });
    assigned.push([]);
  }
  for (const t of tasks) assigned[slotIndex(t.timeMs) - first]?.push(t);
  return { slots, assigned };
}

/** Expected task slots versus found objects, for a timeline. */
export function gapsCompute(
  objects: readonly GapInput[],
  rule: Pick<ShippingRule, 'bufferIntervalSec'> | number,
  options: GapsOptions = {},
): GapsResult {
  const intervalSec = typeof rule === 'number' ? rule : rule.bufferIntervalSec;
  if (!Number.isFinite(intervalSec) || intervalSec <= 0)
    throw new ShiplensError('INVALID_ARGUMENT', `The shipping interval must be positive (got ${intervalSec}).`);
  const intervalMs = intervalSec * 1000;
  const grace = options.lateGraceMs ?? defaultLateGraceMs;
  const { tasks, notJudged } = groupTasks(objects, grace);
  const anchor = options.anchorMs ?? observedAnchor(tasks, intervalMs);
  const slotOf = (t: number) => anchor + Math.floor((t - anchor) / intervalMs + 0.5) * intervalMs;
  const fromMs = options.fromMs ?? (tasks.length > 0 ? slotOf((tasks[0] as Task).timeMs) : 0);
  const toMs = options.toMs ?? (tasks.length > 0 ? slotOf((tasks[tasks.length - 1] as Task).timeMs) + 1 : fromMs);
  const { slots, assigned } = slotTasks(tasks, intervalMs, anchor, fromMs, toMs, options.maxSlots ?? 50_000);
  const typical = Math.max(1, median(assigned.filter((a) => a.length > 0).map((a) => a.length)));
  slots.forEach((slot, k) => {
    const mine = assigned[k] as Task[];
    const next = assigned[k + 1];
    // An empty slot followed by one task too many: that task was created late (SPEC §5 retries).
    if (mine.length === 0 && next && next.length > typical) mine.push(next.shift() as Task);
    if (mine.length === 0) return;
    slot.keys = mine.flatMap((t) => t.keys);
    const onTime = mine.some((t) => t.arrivedMs === undefined || t.arrivedMs < slot.end + grace);
    const createdLate = mine.every((t) => t.timeMs >= slot.end);
    slot.status = onTime && !createdLate ? 'present' : 'late';
  });
  const counts: Record<GapStatus, number> = { present: 0, missing: 0, late: 0 };
  for (const s of slots) counts[s.status]++;
  return { intervalMs, anchorMs: anchor, slots, runs: mergeRuns(slots), counts, arrivalsNotJudged: notJudged };
}

/** Gap inputs from a listing: parse each key (with the rule when given), skip what is not shipped. */
export function gapsInputFromListing(entries: readonly { key: string; lastModified?: string }[], rule?: Partial<ShippingRule>): GapInput[] {
  const out: GapInput[] = [];
  for (const e of entries) {
    const parsed = objectKeyParse(e.key, rule);
    if (!parsed.ok) continue;
    const lastModifiedMs = e.lastModified ? Date.parse(e.lastModified) : Number.NaN;
    out.push(
      Number.isFinite(lastModifiedMs)
        ? { key: e.key, taskTimeMs: parsed.value.taskTimeMs, lastModifiedMs }
        : { key: e.key, taskTimeMs: parsed.value.taskTimeMs },
    );
  }
  return out;
}
