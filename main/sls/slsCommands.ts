/**
 * The Log Service commands as library functions the CLI calls (issue 9 item 6):
 *   shiplens tasks <project>/<logstore>/<shipper> [--from T --to T] [--status fail] [--json]
 *   shiplens tasks retry <project>/<logstore>/<shipper> (--all-failed | --id …)
 *   shiplens rule import --from <project>/<logstore>/<shipper>
 * Each returns the text to print and the exit code; the CLI owns argument parsing and I/O.
 */
import { ShiplensError } from '../../core/errors';
import { defaultTimeZone, shipTargetLabel, timeZoneFields, taskAutoRetry } from '../../core/shipping';
import { slsRuleImport } from './rulesFromProject';
import { shipperTasksTyped } from './shipperTasks';
import type { SlsClient } from './slsClient';
import type { SlsRetryResult, ShipperTask, ShipperTaskList, ShipperTaskStatus } from '../model/sls';
import { taskAdviceFor } from './taskAdvice';

/** Output of one command. */
export interface SlsCommandOutput {
  text: string;
  exitCode: number;
}

const twoDaysMs = 2 * 24 * 3600 * 1000;
const units: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * A CLI time: ISO 8601 (`2026-11-25T08:00:00+08:00`), Unix seconds (10 digits), epoch ms
 * (13 digits), `now`, or relative to now (`-2d`, `-90m`, `now-6h`).
 */
