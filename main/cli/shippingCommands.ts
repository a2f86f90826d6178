/**
 * `shiplens key | path | plan` — the shipping engine on the command line: what a key says,
 * which partition (or full key) a task time gives, which prefixes hold a log-time range.
 * (`shiplens rule …` lives in ruleCommands.ts, registered right after this group by cliProgram.ts
 * and kept out of the quick bundle.) Only option wiring lives here; the actions
 * (shippingActions.ts) load when one of these commands runs.
 */
import { Option } from 'commander';
import type { Command } from 'commander';
import { defaultTimeZone } from '../../core/shipping';
import type { CliContext } from './cliOptions';
import { intOption } from './cliOptions';
import type { KeyFlags, PathFlags, PlanFlags } from './shippingActions';

const actions = () => import('./shippingActions');

/** Register key, path and plan. */
export function shippingCommandsRegister(program: Command, ctx: CliContext): void {
  program
    .command('key <key>')
    .description('parse a shipped object key: prefix, partition, Hive columns, task time (ns), task number, format')
    .option('--json', 'print JSON (taskTimeNs as a string)')
    .option('--format <partition-format>', "the rule's partition format (default: inferred)")
    .option('--prefix <prefix>', "the rule's OSS prefix (default: inferred)")
    .option('--tz <zone>', 'time zone of the partition (default +08:00)')
    .option('--rule <rule.json>', 'check the key against a rule')
    .action(async (key: string, flags: KeyFlags) => (await actions()).keyAction(key, flags, ctx));
  program
    .command('path')
    .description('render a partition format for a task time, or the full object key')
    .requiredOption('--format <partition-format>', 'partition format, e.g. %Y/%m/%d/%H/%M')
    .option('--time <time>', 'task creation time: ISO 8601 (an offset wins over --tz), Unix s/ms/ns (default: now)')
    .option('--ns <ns>', 'task creation time in Unix nanoseconds (19 digits)')
    .option('--tz <zone>', 'time zone the partition is rendered in', defaultTimeZone)
    .option('--prefix <prefix>', 'OSS prefix (prints the full key)')
    .addOption(new Option('--storage <format>', 'storage format for the suffix (prints the full key)').choices(['json', 'csv', 'parquet']))
    .addOption(new Option('--compression <compression>', 'compression for the suffix (prints the full key)').choices(['none', 'snappy']))
    .option('--task-number <n>', 'task number (prints the full key)', intOption(0))
    .option('--bucket <bucket>', 'OSS bucket (prints the object URL oss://bucket/key)')
    .action(async (flags: PathFlags) => (await actions()).pathAction(flags, ctx));
  program
    .command('plan')
    .description('which prefixes hold the logs of a log-time range (partitions are task times: lag included)')
    .requiredOption('--rule <rule.json>', 'shiplens rule or Log Service JSON')
    .requiredOption('--from <time>', 'log time from (inclusive)')
    .requiredOption('--to <time>', 'log time to (exclusive)')
    .option('--tz <zone>', "zone of times without an offset (default: the rule's)")
    .option('--slack <minutes>', 'extra lag after --to (default 10)', intOption(0))
    .option('--json', 'print JSON')
    .action(async (flags: PlanFlags) => (await actions()).planAction(flags, ctx));
}
