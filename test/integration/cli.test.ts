// The built `shiplens` bundle as users run it: exit codes, stderr, pipes, browser mode.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixturesEnsure } from '../unit/core/formats/fixtureFiles';
import { cliBuildEnsure, cliBundle, cliSpawn, fixtureDir, oneLineError, repoRoot } from './cliHelpers';

const parquetSnappy = join(fixtureDir, 'parquet', '19_1484913043351525351_2850008.snappy.parquet');

beforeAll(async () => {
  fixturesEnsure('genText');
  fixturesEnsure('genParquet');
  fixturesEnsure('genSnappy');
  await cliBuildEnsure();
}, 120_000);

describe('bin/shiplens.cjs', () => {
  it('runs the bundle: head --json of a DuckDB Parquet (INT64 exact)', async () => {
    const r = await cliSpawn([join(repoRoot, 'bin', 'shiplens.cjs'), 'head', parquetSnappy, '-n', '2', '--json'], { raw: true });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      '{"__time__":1484913043,"__topic__":"nginx","ip":"10.0.0.1","ua":true,"status":200,"seq":1.5,"ratio":0.1,"raw":"GET /"}\n' +
        '{"__time__":null,"__topic__":"","ip":"","ua":false,"status":9007199254740993,"seq":-2.25,"ratio":-3.5,"raw":""}\n',
    );
  });

  it('key, path, decode and --version answer from the quick bundle with the exact bytes and exit codes of the full bundle', async () => {
    const bin = join(repoRoot, 'bin', 'shiplens.cjs');
    const key = 'shiplens/json/2017/01/20/19/50_1484913043351525351_2850008.snappy';
    const raw = join(fixtureDir, 'snappy', 'logs-large.raw.snappy');
    const written = join(mkdtempSync(join(tmpdir(), 'shiplens-quick-')), 'out.json');
    const lines = [
      ['decode', raw, '-o', '-'],
      ['decode', raw, '-o', written, '--force'],
      ['decode', parquetSnappy, '-o', '-'],
      ['decode', join(fixtureDir, 'missing.snappy')],
      ['decode', '--help'],
      ['--version'],
      ['-V'],
      ['key', key],
      ['key', key, '--json'],
      ['key', '--help'],
      ['key'],
      ['key', key, '--nope'],
      ['key', 'not/a/shipped/key.txt'],
      ['path', '--format', '%Y/%m/%d/%H/%M', '--time', '2017-01-20T19:50:43+08:00'],
      ['path', '--format', '%Y/%m/%d/%H/%M', '--time', '2017-01-20T19:50:43', '--tz', 'Mars/Olympus'],
      ['path', '--format', '%Q', '--time', '2017-01-20T19:50:43+08:00'],
      ['path', '--format', '%Y', '--storage', 'xml'],
    ];
    const outcomes = new Set<number>();
    for (const args of lines) {
      const quick = await cliSpawn([bin, ...args], { raw: true });
      const full = await cliSpawn(args);
      expect(quick, args.join(' ')).toEqual(full);
      outcomes.add(full.code);
    }
    expect([...outcomes].sort()).toEqual([0, 1, 2]);
  }, 120_000);

  it('bad input: exit 1 with exactly one line on stderr, no stack', async () => {
    const r = await cliSpawn(['schema', join(fixtureDir, 'parquet', 'footerPastEnd_1484913043351525351_2.snappy.parquet')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(oneLineError);
    expect(r.stderr).toMatch(
      /^shiplens: \S+footerPastEnd_1484913043351525351_2\.snappy\.parquet: The footer length \d+ is past the start of the \d+-byte file\. \(.+\)\n$/,
    );
  });

  it('usage errors: exit 2', async () => {
    for (const args of [['head', 'x', '--format', 'xml'], ['frobnicate'], ['rule'], ['key']]) {
      const r = await cliSpawn(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
    }
    // Four child processes, each starting Node and the bundle: allow for a busy machine.
  }, 90_000);

  it('--help and --version exit 0 on stdout', async () => {
    const help = await cliSpawn(['head', '--help']);
    expect(help.code).toBe(0);
    for (const flag of ['--csv-delimiter', '--quote', '--header', '--csv-columns', '--null', '--format', '--compression'])
      expect(help.stdout).toContain(flag);
    expect((await cliSpawn(['--version'])).stdout).toBe('0.1.0\n');
  });

  it('shipping group: SPEC §1 key through the bundle', async () => {
    const r = await cliSpawn([
      'path',
      '--format',
      'year=%Y/mon=%m/day=%d/log_%H%M%s',
      '--ns',
      '1484913043351525351',
      '--prefix',
      'log_ship_oss_example',
      '--storage',
      'parquet',
      '--task-number',
      '2850008',
    ]);
    expect(r).toMatchObject({
      code: 0,
      stderr: '',
      stdout: 'log_ship_oss_example/year=2017/mon=01/day=20/log_195043_1484913043351525351_2850008.parquet\n',
    });
  });

  it('a closed pipe ends quietly (EPIPE): exit 0, nothing on stderr', async () => {
    const child = spawn(process.execPath, [cliBundle, 'decode', join(fixtureDir, 'snappy', 'logs-large.raw.snappy'), '-o', '-'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('decode -o - writes exact bytes to a pipe', async () => {
    const r = await cliSpawn(['decode', join(fixtureDir, 'snappy', 'logs-large.java.snappy'), '-o', '-']);
    expect(r.code).toBe(0);
    expect(Buffer.from(r.stdoutBytes).equals(readFileSync(join(fixtureDir, 'snappy', 'logs-large.txt')))).toBe(true);
  });
});

describe('shiplens serve', () => {
  it('prints the URL with its token on stdout and serves the API until stopped', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'shiplens-serve-'));
    const child = spawn(process.execPath, [cliBundle, 'serve', '--no-open', '--bucket', join(fixtureDir, 'text')], {
      env: { PATH: process.env.PATH, HOME: dataDir, SHIPLENS_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('\n')) resolve(out.split('\n')[0] as string);
      });
      child.on('close', () => reject(new Error(`serve exited: ${stderr}`)));
    });
    const m = /^http:\/\/127\.0\.0\.1:(\d+)\/#token=(\S+)$/.exec(line);
    expect(m).not.toBeNull();
    const [, port, token] = m as RegExpExecArray;
    const refused = await fetch(`http://127.0.0.1:${port}/api/call/browse.list`, { method: 'POST', body: '{"prefix":""}' });
    expect(refused.status).toBe(401);
    const listed = await fetch(`http://127.0.0.1:${port}/api/call/browse.list`, {
      method: 'POST',
      headers: { 'X-Shiplens-Token': token as string },
      body: '{"prefix":""}',
    });
    const body = (await listed.json()) as { ok: boolean; value: { objects: { key: string }[] } };
    expect(body.ok).toBe(true);
    expect(body.value.objects.map((o) => o.key)).toContain('19_1484913043351525351_2850008.snappy');
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });
});
