/**
 * `shiplens maxcompute job validate|new`, `schedule`, `table`, `policy subaccount|trust|passrole`
 * (issue 17): the DataWorks hand-off of SPEC §8–§9. Only option wiring lives here; the actions
 * and the engine load when a maxcompute command runs, so other commands do not pay for them.
 */
import { Option } from 'commander';
import type { Command } from 'commander';
import type { CliContext } from './cliOptions';
import { intOption } from './cliOptions';
import type { JobNewFlags, PolicyFlags, ScheduleFlags, MaxComputeTableFlags } from './maxcomputeActions';

const actions = () => import('./maxcomputeActions');
const lang = () => new Option('--lang <language>', 'message language').choices(['en', 'zh-CN']).default('en');
const collect = (value: string, previous: string[] = []) => [...previous, value];

function jobCommands(group: Command, ctx: CliContext): void {
  const job = group.command('job').description('DataWorks Data Integration job (script mode JSON)');
  job
    .command('validate <job.json>')
    .description('check a job; exit 1 with one line per problem naming its JSON path')
    .option('--json', 'print {valid, issues} as JSON')
    .addOption(lang())
    .action(async (file: string, flags: { json?: boolean; lang: 'en' | 'zh-CN' }) => (await actions()).jobValidateAction(file, flags, ctx));
  job
    .command('new')
    .description('print a job reading a Logstore into a MaxCompute table')
    .requiredOption('--logstore <name>', 'Logstore to read')
    .requiredOption('--datasource <name>', 'LogHub data source name')
    .requiredOption('--table <name>', 'MaxCompute table to write')
    .option('--columns <a,b,c>', 'log fields (a type after ":" is kept for `table`, e.g. status:int64)')
    .option('--rule <rule.json>', 'take the fields from a shipping rule instead')
    .option('--object <object>', 'take the fields from a shipped object (local path or oss://)')
    .option('--target-columns <a,b,c>', 'MaxCompute columns (default: the fields, made valid)')
    .option('--partition <spec>', 'writer partition (default pt=${bdp.system.bizdate}; "" for none)')
    .option('--odps-datasource <name>', 'MaxCompute data source (default odps_first)')
    .option('--begin <expr>', 'beginDateTime (default ${startTime})')
    .option('--end <expr>', 'endDateTime (default ${endTime})')
    .option('--batch-size <n>', 'logs per request (default 256)', intOption(1))
    .option('--truncate', 'insert overwrite instead of insert into (each run replaces its partition)')
    .action(async (flags: JobNewFlags, command: Command) => (await actions()).jobNewAction(flags, command, ctx));
}

function policyCommands(group: Command, ctx: CliContext): void {
  const policy = group.command('policy').description('RAM policies for DataWorks reads and cross-account shipping (JSON)');
  policy
    .command('subaccount')
    .description('custom policy for a sub-account reading the chosen projects')
    .requiredOption('--project <name>', 'Log Service project (repeat for several)', collect)
    .option('--account <id>', 'account owning the projects (default *)')
    .option('--region <id>', 'region (default *)')
    .action(async (flags: PolicyFlags) => (await actions()).policyAction('subaccount', flags, ctx));
  policy
    .command('trust')
    .description("trust policy of the bucket owner's role: Log Service of the shipping account may assume it")
    .requiredOption('--shipping-account <id>', 'account id of the Log Service project (16 digits)')
    .action(async (flags: PolicyFlags) => (await actions()).policyAction('trust', flags, ctx));
  policy
    .command('passrole')
    .description("ram:PassRole on the bucket owner's role for the sub-account creating the rule")
    .option('--bucket-account <id>', 'account id owning the bucket and role (16 digits)')
    .option('--role <name>', 'role name, e.g. AliyunLogDefaultRole')
    .option('--role-arn <arn>', 'or the role ARN acs:ram::<account>:role/<name>')
    .action(async (flags: PolicyFlags) => (await actions()).policyAction('passrole', flags, ctx));
}

/** Register the `maxcompute` group. */
export function maxcomputeCommandsRegister(program: Command, ctx: CliContext): void {
  const group = program
    .command('maxcompute')
    .description('DataWorks job, schedule windows, MaxCompute table and RAM policies (SPEC §8, §9)');
  jobCommands(group, ctx);
  group
    .command('schedule')
    .description("the [begin, end) windows of a minute schedule's next runs, with gaps and overlaps")
    .requiredOption('--begin <expr>', 'beginDateTime expression, e.g. $[yyyymmddhh24miss-10/24/60]')
    .requiredOption('--end <expr>', 'endDateTime expression, e.g. $[yyyymmddhh24miss-5/24/60]')
    .requiredOption('--every <N>m', 'interval, e.g. 5m or 1h')
    .option('--start <HH:MM>', 'first run of the day', '00:00')
    .option('--stop <HH:MM>', 'last possible run of the day', '23:59')
    .requiredOption('--from <time>', 'first run at or after this time (ISO 8601, yyyyMMddHHmmss, now)')
    .requiredOption('--runs <N>', 'number of runs (1–10000)', intOption(1))
    .option('--tz <zone>', 'zone the project schedules in', '+08:00')
    .option('--partition <spec>', 'also expand the writer partition, e.g. pt=${bdp.system.bizdate}')
    .option('--truncate', "the writer overwrites (count runs replacing the previous run's partition)")
    .option('--json', 'print the report as JSON')
    .action(async (flags: ScheduleFlags) => (await actions()).scheduleAction(flags, ctx));
  group
    .command('table')
    .description("CREATE TABLE for the job's mapped columns, and what its write mode does")
    .option('--job <job.json>', 'take table, columns and partition from a job')
    .option('--table <name>', 'table name (without --job)')
    .option('--columns <a,b:int64>', 'columns with optional Parquet types (without --job)')
    .option('--types <a:int64,b:double>', "Parquet types of the job's log fields")
    .option('--rule <rule.json>', "take the fields' Parquet types from a shipping rule")
    .option('--partition <spec>', 'partition columns (default pt)')
    .option('--truncate', 'explain insert overwrite (without --job)')
    .action(async (flags: MaxComputeTableFlags) => (await actions()).tableAction(flags, ctx));
  policyCommands(group, ctx);
}
