/**
 * What `shiplens key | path | plan` do (wired in shippingCommands.ts, loaded when one runs):
 * what a key says, which partition (or full key) a task time gives, which prefixes hold a
 * log-time range.
 */
import path from 'node:path';
import { ShiplensError } from '../../core/errors';
import {
  objectKeyBuild,
  objectKeyParse,
  partitionFormatCheck,
  partitionFormatRender,
  planLogTimeRange,
  shippingRuleDefault,
  defaultTimeZone,
  timeZoneFields,
  timeZoneOffsetMs,
} from '../../core/shipping';
import type { ObjectKeyParseResult, ParsedObjectKey } from '../../core/shipping';
import type { Compression, ShippingRule, StorageFormat } from '../../core/model';
import { CliUsageError } from './cliErrors';
import type { CliContext } from './cliOptions';
import { textTable } from './cliOutput';
import { ruleRead } from './cliRule';
import { cliTimeMs, cliTimeNs, cliZoneCheck } from './cliTime';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `2017-01-20T19:50:43.351525351+08:00`: an instant in a zone, to the nanosecond. */
export function isoInZone(ns: bigint, zone: string): string {
  const ms = Number(ns / 1_000_000n);
  const f = timeZoneFields(ms, zone);
  const offsetMin = Math.round(timeZoneOffsetMs(zone, ms) / 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const fraction = (ns % 1_000_000_000n).toString().padStart(9, '0');
  return `${f.Y}-${pad(f.m)}-${pad(f.d)}T${pad(f.H)}:${pad(f.M)}:${pad(f.s)}.${fraction}${sign}${pad(Math.floor(Math.abs(offsetMin) / 60))}:${pad(Math.abs(offsetMin) % 60)}`;
}

function keyJson(v: ParsedObjectKey, zone: string): Record<string, unknown> {
  return { ...v, taskTimeNs: v.taskTimeNs.toString(), taskTime: isoInZone(v.taskTimeNs, v.timeZone ?? zone) };
}

function keyText(v: ParsedObjectKey, zone: string): string {
  const hive = Object.entries(v.hiveColumns)
    .map(([k, val]) => `${k}=${val}`)
    .join(' ');
  const rows = [
    ['key:', v.key],
    ['prefix:', v.prefix || '-'],
    ['partition:', v.partitionPath],
    ['partition format:', v.partitionFormat ?? 'unknown'],
    ['time zone:', v.timeZone ?? zone],
    ['hive columns:', hive || '-'],
    ['task time:', `${isoInZone(v.taskTimeNs, v.timeZone ?? zone)} (${v.taskTimeNs} ns)`],
    ['task number:', String(v.taskNumber)],
    ['storage format:', v.format],
    ['compression:', v.compression],
    ['suffix:', v.suffix || '(none)'],
    ...v.warnings.map((w) => ['warning:', w]),
  ];
  return textTable(rows);
}

/**
 * Parse with what is known; with a partition format but no prefix, try each directory level
 * of the key as the prefix (the partition may itself span several levels).
 */
function keyParse(key: string, rule: Partial<ShippingRule>): ObjectKeyParseResult {
  const first = objectKeyParse(key, Object.keys(rule).length ? rule : undefined);
  if (first.ok || rule.partitionFormat === undefined || rule.prefix !== undefined) return first;
  for (let at = key.indexOf('/'); at > 0; at = key.indexOf('/', at + 1)) {
    const attempt = objectKeyParse(key, { ...rule, prefix: key.slice(0, at) });
    if (attempt.ok) return attempt;
  }
  return first;
}

export interface KeyFlags {
  prefix?: string;
  json?: boolean;
  format?: string;
  tz?: string;
  rule?: string;
}

export async function keyAction(key: string, flags: KeyFlags, ctx: CliContext): Promise<void> {
  ctx.source = key;
  const rule: Partial<ShippingRule> = flags.rule ? await ruleRead(path.resolve(ctx.io.cwd, flags.rule), flags.rule) : {};
  if (flags.format) rule.partitionFormat = flags.format;
  if (flags.tz) rule.timeZone = cliZoneCheck(flags.tz);
  if (flags.prefix !== undefined) rule.prefix = flags.prefix;
  const parsed = keyParse(key.replace(/^oss:\/\/[^/]+\//i, ''), rule);
  if (!parsed.ok) {
    throw new ShiplensError('OBJECT_KEY_INVALID', `Not a shipped object key: ${parsed.reason}.`, {
      source: key,
      hint: 'e.g. test-table/2017/01/20/19/50_1484913043351525351_2850008',
    });
  }
  const zone = flags.tz ?? defaultTimeZone;
  await ctx.io.stdout.write(flags.json ? `${JSON.stringify(keyJson(parsed.value, zone), null, 2)}\n` : keyText(parsed.value, zone));
}

export interface PathFlags {
  format: string;
  time?: string;
  ns?: string;
  tz: string;
  prefix?: string;
  storage?: StorageFormat;
  compression?: Compression;
  taskNumber?: number;
  bucket?: string;
}

export async function pathAction(flags: PathFlags, ctx: CliContext): Promise<void> {
  ctx.source = flags.format;
  const zone = cliZoneCheck(flags.tz);
  if (flags.time !== undefined && flags.ns !== undefined) throw new CliUsageError('give --time or --ns, not both');
  if (flags.ns !== undefined && !/^\d{1,19}$/.test(flags.ns)) throw new CliUsageError('--ns takes Unix nanoseconds (up to 19 digits)');
  const { unknownDirectives } = partitionFormatCheck(flags.format, zone);
  if (unknownDirectives.length > 0) {
    throw new ShiplensError('PARTITION_FORMAT_INVALID', `Unknown directive ${unknownDirectives.join(', ')} in the partition format.`, {
      source: flags.format,
      hint: 'Log Service documents %Y %m %d %H %M %s; strptime directives such as %S %y %j %b %a %I %p %F %T are rendered too',
    });
  }
  const now = ctx.io.now();
  const ns =
    flags.ns !== undefined ? BigInt(flags.ns) : flags.time !== undefined ? cliTimeNs(flags.time, zone, now) : BigInt(now) * 1_000_000n;
  if (flags.bucket !== undefined && !/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(flags.bucket))
    throw new CliUsageError('--bucket takes an OSS bucket name (3-63 lowercase letters, digits and -)');
  const full =
    flags.prefix !== undefined ||
    flags.storage !== undefined ||
    flags.compression !== undefined ||
    flags.taskNumber !== undefined ||
    flags.bucket !== undefined;
  if (!full) {
    await ctx.io.stdout.write(`${partitionFormatRender(flags.format, Number(ns / 1_000_000n), zone)}\n`);
    return;
  }
  const rule: ShippingRule = {
    ...shippingRuleDefault(),
    partitionFormat: flags.format,
    timeZone: zone,
    prefix: flags.prefix ?? '',
    format: flags.storage ?? 'json',
    compression: flags.compression ?? 'none',
  };
  const key = objectKeyBuild(rule, ns, flags.taskNumber ?? 0);
  await ctx.io.stdout.write(`${flags.bucket === undefined ? key : `oss://${flags.bucket}/${key}`}\n`);
}

export interface PlanFlags {
  rule: string;
  from: string;
  to: string;
  tz?: string;
  slack?: number;
  json?: boolean;
}

export async function planAction(flags: PlanFlags, ctx: CliContext): Promise<void> {
  ctx.source = flags.rule;
  const rule = await ruleRead(path.resolve(ctx.io.cwd, flags.rule), flags.rule);
  const zone = flags.tz ? cliZoneCheck(flags.tz) : rule.timeZone;
  const now = ctx.io.now();
  const fromMs = cliTimeMs(flags.from, zone, now);
  const toMs = cliTimeMs(flags.to, zone, now);
  if (toMs <= fromMs) throw new CliUsageError('--to must be after --from');
  const plan = planLogTimeRange(rule, fromMs, toMs, flags.slack !== undefined ? { slackMs: flags.slack * 60_000 } : {});
  if (flags.json) {
    await ctx.io.stdout.write(`${JSON.stringify({ bucket: rule.bucket, ...plan }, null, 2)}\n`);
    return;
  }
  const iso = (ms: number): string => isoInZone(BigInt(ms) * 1_000_000n, zone).replace('.000000000', '');
  const where = rule.bucket ? `oss://${rule.bucket}/` : '';
  const lines = [
    plan.explanation.en,
    `task times: [${iso(plan.taskFromMs)}, ${iso(plan.taskToMs)})`,
    `prefixes (${plan.prefixes.length}):`,
    ...plan.prefixes.map((p) => `  ${where}${p}`),
  ];
  await ctx.io.stdout.write(`${lines.join('\n')}\n`);
}
