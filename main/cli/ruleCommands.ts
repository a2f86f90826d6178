/**
 * `shiplens rule validate | import | export | simulate | ddl` — rule files in shiplens form or
 * Log Service JSON. Only option wiring lives here; the actions (ruleActions.ts) load when one
 * of these commands runs.
 */
import { Option } from 'commander';
import type { Command } from 'commander';
import type { SlsJsonKind } from '../../core/shipping';
import type { CliContext } from './cliOptions';
import { intOption } from './cliOptions';
import type { DdlFlags, ImportFlags, SimulateFlags } from './ruleActions';

const actions = () => import('./ruleActions');

/** Register the `rule` group. */
export function ruleCommandsRegister(program: Command, ctx: CliContext): void {
  const rule = program.command('rule').description('shipping rules: validate, convert to/from Log Service JSON, simulate, DDL');
  rule
    .command('validate <rule.json>')
    .description('check every console constraint (exit 1 when there are errors)')
    .option('--json', 'print JSON')
    .addOption(new Option('--lang <language>', 'message language').choices(['en', 'zh-CN']).default('en'))
    .action(async (file: string, flags: { json?: boolean; lang: 'en' | 'zh-CN' }) => (await actions()).validateAction(file, flags, ctx));
  rule
    .command('import [sls.json]')
    .description('Log Service JSON (file, or --from the project) → shiplens rule JSON')
    .option('--from <project/logstore/shipper>', 'read the rule from Log Service (uses --endpoint/--region)')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('--force', 'replace an existing output file')
    .action(async (file: string | undefined, flags: ImportFlags, command: Command) =>
      (await actions()).importAction(file, flags, command, ctx),
    );
  rule
    .command('export <rule.json>')
    .description('shiplens rule → Log Service JSON')
    .addOption(new Option('--kind <kind>', 'classic OSS shipper or OSS export job').choices(['shipper', 'ossExport']).default('shipper'))
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('--force', 'replace an existing output file')
    .action(async (file: string, flags: { kind: SlsJsonKind; output?: string; force?: boolean }) =>
      (await actions()).exportAction(file, flags, ctx),
    );
  rule
    .command('simulate <rule.json>')
    .description('write the exact objects the rule would ship for some logs')
    .requiredOption('--logs <logs.jsonl>', 'logs, one JSON object per line (__time__, __topic__, __source__, fields)')
    .requiredOption('--task-time <time>', 'task creation time (ISO 8601 or 19-digit ns)')
    .option('--task-number <n>', 'task number', intOption(0), 1)
    .requiredOption('-o, --output <dir>', 'folder to write the objects into (as their keys)')
    .option('--force', 'replace existing objects')
    .action(async (file: string, flags: SimulateFlags) => (await actions()).simulateAction(file, flags, ctx));
  rule
    .command('ddl <rule.json>')
    .description('Hive / Spark / MaxCompute external table DDL for the shipped objects')
    .addOption(new Option('--engine <engine>', 'target engine').choices(['hive', 'spark', 'maxcompute']).makeOptionMandatory())
    .option('--table <name>', 'table name (default: the rule name)')
    .option('--from <time>', 'add partitions for task times from (non-Hive layouts)')
    .option('--to <time>', 'add partitions for task times to')
    .option('--oss-endpoint <host>', 'OSS endpoint for MaxCompute LOCATION')
    .option('--partition-column <name>', 'partition column of non-Hive dated layouts (default dt)')
    .action(async (file: string, flags: DdlFlags) => (await actions()).ddlAction(file, flags, ctx));
}
