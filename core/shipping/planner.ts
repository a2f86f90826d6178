/**
 * Which listing prefixes hold the logs of a log-time range (SPEC §5).
 *
 * The partition is the task creation time, not the log time: a task created at T holds logs
 * received in the interval before T, and delivery can lag. So logs of [from, to) live in tasks
 * created in [from, to + interval + slack). The prefixes come from the partition format's own
 * structure: render a unit's start and cut before the first directive finer than the unit, so
 * any format works (`%Y/%m/%d/%H/%M`, `ds=%Y%m%d/%H`, `year=%Y/mon=%m/day=%d/log_%H%M%s`, …).
 */
import { ShiplensError } from '../errors';
import { directiveOrder, partitionFormatTokenize, partitionTokensRender } from './partitionFormat';
import type { Directive, FormatToken } from './partitionFormat';
import { timeZoneFields, timeZoneIsValid, timeZoneToEpochMs } from './timeZone';
import type { ZonedFields } from './timeZone';
import type { ShippingRule } from '../model/rule';

/** Lag and prefix limits of `planLogTimeRange`. */
export interface PlanOptions {
  /** Extra lag allowed after `to` + interval (default 10 minutes, SPEC §5). */
  slackMs?: number;
  /** Upper bound on prefixes; beyond it a coarser level is used (default 64). */
  maxPrefixes?: number;
  /** Finest unit to split partial ranges into (default 'H': listing a whole hour is cheap). */
  finest?: Directive;
}

/** Which prefixes to list and which task times to keep for a log-time range. */
export interface ListingPlan {
  logFromMs: number;
  logToMs: number;
  /** Task creation times to keep: [taskFromMs, taskToMs). */
  taskFromMs: number;
  taskToMs: number;
  /** Listing prefixes (including the rule prefix), sorted, none a prefix of another. */
  prefixes: string[];
  /** The finest unit used for prefixes, or null when the format has no time directive. */
  granularity: Directive | null;
  explanation: { en: string; 'zh-CN': string };
}

const unitName: Record<Directive, { en: string; zh: string }> = {
  Y: { en: 'year', zh: '年' },
  m: { en: 'month', zh: '月' },
  d: { en: 'day', zh: '天' },
  H: { en: 'hour', zh: '小时' },
  M: { en: 'minute', zh: '分钟' },
  s: { en: 'second', zh: '秒' },
};

function truncate(fields: ZonedFields, g: Directive): ZonedFields {
  const i = directiveOrder.indexOf(g);
  return {
    Y: fields.Y,
    m: i >= 1 ? fields.m : 1,
    d: i >= 2 ? fields.d : 1,
    H: i >= 3 ? fields.H : 0,
    M: i >= 4 ? fields.M : 0,
    s: i >= 5 ? fields.s : 0,
  };
}

/** Start and end of the calendar unit (in the zone) containing `ms`. */
function unitAt(ms: number, g: Directive, zone: string): { start: number; end: number; fields: ZonedFields } {
  const fields = truncate(timeZoneFields(ms, zone), g);
  const next = { ...fields, [g]: fields[g] + 1 };
  // Date.UTC carries month 13, day 32, hour 24 … into the next unit.
  const carried = new Date(Date.UTC(next.Y, next.m - 1, next.d, next.H, next.M, next.s));
  const nextFields = {
    Y: carried.getUTCFullYear(),
    m: carried.getUTCMonth() + 1,
    d: carried.getUTCDate(),
    H: carried.getUTCHours(),
    M: carried.getUTCMinutes(),
    s: carried.getUTCSeconds(),
  };
  const start = timeZoneToEpochMs(fields, zone);
  const end = timeZoneToEpochMs(nextFields, zone);
  return { start, end: end > start ? end : start + 1000, fields };
}

function prefixAt(tokens: readonly FormatToken[], fields: ZonedFields, g: Directive): string {
  const limit = directiveOrder.indexOf(g);
  const cut = tokens.findIndex((t) => t.kind === 'directive' && directiveOrder.indexOf(t.directive) > limit);
  return partitionTokensRender(cut < 0 ? tokens : tokens.slice(0, cut), fields);
}

interface CoverContext {
  tokens: readonly FormatToken[];
  levels: Directive[];
  zone: string;
  out: Set<string>;
  max: number;
}

/** Cover [from, to) with whole units where possible, finer units at the ragged edges. */
function cover(ctx: CoverContext, from: number, to: number, level: number): boolean {
  const g = ctx.levels[level] as Directive;
  let at = from;
  while (at < to) {
    const unit = unitAt(at, g, ctx.zone);
    const whole = unit.start >= from && unit.end <= to;
    if (whole || level === ctx.levels.length - 1) ctx.out.add(prefixAt(ctx.tokens, unit.fields, g));
    else if (!cover(ctx, Math.max(from, unit.start), Math.min(to, unit.end), level + 1)) return false;
    if (ctx.out.size > ctx.max) return false;
    // Always advance, even if a DST quirk gives a unit that ends before `at`.
    at = Math.max(unit.end, at + 1000);
  }
  return true;
}

