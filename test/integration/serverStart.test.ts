// `npm start` without an Electron binary: one plain line, then browser mode on the sample bucket.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './serverHelpers';

const root = new URL('../..', import.meta.url).pathname;
let child: ChildProcess | null = null;

beforeAll(async () => {
  if (!existsSync(`${root}out/main/start.cjs`)) {
    await new Promise((resolve) =>
      spawn(process.execPath, ['scripts/build.mjs', '--main'], { cwd: root, stdio: 'ignore' }).on('exit', resolve),
    );
  }
});

afterAll(() => {
  child?.kill('SIGTERM');
});

describe('start.cjs', () => {
  it('falls back to browser mode with one line and a working tokened URL', async () => {
    const dataDir = await tempDir('start');
    // An empty DISPLAY makes the outcome the same whether or not an Electron binary exists.
    child = spawn(process.execPath, ['out/main/start.cjs', '--no-open'], {
      cwd: root,
      env: { ...process.env, SHIPLENS_DATA_DIR: dataDir, DISPLAY: '', WAYLAND_DISPLAY: '', CI: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    await new Promise<void>((resolve, reject) => {
      child?.stdout?.on('data', (c: Buffer) => {
        stdout += c.toString();
        if (stdout.includes('#token=') && stdout.endsWith('\n')) resolve();
      });
      child?.once('exit', (code) => reject(new Error(`start exited ${code}: ${stderr}`)));
    });
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^shiplens: Electron could not start \((its binary is not installed|no graphical display is available)\); opening browser mode instead\.$/,
    );
    const url = /^shiplens: browser mode at (http:\/\/127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]{43}))$/.exec(lines[1] ?? '');
    expect(url).not.toBeNull();
    expect(stderr).toBe('');
    const [, , port, token] = url!;
    const res = await fetch(`http://127.0.0.1:${port}/api/call/browse.list`, {
      method: 'POST',
      headers: { 'X-Shiplens-Token': token! },
      body: JSON.stringify({ prefix: '', delimiter: '' }),
    });
    const body = (await res.json()) as { ok: boolean; value: { objects: unknown[] } };
    expect(body.ok).toBe(true);
    expect(body.value.objects.length).toBeGreaterThan(0);
  });
});
