/** The `shiplens` command line: wires the process to `cliRun` (main/cli/); nothing else. */
import { homedir } from 'node:os';
import { cliStreamWriter } from './cli/cliOutput';
import { cliRun } from './cli/cliProgram';

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

void cliRun(process.argv.slice(2), io, controller.signal).then((code) => {
  process.exitCode = code;
});
