/**
 * `shiplens ls | get | serve` — listing (paged, streamed), downloads (atomic, resumable) and
 * browser mode, on a local folder or `oss://bucket/prefix`. Only option wiring lives here; the
 * actions (storageActions.ts, serveCommand.ts) load when one of these commands runs.
 */
import type { Command } from 'commander';
import type { CliContext } from './cliOptions';
import { intOption } from './cliOptions';
import type { ServeFlags } from './serveCommand';
import type { LsFlags } from './storageActions';

const actions = () => import('./storageActions');

/** Register ls, get and serve. */
export function storageCommandsRegister(program: Command, ctx: CliContext): void {
  program
    .command('ls <url>')
    .description('list a local folder or oss://bucket/prefix (paged; output streams as pages arrive)')
    .option('-r, --recursive', 'every key under the prefix (no folders)')
    .option('--json', 'one JSON object per line: {"type":"object",key,size,lastModified} or {"type":"prefix",key}')
    .option('--page-size <n>', 'keys per listing request (1–1000)', intOption(1), 1000)
    .action(async (url: string, flags: LsFlags, command: Command) => (await actions()).lsAction(url, flags, command, ctx));
  program
    .command('get <url>')
    .description('download an object (or every object under prefix/) via <name>.part + rename; resumes broken downloads')
    .option('-o, --output <dir>', 'folder to write into (default: the current folder)')
    .option('--force', 'replace existing files')
    .action(async (url: string, flags: { output?: string; force?: boolean }, command: Command) =>
      (await actions()).getAction(url, flags, command, ctx),
    );
  program
    .command('serve')
    .description('start browser mode on 127.0.0.1 and print its URL (with the access token)')
    .option('--port <n>', 'port (default: a random free port)', intOption(1))
    .option('--no-open', 'do not open the default browser')
    .option('--bucket <folder|oss://bucket>', 'open this local folder or OSS bucket (default: the sample bucket)')
    .action(async (flags: ServeFlags, command: Command) => (await import('./serveCommand')).serveAction(flags, command, ctx));
}
