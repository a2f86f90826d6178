/** Wires this process (argv, stdout/stderr, signals, exit code) to a `shiplens` run function. */
import { homedir } from 'node:os';
import { cliElectronExit } from './cliElectron';
import { appLaunchMode, processUserArgs } from './cliLaunch';
import type { CliIo } from './cliOutput';
import { cliStreamWriter } from './cliOutput';

export function cliProcessRun(run: (args: string[], io: CliIo, signal: AbortSignal) => Promise<number>): void {
  const controller = new AbortController();
  // First Ctrl-C cancels the running command (downloads keep their .part); a second one quits.
  process.once('SIGINT', () => {
    controller.abort();
    process.once('SIGINT', () => process.exit(130));
  });
  process.once('SIGTERM', () => controller.abort());

  const io = {
    stdout: cliStreamWriter(process.stdout),
    stderr: cliStreamWriter(process.stderr),
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
    homeDir: homedir(),
    cwd: process.cwd(),
    now: () => Date.now(),
  };

  // Node, `electron out/main/cli.cjs …` or the packaged app's binary (`<app executable> [--cli] forward …`).
  const electron = Boolean(process.versions.electron);
  const user = processUserArgs(process.argv, { electron, defaultApp: (process as { defaultApp?: boolean }).defaultApp === true });
  const launch = appLaunchMode(user);
  void run(launch.kind === 'cli' ? launch.args : user, io, controller.signal).then((code) => {
    process.exitCode = code;
    return cliElectronExit(code);
  });
}
