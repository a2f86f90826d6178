// Issue 12 §9: `shiplens serve` opens the browser at a one-time launch URL, so the token never
// appears in the opener's arguments (`ps` on a shared host); the printed URL still carries it.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliBuildEnsure, cliBundle } from './cliHelpers';

beforeAll(async () => {
  await cliBuildEnsure();
}, 120_000);

describe('shiplens serve (opening the browser)', () => {
  it('runs the opener with /launch/<nonce> (no token), which redirects once to the tokened page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shiplens-open-'));
    const log = join(dir, 'opener-args');
    // A stand-in xdg-open that records its arguments, as `ps` would show them.
    writeFileSync(join(dir, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$@" > '${log}.tmp' && mv '${log}.tmp' '${log}'\n`);
    chmodSync(join(dir, 'xdg-open'), 0o755);
    const env = { PATH: `${dir}:${process.env.PATH}`, HOME: dir, SHIPLENS_DATA_DIR: dir, DISPLAY: ':99' };
    const child = spawn(process.execPath, [cliBundle, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          if (out.includes('\n')) resolve(out.split('\n')[0] as string);
        });
        child.on('close', () => reject(new Error('serve exited')));
      });
      const [, port, token] = /^http:\/\/127\.0\.0\.1:(\d+)\/#token=(\S+)$/.exec(line) as RegExpExecArray;
      while (!existsSync(log)) await new Promise((resolve) => setTimeout(resolve, 20));
      const args = readFileSync(log, 'utf8').trim().split('\n');
      expect(args).toHaveLength(1);
      expect(args[0]).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/launch/[A-Za-z0-9_-]{32}$`));
      expect(args[0]).not.toContain(token);
      const first = await fetch(args[0] as string, { redirect: 'manual' });
      expect([first.status, first.headers.get('location')]).toEqual([302, `/#token=${token}`]);
      expect((await fetch(args[0] as string, { redirect: 'manual' })).status).toBe(410);
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);
});
