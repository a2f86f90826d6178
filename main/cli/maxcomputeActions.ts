/**
 * What the `shiplens maxcompute …` commands do (loaded lazily by maxcomputeCommands.ts).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { ShiplensError } from '../../core/errors';
import {
  jobGenerate,
  jobToJson,
  jobFromJson,
  jobIssueLine,
  jobIssuesOk,
  jobFieldsOfRule,
  jobFieldsOfTable,
  jobFieldsTyped,
  jobValidate,
  policyPassRole,
  policySubaccount,
  policyToJson,
  policyTrust,
  roleArnParse,
  scheduleClockParse,
  scheduleEveryParse,
  scheduleExpand,
  scheduleRunLine,
  scheduleTimeFields,
  tableColumnsOfJob,
  tableDdl,
  tablePartitionColumns,
  tableWriteMode,
} from '../../core/maxcompute';
import type { JobIssue, JobFieldSource, PolicyResult } from '../../core/maxcompute';
import { timeZoneToEpochMs } from '../../core/shipping';
import { engineShared } from '../engine';
import { fsReadErrorToShiplens } from '../fileByteSource';
import { CliUsageError } from './cliErrors';
import { sourceFor } from './cliInputs';
import type { CliContext } from './cliOptions';
import { ruleRead } from './cliRule';
import { cliTimeMs, cliZoneCheck } from './cliTime';

async function textRead(file: string, ctx: CliContext): Promise<string> {
  ctx.source = file;
  return readFile(path.resolve(ctx.io.cwd, file), 'utf8').catch((error: unknown) => {
    throw fsReadErrorToShiplens(error, file);
  });
}

/** Problems as one error line (the CLI contract: one line on stderr, exit 1). */
function issuesError(issues: JobIssue[], source: string | undefined, hint: string): ShiplensError {
  const errors = issues.filter((i) => i.severity === 'error');
  return new ShiplensError('INVALID_ARGUMENT', errors.map((i) => jobIssueLine(i)).join('; '), { source, hint });
}

export async function jobValidateAction(file: string, flags: { json?: boolean; lang: 'en' | 'zh-CN' }, ctx: CliContext): Promise<void> {
  const { job, issues } = jobFromJson(await textRead(file, ctx));
  const all = job ? [...issues, ...jobValidate(job)] : issues;
  const errors = all.filter((i) => i.severity === 'error').length;
  if (flags.json) await ctx.io.stdout.write(`${JSON.stringify({ valid: errors === 0, issues: all }, null, 2)}\n`);
  else if (all.length === 0) await ctx.io.stdout.write('The job is valid.\n');
  else for (const issue of all) await ctx.io.stdout.write(`${file}: ${jobIssueLine(issue, flags.lang)}\n`);
  if (errors > 0)
    throw new ShiplensError('INVALID_ARGUMENT', `The job has ${errors} problem${errors === 1 ? '' : 's'}.`, {
      source: file,
      hint: 'Fix the JSON paths listed above',
    });
}

/** Flags of `maxcompute job new`. */
export interface JobNewFlags {
  logstore: string;
  datasource: string;
  table: string;
  columns?: string;
  rule?: string;
  object?: string;
  targetColumns?: string;
  partition?: string;
  odpsDatasource?: string;
  begin?: string;
  end?: string;
  batchSize?: number;
  truncate?: boolean;
}

async function fieldsOf(
  flags: { columns?: string; rule?: string; object?: string },
  command: Command | null,
  ctx: CliContext,
): Promise<JobFieldSource> {
  const given = [flags.columns, flags.rule, flags.object].filter((v) => v !== undefined).length;
  if (given !== 1) throw new CliUsageError('give the fields with one of --columns, --rule or --object');
  if (flags.columns !== undefined) return jobFieldsTyped(flags.columns);
  if (flags.rule !== undefined) {
    ctx.source = flags.rule;
    return jobFieldsOfRule(await ruleRead(path.resolve(ctx.io.cwd, flags.rule), flags.rule));
  }
  if (!command) throw new CliUsageError('--object needs a command context');
  const opened = await engineShared().tableOpen(await sourceFor(flags.object as string, command, ctx), { signal: ctx.signal });
  return jobFieldsOfTable(opened.reader.columns);
}

export async function jobNewAction(flags: JobNewFlags, command: Command, ctx: CliContext): Promise<void> {
  const fields = await fieldsOf(flags, command, ctx);
  ctx.source = undefined;
  const job = jobGenerate({
    datasource: flags.datasource,
    logstore: flags.logstore,
    table: flags.table,
    columns: fields.columns,
    targetColumns: flags.targetColumns?.split(',').map((s) => s.trim()),
    partition: flags.partition,
    odpsDatasource: flags.odpsDatasource,
    beginDateTime: flags.begin,
    endDateTime: flags.end,
    batchSize: flags.batchSize,
    truncate: flags.truncate === true,
  });
  const issues = jobValidate(job);
  if (!jobIssuesOk(issues)) throw issuesError(issues, undefined, 'Change the options named by these JSON paths');
  for (const w of issues) await ctx.io.stderr.write(`shiplens: ${jobIssueLine(w)}\n`);
  await ctx.io.stdout.write(jobToJson(job));
}

/** Flags of `maxcompute schedule`. */
export interface ScheduleFlags {
  begin: string;
  end: string;
  every: string;
  start: string;
  stop: string;
  from: string;
  runs: number;
  tz: string;
  partition?: string;
  truncate?: boolean;
  json?: boolean;
}

function fromMs(text: string, zone: string, nowMs: number): number {
  const fields = scheduleTimeFields(text.trim());
  return fields ? timeZoneToEpochMs(fields, zone) : cliTimeMs(text, zone, nowMs);
}