export function slsTimeParse(text: string, nowMs: number): number {
  const t = text.trim();
  if (t === 'now') return nowMs;
  const relative = /^(?:now)?-(\d+)([smhd])$/.exec(t);
  if (relative) return nowMs - Number(relative[1]) * (units[relative[2] ?? 's'] ?? 1000);
  if (/^\d{9,10}$/.test(t)) return Number(t) * 1000;
  if (/^\d{12,13}$/.test(t)) return Number(t);
  const parsed = /^\d{4}-\d{2}-\d{2}/.test(t) ? Date.parse(t) : NaN;
  if (Number.isFinite(parsed)) return parsed;
  throw new ShiplensError('TIME_INVALID', `Not a time: ${text}`, {
    source: text,
    hint: 'Use ISO 8601 (2026-11-25T08:00:00+08:00), Unix seconds, or relative (-2d, -6h).',
  });
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `YYYY-MM-DD HH:MM:SS` in the zone, or `-` for 0. */
export function slsTimeFormat(epochMs: number, timeZone: string): string {
  if (!epochMs) return '-';
  const f = timeZoneFields(epochMs, timeZone);
  return `${f.Y}-${pad(f.m)}-${pad(f.d)} ${pad(f.H)}:${pad(f.M)}:${pad(f.s)}`;
}

function columnsAlign(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The task table (newest first) plus statistics and advice for failed tasks. */
export function slsTasksRender(
  list: ShipperTaskList,
  options: { timeZone?: string; language?: 'en' | 'zh-CN'; now?: number } = {},
): string {
  const zone = options.timeZone ?? defaultTimeZone;
  const rows = [['ID', 'STATUS', 'TYPE', 'CREATED', 'FINISHED', 'LAST RECEIVED', 'LINES', 'MESSAGE']];
  for (const t of list.tasks) {
    rows.push([
      t.id,
      t.status,
      shipTargetLabel(t.type) || '-',
      slsTimeFormat(t.createTime, zone),
      slsTimeFormat(t.finishTime, zone),
      slsTimeFormat(t.lastDataReceiveTime, zone),
      String(t.dataLines),
      t.message,
    ]);
  }
  const s = list.statistics;
  const lines = [
    columnsAlign(rows),
    '',
    `${list.tasks.length} of ${list.total} tasks (times in ${zone}); statistics: success ${s.success}, running ${s.running}, fail ${s.fail}`,
  ];
  const seen = new Set<string>();
  for (const t of list.tasks) {
    const advice = t.status === 'fail' ? taskAdviceFor(t.message) : null;
    if (!advice || seen.has(advice.error)) continue;
    seen.add(advice.error);
    lines.push(`${advice.error}: ${advice[options.language ?? 'en']}`);
  }
  const now = options.now ?? Date.now();
  for (const t of list.tasks) {
    if (t.status !== 'fail') continue;
    const retry = taskAutoRetry(t.createTime, now);
    lines.push(
      retry.nextMs === null
        ? `${t.id}: Log Service's automatic retries ended at ${slsTimeFormat(retry.stopsMs, zone)}; retry it yourself once the cause is fixed.`
        : `${t.id}: Log Service retries it automatically, next at about ${slsTimeFormat(retry.nextMs, zone)} (until ${slsTimeFormat(retry.stopsMs, zone)}).`,
    );
  }
  return lines.join('\n') + '\n';
}

function taskJson(t: ShipperTask, now: number): Record<string, unknown> {
  const advice = t.status === 'fail' ? taskAdviceFor(t.message) : null;
  return {
    ...t,
    ...(advice ? { advice: { error: advice.error, en: advice.en, 'zh-CN': advice['zh-CN'] } } : {}),
    ...(t.status === 'fail' ? { autoRetry: taskAutoRetry(t.createTime, now) } : {}),
  };
}

/** `shiplens tasks …`: list tasks in [from, to) (default: the last two days). */
export async function slsTasksCommand(
  client: SlsClient,
  logstore: string,
  shipper: string,
  options: {
    from?: number;
    to?: number;
    status?: ShipperTaskStatus;
    json?: boolean;
    timeZone?: string;
    language?: 'en' | 'zh-CN';
    signal?: AbortSignal;
    now?: number;
  } = {},
): Promise<SlsCommandOutput> {
  const to = options.to ?? options.now ?? Date.now();
  const from = options.from ?? to - twoDaysMs;
  const list = await shipperTasksTyped(client, logstore, shipper, { from, to, status: options.status, signal: options.signal });
  if (options.json) {
    const value = {
      project: client.project,
      logstore,
      shipper,
      from,
      to,
      total: list.total,
      statistics: list.statistics,
      tasks: list.tasks.map((t) => taskJson(t, options.now ?? Date.now())),
    };
    return { text: JSON.stringify(value, null, 2) + '\n', exitCode: 0 };
  }
  return { text: slsTasksRender(list, options), exitCode: 0 };
}

/** `shiplens tasks retry …`: retry the given ids and/or every failed task of the last two days. */
export async function slsRetryCommand(
  client: SlsClient,
  logstore: string,
  shipper: string,
  options: { ids?: string[]; allFailed?: boolean; json?: boolean; signal?: AbortSignal; now?: number },
): Promise<SlsCommandOutput & { results: SlsRetryResult[] }> {
  const ids = new Set(options.ids ?? []);
  if (options.allFailed) {
    const to = options.now ?? Date.now();
    const failed = await client.listShipperTasks(logstore, shipper, { from: to - twoDaysMs, to, status: 'fail', signal: options.signal });
    for (const t of failed.tasks) ids.add(t.id);
  } else if (ids.size === 0) {
    throw new ShiplensError('INVALID_ARGUMENT', 'Say which tasks to retry: --id <task id> (repeatable) or --all-failed.', {
      source: 'ids',
    });
  }
  const results = await client.retryShipperTasks(logstore, shipper, [...ids], options.signal);
  const failures = results.filter((r) => !r.ok);
  if (options.json) return { text: JSON.stringify({ results }, null, 2) + '\n', exitCode: failures.length ? 1 : 0, results };
  if (results.length === 0) return { text: 'No failed tasks to retry.\n', exitCode: 0, results };
  const lines = results.map((r) => (r.ok ? `${r.id}  retried` : `${r.id}  FAILED  ${r.error?.code ?? ''}: ${r.error?.message ?? ''}`));
  lines.push(`${results.length - failures.length} of ${results.length} tasks retried; they run again now (check with "shiplens tasks").`);
  return { text: lines.join('\n') + '\n', exitCode: failures.length ? 1 : 0, results };
}

/** `shiplens rule import --from …`: the imported rule as JSON (shiplens's ShippingRule). */
export async function slsRuleImportCommand(
  client: SlsClient,
  logstore: string,
  name: string,
  options: { signal?: AbortSignal } = {},
): Promise<SlsCommandOutput> {
  const imported = await slsRuleImport(client, logstore, name, { signal: options.signal });
  return { text: JSON.stringify(imported.rule, null, 2) + '\n', exitCode: 0 };
}