function minimalPrefixes(prefixes: Iterable<string>): string[] {
  const sorted = [...new Set(prefixes)].sort();
  const out: string[] = [];
  for (const p of sorted) if (!out.some((q) => p.startsWith(q))) out.push(p);
  return out;
}

function stamp(ms: number, zone: string): string {
  const f = timeZoneFields(ms, zone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${f.Y}-${two(f.m)}-${two(f.d)} ${two(f.H)}:${two(f.M)}:${two(f.s)}`;
}

function checkInputs(rule: ShippingRule, fromMs: number, toMs: number): FormatToken[] {
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || toMs <= fromMs) {
    throw new ShiplensError('TIME_INVALID', `The log-time range must have from < to (got ${fromMs} … ${toMs}).`);
  }
  if (!timeZoneIsValid(rule.timeZone)) throw new ShiplensError('TIME_ZONE_INVALID', `Unknown time zone "${rule.timeZone}".`);
  const { tokens, unknown } = partitionFormatTokenize(rule.partitionFormat);
  if (unknown.length > 0)
    throw new ShiplensError(
      'PARTITION_FORMAT_INVALID',
      `Unknown directive ${unknown.join(', ')} in partition format "${rule.partitionFormat}".`,
    );
  return tokens;
}

function explain(plan: Omit<ListingPlan, 'explanation'>, rule: ShippingRule, slackMs: number): ListingPlan['explanation'] {
  const z = rule.timeZone;
  const n = plan.prefixes.length;
  const slackMin = Math.round(slackMs / 60_000);
  const unit = plan.granularity ? unitName[plan.granularity] : null;
  return {
    en:
      `Logs written from ${stamp(plan.logFromMs, z)} to ${stamp(plan.logToMs, z)} (${z}) are in tasks created from ${stamp(plan.taskFromMs, z)} to ${stamp(plan.taskToMs, z)}: ` +
      `the partition is the task creation time, a task holds the logs of the ${rule.bufferIntervalSec} s before it, and ${slackMin} min are added for late delivery. ` +
      `List ${n} prefix${n === 1 ? '' : 'es'}${unit ? ` (whole units where covered, down to one ${unit.en})` : ''}, keeping objects whose task time is in that window.`,
    'zh-CN':
      `日志时间 ${stamp(plan.logFromMs, z)} 至 ${stamp(plan.logToMs, z)}（${z}）的数据位于创建时间 ${stamp(plan.taskFromMs, z)} 至 ${stamp(plan.taskToMs, z)} 的投递任务中：` +
      `分区按任务创建时间划分，每个任务包含其创建前 ${rule.bufferIntervalSec} 秒内的日志，另加 ${slackMin} 分钟的延迟余量。` +
      `需列举 ${n} 个前缀${unit ? `（能整段覆盖的按整段，最细到${unit.zh}）` : ''}，并只保留任务时间在此范围内的对象。`,
  };
}

/** Plan the listing for a log-time range [fromMs, toMs) of a rule. */
export function planLogTimeRange(rule: ShippingRule, fromMs: number, toMs: number, options: PlanOptions = {}): ListingPlan {
  const tokens = checkInputs(rule, fromMs, toMs);
  const slackMs = options.slackMs ?? 600_000;
  const maxPrefixes = Math.max(1, options.maxPrefixes ?? 64);
  const taskFromMs = fromMs;
  const taskToMs = toMs + rule.bufferIntervalSec * 1000 + slackMs;
  const base = rule.prefix.replace(/^\/+|\/+$/g, '');
  const head = base ? `${base}/` : '';
  const used = new Set(tokens.flatMap((t) => (t.kind === 'directive' ? [t.directive] : [])));
  const finestIndex = directiveOrder.indexOf(options.finest ?? 'H');
  let levels = directiveOrder.filter((d, i) => used.has(d) && i <= finestIndex);
  if (levels.length === 0 && used.size > 0) levels = [directiveOrder.find((d) => used.has(d)) as Directive];
  let prefixes: string[] = [head];
  let granularity: Directive | null = null;
  while (levels.length > 0) {
    const ctx: CoverContext = { tokens, levels, zone: rule.timeZone, out: new Set(), max: maxPrefixes };
    if (cover(ctx, taskFromMs, taskToMs, 0)) {
      prefixes = minimalPrefixes([...ctx.out].map((p) => head + p));
      granularity = levels[levels.length - 1] as Directive;
      break;
    }
    levels = levels.slice(0, -1);
  }
  if (granularity === null && used.size === 0)
    prefixes = minimalPrefixes([head + partitionTokensRender(tokens, timeZoneFields(0, '+00:00'))]);
  const plan = { logFromMs: fromMs, logToMs: toMs, taskFromMs, taskToMs, prefixes, granularity };
  return { ...plan, explanation: explain(plan, rule, slackMs) };
}

/** True when a task time falls in the plan's task window. */
export function planIncludesTask(plan: ListingPlan, taskTimeMs: number): boolean {
  return taskTimeMs >= plan.taskFromMs && taskTimeMs < plan.taskToMs;
}
