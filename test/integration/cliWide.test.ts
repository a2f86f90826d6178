// Issue 12 items 1, 6, 7, 10 through the CLI: a wide-key JSON-lines export is bounded (column
// limit, "(other keys)" column, SIGTERM honoured), a 100 MB CSV field is shown cut, a line
// nested 100,000 deep is a warning naming its line, and `__proto__` is an ordinary column.
// The hostile inputs are made here: they are trivial text, not the output of any writer.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './serverHelpers';
import { cliBuildEnsure, cliBundle, cliCapture, cliSpawn } from './cliHelpers';

let dir: string;
const wideLines = (n: number) => Array.from({ length: n }, (_v, i) => `{"key_${i}":1}\n`).join('');
// 2,500 keys, each on every 2,500th line: they recur, so the first 2,000 seen get columns.
const recurringLines = (n: number) => Array.from({ length: n }, (_v, i) => `{"key_${i % 2500}":1}\n`).join('');

beforeAll(async () => {
  dir = await tempDir('wide');
  await cliBuildEnsure();
}, 120_000);

describe('shiplens export of a wide-key JSON-lines object', () => {
  it('writes the keys beyond --max-columns as JSON in one "(other keys)" column and warns; recurring keys keep columns', async () => {
    writeFileSync(join(dir, 'w.json'), '{"key_0":1}\n{"key_1":1}\n{"key_2":1}\n{"key_1":2,"key_3":1}\n{"key_4":1,"key_0":2}\n');
    const r = await cliCapture(['export', join(dir, 'w.json'), '-o', join(dir, 'w.csv'), '--max-columns', '2']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'w.csv'), 'utf8')).toBe(
      'key_0,key_1,(other keys)\r\n1,,\r\n,1,\r\n,,"{""key_2"":1}"\r\n,2,"{""key_3"":1}"\r\n2,,"{""key_4"":1}"\r\n',
    );
    expect(r.stderr).toBe(
      `shiplens: ${join(dir, 'w.json')}: warning: ${join(dir, 'w.json')} has 3 keys beyond the 2-column limit; they are kept as JSON in the "(other keys)" column (the column limit is a setting).\n`,
    );
    expect(r.stdout).toBe(`${join(dir, 'w.csv')}: 5 rows, 95 bytes\n`);
  });

  it('exports 50,000 lines of different keys as one sparse "(other keys)" column', async () => {
    writeFileSync(join(dir, 'w50ku.json'), wideLines(50_000));
    const r = await cliCapture(['export', join(dir, 'w50ku.json'), '-o', join(dir, 'w50ku.csv')]);
    expect(r.code).toBe(0);
    const lines = readFileSync(join(dir, 'w50ku.csv'), 'utf8').split('\r\n');
    expect(lines).toHaveLength(50_002);
    expect(lines[0]).toBe('(other keys)');
    expect(lines[50_000]).toBe('"{""key_49999"":1}"');
  });

  it('applies --max-columns to a CSV object: wider fields go to "(other columns)" as JSON', async () => {
    writeFileSync(join(dir, 'wide.csv'), 'a,b,c,d\n1\n');
    const r = await cliCapture(['export', join(dir, 'wide.csv'), '-o', '-', '--max-columns', '2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('column1,column2,(other columns)\r\na,b,"{""column3"":""c"",""column4"":""d""}"\r\n1,,\r\n');
    expect(r.stderr.split('\n')[0]).toBe(
      `shiplens: ${join(dir, 'wide.csv')}: warning: ${join(dir, 'wide.csv')} has rows of 4 fields, over the 2-column limit; the fields beyond it are kept as JSON in the "(other columns)" column (the column limit is a setting).`,
    );
  });

  it('exports 2,500 recurring keys as 2,001 columns by default', async () => {
    writeFileSync(join(dir, 'w5k.json'), recurringLines(5000));
    const r = await cliCapture(['export', join(dir, 'w5k.json'), '-o', join(dir, 'w5k.csv')]);
    expect(r.code).toBe(0);
    const lines = readFileSync(join(dir, 'w5k.csv'), 'utf8').split('\r\n');
    expect(lines).toHaveLength(5002);
    expect(lines[0]?.split(',')).toHaveLength(2001);
    expect(lines[1]).toBe(`1${','.repeat(2000)}`);
    expect(lines[5000]).toBe(`${','.repeat(2000)}"{""key_2499"":1}"`);
  });

  it('stops on SIGTERM during a long export: exit 1, CANCELLED, no file and no part left', async () => {
    writeFileSync(join(dir, 'w50k.json'), recurringLines(50_000));
    const out = join(dir, 'term.csv');
    const child = spawn(process.execPath, [cliBundle, 'export', join(dir, 'w50k.json'), '-o', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const started = performance.now();
    let signalled = 0;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      // The column warning is printed when the table is open, just before the export loop.
      if (!signalled && stderr.includes('(other keys)')) {
        signalled = performance.now();
        setTimeout(() => child.kill('SIGTERM'), 300);
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const ms = Math.round(performance.now() - signalled - 300);
    console.log(
      `SIGTERM during a 50,000-line wide export: exited ${ms} ms after the signal (${Math.round(performance.now() - started)} ms in all)`,
    );
    expect(code).toBe(1);
    expect(stderr.split('\n').at(-2)).toMatch(/^shiplens: .*: The operation was cancelled\./);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.startsWith('term.csv'))).toEqual([]);
  }, 60_000);
});

describe('shiplens head on hostile rows', () => {
  it('shows a key named __proto__ as a column: null where a row lacks it', async () => {
    writeFileSync(join(dir, 'proto.json'), '{"a":"1"}\n{"__proto__":"p","a":"2"}\n');
    const r = await cliCapture(['head', join(dir, 'proto.json'), '--json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('{"a":"1","__proto__":null}\n{"a":"2","__proto__":"p"}\n');
    const csv = await cliCapture(['export', join(dir, 'proto.json'), '-o', '-']);
    expect(csv.stdout).toBe('a,__proto__\r\n1,\r\n2,p\r\n');
  });

  it('skips a line nested 100,000 deep with a warning naming the file and line', async () => {
    const deep = `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    writeFileSync(join(dir, 'deep.json'), `{"a":"ok"}\n${deep}\n`);
    const r = await cliCapture(['head', join(dir, 'deep.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('a\nok\n');
    expect(r.stderr).toBe(`shiplens: ${join(dir, 'deep.json')}: warning: line 2: Line 2 is nested deeper than 1000 levels; skipped.\n`);
    const csv = await cliCapture(['export', join(dir, 'deep.json'), '-o', join(dir, 'deep.csv')]);
    expect(csv.code).toBe(0);
    expect(readFileSync(join(dir, 'deep.csv'), 'utf8')).toBe('a\r\nok\r\n');
  });

  it('shows a CSV field of 100 MB cut to 60 characters (was exit 134 from [...cell])', async () => {
    const path = join(dir, 'big.csv');
    const fd = openSync(path, 'w');
    writeSync(fd, 'a,"');
    const chunk = 'y'.repeat(1 << 20);
    for (let i = 0; i < 100; i++) writeSync(fd, chunk);
    writeSync(fd, '",c\nd,e,f\n');
    closeSync(fd);
    const r = await cliSpawn(['head', path]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`column1  column2${' '.repeat(53)}  column3\na        ${'y'.repeat(59)}…  c\nd        e${' '.repeat(59)}  f\n`);
  }, 60_000);
});
