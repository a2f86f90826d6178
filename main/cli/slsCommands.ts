/**
 * `shiplens tasks [list] | retry` — Log Service shipping tasks. Only option wiring lives here;
 * the actions (slsActions.ts) and the Log Service client load when one of these commands runs.
 */
import { Option } from 'commander';
import type { Command } from 'commander';
import { defaultTimeZone } from '../../core/shipping';
import type { CliContext } from './cliOptions';
import type { TasksFlags } from './slsActions';

const actions = () => import('./slsActions');

/** Register `tasks [list]` and `tasks retry`. */
export function slsCommandsRegister(program: Command, ctx: CliContext): void {
  const tasks = program
    .command('tasks')
    .description('Log Service shipping tasks of a rule: status, times, lines, errors with advice; retry failed ones');
  tasks
    .command('list <project/logstore/shipper>', { isDefault: true })
    .description('list tasks (default: the last two days)')
    .option('--from <time>', 'from (ISO 8601, Unix s/ms, -2d …)')
    .option('--to <time>', 'to (default: now)')
    .addOption(new Option('--status <status>', 'only tasks with this status').choices(['success', 'running', 'fail']))
    .option('--json', 'print JSON')
    .option('--tz <zone>', 'zone for times shown and read', defaultTimeZone)
    .addOption(new Option('--lang <language>', 'language of the advice').choices(['en', 'zh-CN']).default('en'))
    .action(async (address: string, flags: TasksFlags, command: Command) => (await actions()).tasksAction(address, flags, command, ctx));
  tasks
    .command('retry <project/logstore/shipper>')
    .description('retry failed tasks (needs write permission on the shipper)')
    .option('--id <id...>', 'task ids to retry')
    .option('--all-failed', 'retry every failed task of the last two days')
    .option('--json', 'print JSON')
    .action(async (address: string, flags: { id?: string[]; allFailed?: boolean; json?: boolean }, command: Command) =>
      (await actions()).retryAction(address, flags, command, ctx),
    );
}
