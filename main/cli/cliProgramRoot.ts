/**
 * The `shiplens` program without its command groups: the root command (global options, help
 * footer, version), the one place that turns what a command threw into an exit code and a
 * stderr line, and the run loop. Which groups are registered is the caller's choice: all of
 * them (cliProgram.ts), or only one group for a quick start (main/cliQuickShipping.ts, main/cliQuickDecode.ts, main/cliQuickQuery.ts).
 */
import { Command, CommanderError } from 'commander';
import { cliCommandsComplete, cliCommandsOnly } from './cliCommandView';
import { cliErrorReport, exitCodes } from './cliErrors';
import type { CliContext } from './cliOptions';
import type { CliIo } from './cliOutput';

const version = '0.1.0';

const helpFooter = `
Objects are local paths or oss://bucket/key. Format and compression come from the name's
suffix (none, .snappy, .csv, .snappy.csv, .parquet, .snappy.parquet), or --format/--compression.
OSS and Log Service credentials: ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET/_SECURITY_TOKEN (or
OSS_ACCESS_KEY_ID/_SECRET), else the aliyun CLI profile (~/.aliyun/config.json), else the
ossutil config (~/.ossutilconfig); --profile picks a profile there.
Exit codes: 0 success, 1 bad input (one line on stderr), 2 usage error.`;

/** Adds one command group (option wiring only; actions load when a command runs). */
export type CliCommandsRegister = (program: Command, ctx: CliContext) => void;

/**
 * Build a fresh program bound to `ctx` (a program is single-use: commander keeps state). With
 * `args`, only the command they name is built (cliCommandView.ts); register functions see `program`.
 */
export function cliProgramBuild(
  ctx: CliContext,
  out: { text: string },
  groups: readonly CliCommandsRegister[],
  args?: readonly string[],
): Command {
  const root = new Command('shiplens')
    .description('Browse, decode and preview what Alibaba Cloud Log Service ships to OSS')
    .version(version, '-V, --version')
    .option('--debug', 'print stack traces with errors')
    .option('--endpoint <endpoint>', 'OSS or Log Service endpoint (host or URL)')
    .option('--region <region>', 'region id, e.g. cn-hangzhou')
    .option('--profile <name>', 'aliyun CLI / ossutil profile to take credentials from')
    .option('--path-style', 'address OSS buckets in the path (host/bucket/key); default for IP and localhost endpoints')
    .addHelpText('after', helpFooter)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void (out.text += text),
      writeErr: (text) => void (out.text += text),
      outputError: () => undefined,
    });
  const program = cliCommandsOnly(root, args);
  for (const register of groups) register(program, ctx);
  return cliCommandsComplete(program) ? root : cliProgramBuild(ctx, out, groups);
}

function commanderExit(error: CommanderError): { exitCode: number; text: string } {
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return { exitCode: exitCodes.ok, text: '' };
  // Help shown because a command is missing (`shiplens`, `shiplens rule`): a usage error.
  if (error.code === 'commander.help') return { exitCode: exitCodes.usage, text: '' };
  const message = error.message.replace(/^error: /, '').split('\n')[0] ?? error.message;
  return { exitCode: exitCodes.usage, text: `shiplens: ${message} (see shiplens --help)\n` };
}

/** Run `shiplens <args>` with the command `groups`; resolves to the exit code (never throws). */
export async function cliProgramRun(
  groups: readonly CliCommandsRegister[],
  args: string[],
  io: CliIo,
  signal: AbortSignal,
): Promise<number> {
  const ctx: CliContext = { io, signal };
  const out = { text: '' };
  const program = cliProgramBuild(ctx, out, groups, args);
  let result: { exitCode: number; text: string };
  try {
    await program.parseAsync(args, { from: 'user' });
    result = { exitCode: exitCodes.ok, text: '' };
  } catch (error) {
    result =
      error instanceof CommanderError
        ? commanderExit(error)
        : cliErrorReport(error, { debug: args.includes('--debug'), source: ctx.source });
  }
  try {
    // Help and version text (commander writes it synchronously) goes to stdout.
    if (out.text) await (result.exitCode === exitCodes.ok ? io.stdout : io.stderr).write(out.text);
    if (result.text) await io.stderr.write(result.text);
  } catch {
    // stdout/stderr gone: nothing left to tell.
  }
  return result.exitCode;
}
