/**
 * What `shiplens rule validate | import | export | simulate | ddl` do (wired in
 * ruleCommands.ts): rule files in shiplens form or Log Service JSON, checked, converted,
 * simulated into objects, and turned into DDL.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { ShiplensError } from '../../core/errors';
import { ddlGenerate, ruleValidate, ruleFromSlsJson, ruleToSlsJson } from '../../core/shipping';
import type { DdlEngine, ShippingLog, SlsJsonKind } from '../../core/shipping';
import type { ShippingRule } from '../../core/model';
import { fsReadErrorToShiplens } from '../fileByteSource';
import { safeJoin } from '../safePath';
import { outputFileWrite } from '../services/outputWriter';
import { engineShared } from '../engine';
import { CliUsageError } from './cliErrors';
import type { CliContext } from './cliOptions';
import { textTable } from './cliOutput';
import { ruleRead } from './cliRule';
import { cliTimeMs, cliTimeNs } from './cliTime';
import { cliSlsRuleImport } from './slsActions';

function ruleFile(file: string, ctx: CliContext): Promise<ShippingRule> {
  ctx.source = file;
  return ruleRead(path.resolve(ctx.io.cwd, file), file);
}

/** Text to stdout (`-` or none) or to a file via `.part` + rename. */
async function emit(text: string, output: string | undefined, force: boolean, ctx: CliContext): Promise<void> {
  if (output === undefined || output === '-') {
    await ctx.io.stdout.write(text);
    return;
  }
  await outputFileWrite(path.resolve(ctx.io.cwd, output), { overwrite: force }, text);
}

export async function validateAction(file: string, flags: { json?: boolean; lang: 'en' | 'zh-CN' }, ctx: CliContext): Promise<void> {
  const issues = ruleValidate(await ruleFile(file, ctx));
  const errors = issues.filter((i) => i.severity === 'error').length;
  if (flags.json) await ctx.io.stdout.write(`${JSON.stringify({ valid: errors === 0, issues }, null, 2)}\n`);
  else if (issues.length === 0) await ctx.io.stdout.write('The rule is valid.\n');
  else await ctx.io.stdout.write(textTable(issues.map((i) => [i.severity, i.field, i.code, i.message[flags.lang]])));
  if (errors > 0) {
    throw new ShiplensError(
      'RULE_INVALID',
      `The rule has ${errors} error${errors === 1 ? '' : 's'}${issues.length > errors ? ` and ${issues.length - errors} warning(s)` : ''}.`,
      { source: file, hint: 'Fix the fields listed above' },
    );
  }
}

export interface ImportFlags {
  from?: string;
  output?: string;
  force?: boolean;
}

export async function importAction(file: string | undefined, flags: ImportFlags, command: Command, ctx: CliContext): Promise<void> {
  if ((file === undefined) === (flags.from === undefined))
    throw new CliUsageError('give a Log Service JSON file or --from <project>/<logstore>/<shipper> (one of them)');
  let text: string;
  if (flags.from !== undefined) {
    text = await cliSlsRuleImport(flags.from, command, ctx);
  } else {
    ctx.source = file;
    const json = await readFile(path.resolve(ctx.io.cwd, file as string), 'utf8').catch((error: unknown) => {
      throw fsReadErrorToShiplens(error, file as string);
    });
    text = `${JSON.stringify(ruleFromSlsJson(json), null, 2)}\n`;
  }
  await emit(text, flags.output, flags.force === true, ctx);
}

export async function exportAction(
  file: string,
  flags: { kind: SlsJsonKind; output?: string; force?: boolean },
  ctx: CliContext,
): Promise<void> {
  await emit(`${ruleToSlsJson(await ruleFile(file, ctx), flags.kind)}\n`, flags.output, flags.force === true, ctx);
}

/** Logs for the simulator: one JSON object per line (blank lines skipped). */
export function logsParse(text: string, source: string): ShippingLog[] {
  const logs: ShippingLog[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      value = undefined;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      throw new ShiplensError('JSON_LINE_INVALID', `Line ${i + 1} is not a JSON object.`, {
        source,
        hint: 'Give one log per line, e.g. {"__time__":1484913043,"__topic__":"","__source__":"10.0.0.1","k":"v"}',
      });
    }
    logs.push(value as ShippingLog);
  });
  return logs;
}

export interface SimulateFlags {
  logs: string;
  taskTime: string;
  taskNumber: number;
  output: string;
  force?: boolean;
}

export async function simulateAction(file: string, flags: SimulateFlags, ctx: CliContext): Promise<void> {
  const rule = await ruleFile(file, ctx);
  ctx.source = flags.logs;
  const logsText = await readFile(path.resolve(ctx.io.cwd, flags.logs), 'utf8').catch((error: unknown) => {
    throw fsReadErrorToShiplens(error, flags.logs);
  });
  const logs = logsParse(logsText, flags.logs);
  const ns = cliTimeNs(flags.taskTime, rule.timeZone, ctx.io.now());
  ctx.source = file;
  const objects = await engineShared().shippingSimulate(rule, logs, ns, flags.taskNumber);
  const dir = path.resolve(ctx.io.cwd, flags.output);
  for (const object of objects) {
    const target = safeJoin(dir, object.key);
    await outputFileWrite(target, { overwrite: flags.force === true, root: dir }, object.bytes);
    await ctx.io.stdout.write(`${object.key}  ${object.bytes.length} bytes  ${object.rows} logs\n`);
  }
  if (objects.length === 0) await ctx.io.stdout.write('No logs: the task writes no object.\n');
}

export interface DdlFlags {
  engine: DdlEngine;
  table?: string;
  from?: string;
  to?: string;
  ossEndpoint?: string;
  partitionColumn?: string;
}

export async function ddlAction(file: string, flags: DdlFlags, ctx: CliContext): Promise<void> {
  const rule = await ruleFile(file, ctx);
  if ((flags.from === undefined) !== (flags.to === undefined)) throw new CliUsageError('--from and --to go together');
  const now = ctx.io.now();
  const result = ddlGenerate(rule, flags.engine, {
    table: flags.table,
    endpoint: flags.ossEndpoint,
    partitionColumn: flags.partitionColumn,
    fromMs: flags.from === undefined ? undefined : cliTimeMs(flags.from, rule.timeZone, now),
    toMs: flags.to === undefined ? undefined : cliTimeMs(flags.to, rule.timeZone, now),
  });
  await ctx.io.stdout.write(result.sql.endsWith('\n') ? result.sql : `${result.sql}\n`);
  for (const warning of result.warnings) await ctx.io.stderr.write(`shiplens: ${file}: warning: ${warning}\n`);
}
