// Test helpers for the CLI: run it in-process with captured output, or spawn the built bundle.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../../main/cli/cliOutput';
import type { SecretBox } from '../../main/credentials/secretBox';
import { cliRun } from '../../main/cli/cliProgram';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const fixtureDir = join(repoRoot, 'test', 'fixtures', 'generated');
export const cliBundle = join(repoRoot, 'out', 'main', 'cli.cjs');

export interface CliResult {
  code: number;
  stdout: string;
  stdoutBytes: Uint8Array;
  stderr: string;
}

/** Run `shiplens <args>` in this process. */
export async function cliCapture(
  args: string[],
  options: {
    env?: Record<string, string | undefined>;
    cwd?: string;
    home?: string;
    now?: number;
    tty?: boolean;
    /** The secret box profile secrets are unsealed with (default: the process's, i.e. none under Node). */
    secretBox?: SecretBox;
  } = {},
): Promise<CliResult> {
  const out: Uint8Array[] = [];
  let err = '';
  const encoder = new TextEncoder();
  const io: CliIo = {
    stdout: { write: async (chunk) => void out.push(typeof chunk === 'string' ? encoder.encode(chunk) : chunk.slice()) },
    stderr: { write: async (chunk) => void (err += typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk)) },
    stderrIsTTY: options.tty === true,
    env: options.env ?? {},
    homeDir: options.home ?? '/nonexistent-home',
    cwd: options.cwd ?? repoRoot,
    now: () => options.now ?? Date.UTC(2026, 10, 25),
  };
  const { secretBox } = options;
  if (secretBox) io.secretBoxOpen = async () => secretBox;
  const code = await cliRun(args, io);
  const stdoutBytes = new Uint8Array(out.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of out) {
    stdoutBytes.set(c, at);
    at += c.length;
  }
  return { code, stdout: new TextDecoder().decode(stdoutBytes), stdoutBytes, stderr: err };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function bundleFresh(): boolean {
  const built = existsSync(cliBundle) ? statSync(cliBundle).mtimeMs : 0;
  return built > Math.max(newestMtime(join(repoRoot, 'core')), newestMtime(join(repoRoot, 'main')));
}

/**
 * Build out/main (esbuild, as `npm run build` does for main) unless the bundle is newer than
 * every source under core/ and main/. A lock directory keeps parallel test files from building twice.
 */
export async function cliBuildEnsure(): Promise<void> {
  const lock = join(repoRoot, 'out', '.cli-test-build.lock');
  mkdirSync(join(repoRoot, 'out'), { recursive: true });
  for (let waited = 0; ; waited += 100) {
    if (bundleFresh()) return;
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another test file is building (or a stale lock from a killed run: take it after 60 s).
      if (waited > 60_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    if (bundleFresh()) return;
    const result = await cliSpawn([join(repoRoot, 'scripts', 'build.mjs'), '--main'], { raw: true });
    if (result.code !== 0) throw new Error(`build failed: ${result.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Spawn `node out/main/cli.cjs <args>` (asynchronously: in-process test servers keep serving). */
export function cliSpawn(
  args: string[],
  options: { env?: Record<string, string | undefined>; cwd?: string; raw?: boolean; input?: string } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const env = { PATH: process.env.PATH, HOME: '/nonexistent-home', ...options.env };
    const child = spawn(process.execPath, options.raw ? args : [cliBundle, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: env as NodeJS.ProcessEnv,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      const bytes = Buffer.concat(out);
      resolve({
        code: code ?? -1,
        stdout: bytes.toString('utf8'),
        stdoutBytes: new Uint8Array(bytes),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** The one-line error contract: `shiplens: <source>: <message> (<hint>)`, nothing else. */
export const oneLineError = /^shiplens: [^\n]+: [^\n]+\n$/;
