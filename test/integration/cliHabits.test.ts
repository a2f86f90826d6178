// CLI habits (issue 14): CSV dialect flags imply CSV on renamed files (and --format wins);
// `decode` of several files and of a folder in one process, into `-o dir/`.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixturesEnsure } from '../unit/core/formats/fixtureFiles';
import { cliCapture, fixtureDir } from './cliHelpers';

const text = join(fixtureDir, 'text');
const snappyDir = join(fixtureDir, 'snappy');
const csvColumns = '__time__,ip,msg,status';
let tmp: string;

beforeAll(() => {
  fixturesEnsure('genText');
  fixturesEnsure('genSnappy');
  tmp = mkdtempSync(join(tmpdir(), 'shiplens-habits-'));
});

describe('dialect flags imply CSV', () => {
  it('head of a CSV + snappy object renamed x.csv.snappy reads CSV when --csv-columns / --csv-delimiter are given', async () => {
    const renamed = join(tmp, 'x.csv.snappy');
    copyFileSync(join(text, '19_1484913043351525351_2850008.snappy.csv'), renamed);
    const r = await cliCapture(['head', renamed, '-n', '1', '--json', '--csv-delimiter', ',', '--csv-columns', csvColumns]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('{"__time__":"1484913043","ip":"10.0.0.0","msg":"m0","status":"-"}\n');
    expect(r.code).toBe(0);
    const schema = await cliCapture(['schema', renamed, '--json', '--csv-columns', csvColumns]);
    expect(JSON.parse(schema.stdout)).toMatchObject({ format: 'csv', compression: 'snappy' });
  });

  it('--format wins over the dialect flags', async () => {
    const renamed = join(tmp, 'y.csv.snappy');
    copyFileSync(join(text, '19_1484913043351525351_2850008.snappy'), renamed);
    const r = await cliCapture(['head', renamed, '-n', '1', '--json', '--format', 'json', '--csv-columns', csvColumns]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('{"__time__":1484913043,"__topic__":"","__source__":"10.0.0.0","status":"200","ua":"curl/7.0","msg":null}\n');
  });
});

describe('decode of several files and folders', () => {
  const small = join(snappyDir, 'logs-small.raw.snappy');
  const framed = join(snappyDir, 'logs-small.framing.sz');
  const plain = () => readFileSync(join(snappyDir, 'logs-small.txt'));

  it('decodes several inputs into -o dir/ (created), each under its own name', async () => {
    const out = join(tmp, 'many-out');
    const r = await cliCapture(['decode', small, join(text, '19_1484913043351525351_2850008.snappy'), '-o', `${out}/`]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, 'logs-small.raw')).equals(plain())).toBe(true);
    expect(
      readFileSync(join(out, '19_1484913043351525351_2850008.json')).equals(readFileSync(join(text, '19_1484913043351525351_2850008'))),
    ).toBe(true);
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      `${out}/logs-small.raw: ${plain().length} bytes (raw block decoded, from 2225 bytes)`,
      `${out}/19_1484913043351525351_2850008.json: 26200 bytes (raw block decoded, from ${readFileSync(join(text, '19_1484913043351525351_2850008.snappy')).length} bytes)`,
    ]);
  });

  it('decodes every file of a folder; a bad one is reported on its own line and the run exits 1', async () => {
    const dir = join(tmp, 'in');
    mkdirSync(dir);
    copyFileSync(small, join(dir, 'a.snappy'));
    copyFileSync(framed, join(dir, 'c.snappy'));
    writeFileSync(join(dir, 'b.snappy'), Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f, 0x00]));
    mkdirSync(join(dir, 'sub'));
    const out = join(tmp, 'folder-out');
    mkdirSync(out);
    const r = await cliCapture(['decode', dir, '-o', out]);
    expect(r.code).toBe(1);
    expect(readFileSync(join(out, 'a.json')).equals(plain())).toBe(true);
    expect(readFileSync(join(out, 'c.json')).equals(plain())).toBe(true);
    expect(existsSync(join(out, 'b'))).toBe(false);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^shiplens: .*b\.snappy: /);
    expect(lines[1]).toBe('shiplens: decode: 1 of 3 files could not be decoded (see above).');
  });

  it('decodes the objects `shiplens ls` lists in the folder: a link to a file inside it too, not one leading out', async () => {
    const dir = join(tmp, 'linked');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    copyFileSync(small, join(dir, 'a.snappy'));
    copyFileSync(small, join(dir, 'sub', 'deeper.snappy'));
    copyFileSync(small, join(tmp, 'outside.snappy'));
    symlinkSync('a.snappy', join(dir, 'b.snappy'));
    symlinkSync(join(tmp, 'outside.snappy'), join(dir, 'c.snappy'));
    const ls = await cliCapture(['ls', dir, '--json']);
    const listed = ls.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; key: string })
      .filter((e) => e.type === 'object')
      .map((e) => e.key);
    expect(listed).toEqual(['a.snappy', 'b.snappy']);
    const out = join(tmp, 'linked-out');
    const r = await cliCapture(['decode', dir, '-o', `${out}/`]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['a.json', 'b.json']);
    expect(readFileSync(join(out, 'b.json')).equals(plain())).toBe(true);
  });

  it('refuses -o naming a file when there are several inputs (usage error)', async () => {
    const r = await cliCapture(['decode', small, framed, '-o', join(tmp, 'one-file.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'shiplens: with several inputs or a folder, -o names a folder (end it with /) or - for stdout (see shiplens --help)\n',
    );
    expect(existsSync(join(tmp, 'one-file.txt'))).toBe(false);
  });

  it('writes several inputs to stdout one after the other with -o -', async () => {
    const r = await cliCapture(['decode', small, framed, '-o', '-']);
    expect(Buffer.from(r.stdoutBytes).equals(Buffer.concat([plain(), plain()]))).toBe(true);
  });
});
