/**
 * `npm start`: run the Electron app when its binary can start; otherwise browser mode, with
 * one plain line saying why, the URL (with its token) printed, and the default browser opened.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { errorOneLine, toShiplensError } from '../core/errors';
import { electronBinaryFind, electronDisplayMissing } from './electronProbe';
import { browserOpen } from './server/browserOpen';
import { startBrowserServer } from './server/browserServer';
import { dataDirResolve } from './services/dataDir';

const root = join(__dirname, '..', '..');
const probeMs = 3000;

function electronEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  return env;
}

/** Start Electron; resolves null when it is running, or the reason it could not start. */
function electronTry(): Promise<string | null> {
  const found = electronBinaryFind(process.env, root);
  if ('reason' in found) return Promise.resolve(found.reason);
  const noDisplay = electronDisplayMissing();
  if (noDisplay) return Promise.resolve(noDisplay);
  return new Promise((resolve) => {
    const child = spawn(found.path, [join(root, 'out', 'main', 'electron.cjs')], {
      stdio: ['ignore', 'inherit', 'pipe'],
      env: electronEnv(),
    });
    const stderr: Buffer[] = [];
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
    const timer = setTimeout(() => {
      // Still running after the probe window: Electron started; hand over its stderr and exit code.
      child.removeAllListeners('exit');
      for (const chunk of stderr) process.stderr.write(chunk);
      child.stderr?.pipe(process.stderr);
      child.on('exit', (code) => process.exit(code ?? 0));
      resolve(null);
    }, probeMs);
    child.once('error', () => {
      clearTimeout(timer);
      resolve('its binary could not be run');
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(`it exited at start (${signal ?? `code ${code}`})`);
    });
  });
}

async function browserMode(reason: string, forced: boolean): Promise<void> {
  process.stdout.write(
    forced ? 'shiplens: opening browser mode.\n' : `shiplens: Electron could not start (${reason}); opening browser mode instead.\n`,
  );
  const dataDir = dataDirResolve();
  const server = await startBrowserServer({ rendererDir: join(root, 'out', 'renderer'), dataDir });
  // Generate the sample bucket now so the first page shows data without waiting.
  await server.services.connections.info().catch(() => undefined);
  process.stdout.write(`shiplens: browser mode at ${server.url}\n`);
  if (!process.argv.includes('--no-open')) browserOpen(server.launchUrl, process.env);
  const stop = (): void => {
    void server.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function main(): Promise<void> {
  const forced = process.argv.includes('--browser') ? 'browser mode was asked for' : null;
  const reason = forced ?? (await electronTry());
  if (reason !== null) await browserMode(reason, forced !== null);
}

main().catch((error: unknown) => {
  process.stderr.write(`shiplens: ${errorOneLine(toShiplensError(error).toInfo())}\n`);
  process.exit(1);
});