export async function scheduleAction(flags: ScheduleFlags, ctx: CliContext): Promise<void> {
  if (flags.runs > 10_000) throw new CliUsageError('--runs is at most 10000');
  const zone = cliZoneCheck(flags.tz);
  const schedule = {
    everyMinutes: scheduleEveryParse(flags.every),
    startMinute: scheduleClockParse(flags.start),
    stopMinute: scheduleClockParse(flags.stop),
    zone,
  };
  const report = scheduleExpand(
    schedule,
    { begin: flags.begin, end: flags.end, partition: flags.partition, truncate: flags.truncate },
    fromMs(flags.from, zone, ctx.io.now()),
    flags.runs,
  );
  if (flags.json) {
    await ctx.io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  await ctx.io.stdout.write(report.runs.map((r) => `${scheduleRunLine(r)}\n`).join(''));
  const notes = [
    report.gaps && `${report.gaps} gap(s)`,
    report.overlaps && `${report.overlaps} overlap(s)`,
    report.empty && `${report.empty} empty window(s)`,
    report.overwrites && `${report.overwrites} run(s) overwrite the partition the previous run wrote`,
  ].filter(Boolean);
  if (notes.length > 0) await ctx.io.stderr.write(`shiplens: warning: ${notes.join(', ')}\n`);
}

/** Flags of `maxcompute table`. */
export interface MaxComputeTableFlags {
  job?: string;
  table?: string;
  columns?: string;
  types?: string;
  rule?: string;
  partition?: string;
  truncate?: boolean;
}

export async function tableAction(flags: MaxComputeTableFlags, ctx: CliContext): Promise<void> {
  if ((flags.job === undefined) === (flags.table === undefined || flags.columns === undefined))
    throw new CliUsageError('give --job, or --table with --columns');
  let types = flags.types
    ? jobFieldsTyped(
        flags.types
          .split(',')
          .map((t) => (t.includes(':') ? t : `${t}:string`))
          .join(','),
      ).types
    : {};
  if (flags.rule) {
    ctx.source = flags.rule;
    types = { ...jobFieldsOfRule(await ruleRead(path.resolve(ctx.io.cwd, flags.rule), flags.rule)).types, ...types };
  }
  let sql: string;
  let truncate = flags.truncate === true;
  if (flags.job !== undefined) {
    const { job, issues } = jobFromJson(await textRead(flags.job, ctx));
    if (!job) throw issuesError(issues, flags.job, 'Fix the job first (shiplens maxcompute job validate)');
    truncate = job.writer.truncate;
    const partitions = flags.partition === undefined ? tablePartitionColumns(job.writer.partition) : tablePartitionColumns(flags.partition);
    sql = tableDdl({ table: job.writer.table, columns: tableColumnsOfJob(job, types), partitionColumns: partitions });
  } else {
    const fields = jobFieldsTyped(flags.columns as string);
    const job = jobGenerate({ datasource: 'd', logstore: 'l', table: flags.table as string, columns: fields.columns });
    const partitions = flags.partition === undefined ? ['pt'] : tablePartitionColumns(flags.partition);
    sql = tableDdl({
      table: job.writer.table,
      columns: tableColumnsOfJob(job, { ...fields.types, ...types }),
      partitionColumns: partitions,
    });
  }
  const mode = tableWriteMode(truncate);
  await ctx.io.stdout.write(`${sql}-- write mode: ${mode.statement}\n-- ${mode.en}\n`);
}

/** Flags of `maxcompute policy …`. */
export interface PolicyFlags {
  project?: string[];
  account?: string;
  region?: string;
  shippingAccount?: string;
  bucketAccount?: string;
  role?: string;
  roleArn?: string;
}

/** Generator input fields → the flags that set them, so errors name what the user typed. */
const flagOf: Record<string, string> = {
  projects: '--project',
  accountId: '--account',
  shippingAccountId: '--shipping-account',
  bucketAccountId: '--bucket-account',
  roleName: '--role',
};

function passRole(flags: PolicyFlags): PolicyResult {
  if (flags.roleArn !== undefined) {
    if (flags.bucketAccount !== undefined || flags.role !== undefined)
      throw new CliUsageError('give --role-arn, or --bucket-account with --role');
    const parsed = roleArnParse(flags.roleArn);
    if (!parsed)
      throw new ShiplensError('INVALID_ARGUMENT', `"${flags.roleArn}" is not a role ARN.`, {
        source: '--role-arn',
        hint: 'Use acs:ram::<16-digit account>:role/<name>',
      });
    return policyPassRole({ bucketAccountId: parsed.accountId, roleName: parsed.roleName });
  }
  if (flags.bucketAccount === undefined || flags.role === undefined)
    throw new CliUsageError('give --role-arn, or --bucket-account with --role');
  return policyPassRole({ bucketAccountId: flags.bucketAccount, roleName: flags.role });
}

export async function policyAction(kind: 'subaccount' | 'trust' | 'passrole', flags: PolicyFlags, ctx: CliContext): Promise<void> {
  let result: PolicyResult;
  if (kind === 'subaccount') result = policySubaccount({ projects: flags.project ?? [], accountId: flags.account, region: flags.region });
  else if (kind === 'trust') result = policyTrust({ shippingAccountId: flags.shippingAccount ?? '' });
  else result = passRole(flags);
  if (!result.ok)
    throw issuesError(
      result.issues.map((i) => ({ ...i, path: flagOf[i.path.replace(/\[\d+\]$/, '')] ?? i.path })),
      undefined,
      'Account ids are 16 digits; role ARNs look like acs:ram::1234567890123456:role/aliyunlogdefaultrole',
    );
  await ctx.io.stdout.write(policyToJson(result.policy));
}
