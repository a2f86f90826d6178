/**
 * `shiplens rule validate | import | export | simulate | ddl` — rule files in shiplens form or
 * Log Service JSON, checked, converted, simulated into objects, and turned into DDL.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Option } from 'commander';
import type { Command } from 'commander';
import { snappyCompressRaw } from '../../core/codecs/snappy';
import { ShiplensError } from '../../core/errors';
import { ddlGenerate } from '../../core/shipping/ddl';
import type { DdlEngine } from '../../core/shipping/ddl';
import type { ShippingRule } from '../../core/shipping/rule';
import { ruleValidate } from '../../core/shipping/ruleValidate';
import { shippingSimulate } from '../../core/shipping/simulator';
import type { ShippingLog } from '../../core/shipping/simulator';
import type { SlsJsonKind } from '../../core/shipping/slsJson';
import { ruleFromSlsJson, ruleToSlsJson } from '../../core/shipping/slsJson';
import { fsErrorToShiplens } from '../fileByteSource';
import { safeJoin } from '../safePath';
import { outputFileWrite } from '../services/outputWriter';
import { parquetWriteLite } from '../shipping/parquetWriter';
import { CliUsageError } from './cliErrors';
import type { CliContext } from './cliOptions';
import { intOption } from './cliOptions';
import { textTable } from './cliOutput';
import { ruleRead } from './cliRule';
import { cliTimeMs, cliTimeNs } from './cliTime';
import { cliSlsRuleImport } from './slsCommands';

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

async function validateAction(file: string, flags: { json?: boolean; lang: 'en' | 'zh-CN' }, ctx: CliContext): Promise<void> {
  const issues = ruleValidate(await ruleFile(file, ctx));
  const errors = issues.filter((i) => i.severity === 'error').length;
  if (flags.json) await ctx.io.stdout.write(`${JSON.stringify({ valid: errors === 0, issues }, null, 2)}\n`);
  else if (issues.length === 0) await ctx.io.stdout.write('The rule is valid.\n');
  else await ctx.io.stdout.write(textTable(issues.map((i) => [i.severity, i.field, i.code, i.message[flags.lang]])));
  if (errors > 0) {
    throw new ShiplensError('RULE_INVALID', `The rule has ${errors} error${errors === 1 ? '' : 's'}${issues.length > errors ? ` and ${issues.length - errors} warning(s)` : ''}.`, { source: file, hint: 'Fix the fields listed above' });
  }
}

interface ImportFlags {
  from?: string;
  output?: string;
  force?: boolean;
}

async function importAction(file: string | undefined, flags: ImportFlags, command: Command, ctx: CliContext): Promise<void> {
  if ((file === undefined) === (flags.from === undefined)) throw new CliUsageError('give a Log Service JSON file or --from <project>/<logstore>/<shipper> (one of them)');
  let text: string;
  if (flags.from !== undefined) {
    text = await cliSlsRuleImport(flags.from, command, ctx);
  } else {
    ctx.source = file;
    const json = await readFile(path.resolve(ctx.io.cwd, file as string), 'utf8').catch((error: unknown) => {
      throw fsErrorToShiplens(error, file as string);
    });
    text = `${JSON.stringify(ruleFromSlsJson(json), null, 2)}\n`;
  }
  await emit(text, flags.output, flags.force === true, ctx);
}

async function exportAction(file: string, flags: { kind: SlsJsonKind; output?: string; force?: boolean }, ctx: CliContext): Promise<void> {
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
      throw new ShiplensError('JSON_LINE_INVALID', `Line ${i + 1} is not a JSON object.`, { source, hint: 'Give one log per line, e.g. {"__time__":1484913043,"__topic__":"","__source__":"10.0.0.1","k":"v"}' });
    }
    logs.push(value as ShippingLog);
  });
  return logs;
}

interface SimulateFlags {
  logs: string;
  taskTime: string;
  taskNumber: number;
  output: string;
  force?: boolean;
}

async function simulateAction(file: string, flags: SimulateFlags, ctx: CliContext): Promise<void> {
  const rule = await ruleFile(file, ctx);
  ctx.source = flags.logs;
  const logsText = await readFile(path.resolve(ctx.io.cwd, flags.logs), 'utf8').catch((error: unknown) => {
    throw fsErrorToShiplens(error, flags.logs);
  });
  const logs = logsParse(logsText, flags.logs);
  const ns = cliTimeNs(flags.taskTime, rule.timeZone, ctx.io.now());
  ctx.source = file;
  const objects = await shippingSimulate(rule, logs, ns, flags.taskNumber, { parquetWrite: parquetWriteLite, compressRaw: snappyCompressRaw });
  const dir = path.resolve(ctx.io.cwd, flags.output);
  for (const object of objects) {
    const target = safeJoin(dir, object.key);
    await outputFileWrite(target, { overwrite: flags.force === true, root: dir }, object.bytes);
    await ctx.io.stdout.write(`${object.key}  ${object.bytes.length} bytes  ${object.rows} logs\n`);
  }
  if (objects.length === 0) await ctx.io.stdout.write('No logs: the task writes no object.\n');
}

interface DdlFlags {
  engine: DdlEngine;
  table?: string;
  from?: string;
  to?: string;
  ossEndpoint?: string;
  partitionColumn?: string;
}

async function ddlAction(file: string, flags: DdlFlags, ctx: CliContext): Promise<void> {
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

/** Register the `rule` group. */
export function ruleCommandsRegister(program: Command, ctx: CliContext): void {
  const rule = program.command('rule').description('shipping rules: validate, convert to/from Log Service JSON, simulate, DDL');
  rule.command('validate <rule.json>').description('check every console constraint (exit 1 when there are errors)')
    .option('--json', 'print JSON')
    .addOption(new Option('--lang <language>', 'message language').choices(['en', 'zh-CN']).default('en'))
    .action((file: string, flags: { json?: boolean; lang: 'en' | 'zh-CN' }) => validateAction(file, flags, ctx));
  rule.command('import [sls.json]').description('Log Service JSON (file, or --from the project) → shiplens rule JSON')
    .option('--from <project/logstore/shipper>', 'read the rule from Log Service (uses --endpoint/--region)')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('--force', 'replace an existing output file')
    .action((file: string | undefined, flags: ImportFlags, command: Command) => importAction(file, flags, command, ctx));
  rule.command('export <rule.json>').description('shiplens rule → Log Service JSON')
    .addOption(new Option('--kind <kind>', 'classic OSS shipper or OSS export job').choices(['shipper', 'ossExport']).default('shipper'))
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('--force', 'replace an existing output file')
    .action((file: string, flags: { kind: SlsJsonKind; output?: string; force?: boolean }) => exportAction(file, flags, ctx));
  rule.command('simulate <rule.json>').description('write the exact objects the rule would ship for some logs')
    .requiredOption('--logs <logs.jsonl>', 'logs, one JSON object per line (__time__, __topic__, __source__, fields)')
    .requiredOption('--task-time <time>', 'task creation time (ISO 8601 or 19-digit ns)')
    .option('--task-number <n>', 'task number', intOption(0), 1)
    .requiredOption('-o, --output <dir>', 'folder to write the objects into (as their keys)')
    .option('--force', 'replace existing objects')
    .action((file: string, flags: SimulateFlags) => simulateAction(file, flags, ctx));
  rule.command('ddl <rule.json>').description('Hive / Spark / MaxCompute external table DDL for the shipped objects')
    .addOption(new Option('--engine <engine>', 'target engine').choices(['hive', 'spark', 'maxcompute']).makeOptionMandatory())
    .option('--table <name>', 'table name (default: the rule name)')
    .option('--from <time>', 'add partitions for task times from (non-Hive layouts)')
    .option('--to <time>', 'add partitions for task times to')
    .option('--oss-endpoint <host>', 'OSS endpoint for MaxCompute LOCATION')
    .option('--partition-column <name>', 'partition column of non-Hive dated layouts (default dt)')
    .action((file: string, flags: DdlFlags) => ddlAction(file, flags, ctx));
}
