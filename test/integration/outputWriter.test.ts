// Every write path through the one output writer (issue 12 items 3, 4, 5, 8, 11, 12):
// a full disk (1 MiB tmpfs), hostile `.part` files, concurrent exports, folder links, long and
// bidi names — through the CLI (in-process) and the API dispatch on real services.
import { execFileSync } from 'node:child_process';
import { lstat, mkdir, readFile, readdir, readlink, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiDispatch } from '../../main/api/dispatch';
import type { ApiServices } from '../../main/services/types';
import { servicesCreate } from '../../main/services/wiring';
import { cliCapture } from './cliHelpers';
import { tempDir } from './serverHelpers';

const lineCount = 30_000;
// 1,537,780 bytes of JSON lines, 1,237,780 of CSV: more than the 1 MiB disk holds.
const jsonText = Array.from({ length: lineCount }, (_, i) => `{"n":${i},"msg":"row ${i} of the disk-full test"}\n`).join('');
const csvText = Array.from({ length: lineCount }, (_, i) => `${i},row ${i} of the disk-full test,200\n`).join('');
// What `export` writes for big.csv (RFC 4180: a header row, CRLF line ends).
const csvExported = `column1,column2,column3\r\n${csvText.replaceAll('\n', '\r\n')}`;

let root: string;
let full: string;
let mounted = false;
let services: ApiServices;
let csvTableId: string;

function mountTmpfs(dir: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  root = await tempDir('output-writer');
  full = join(root, 'full');
  await mkdir(full);
  mounted = mountTmpfs(full);
  await mkdir(join(root, 'bucket'));
  await writeFile(join(root, 'bucket', 'big.json'), jsonText);
  await writeFile(join(root, 'bucket', 'big.csv'), csvText);
  // The snappy input comes from python3-snappy (an independent writer), raw block format.
  execFileSync('/usr/bin/python3', [
    '-c',
    'import snappy,sys; d=open(sys.argv[1],"rb").read(); open(sys.argv[2],"wb").write(snappy.compress(d))',
    join(root, 'bucket', 'big.json'),
    join(root, 'bucket', 'big.json.snappy'),
  ]);
  services = servicesCreate({ mode: 'browser', dataDir: join(root, 'data'), outputDir: join(root, 'out') });
  await services.connections.openLocal(join(root, 'bucket'));
  const opened = await apiDispatch(services, 'table.open', { key: 'big.csv' });
  csvTableId = (opened as { value: { tableId: string } }).value.tableId;
});

afterAll(() => {
  if (mounted) execFileSync('umount', [full]);
});

const diskFull = /^shiplens: .+: The disk is full: no space left in .+\n$/;

describe.runIf(process.getuid?.() === 0)('a full disk (1 MiB tmpfs; mounting needs root)', () => {
  it('mounted the tmpfs', () => expect(mounted).toBe(true));

  it('CLI decode: exit 1 naming the disk, no file, no part', async () => {
    const result = await cliCapture(['decode', join(root, 'bucket', 'big.json.snappy'), '-o', join(full, 'big.json')]);
    expect({ code: result.code, stdout: result.stdout }).toEqual({ code: 1, stdout: '' });
    expect(result.stderr).toMatch(diskFull);
    expect(result.stderr).toContain(full);
    expect(await readdir(full)).toEqual([]);
  });

  it('CLI export: exit 1 naming the disk, no file, no part', async () => {
    const result = await cliCapture(['export', join(root, 'bucket', 'big.json'), '-o', join(full, 'big.csv')]);
    expect({ code: result.code, stdout: result.stdout }).toEqual({ code: 1, stdout: '' });
    expect(result.stderr).toMatch(diskFull);
    expect(await readdir(full)).toEqual([]);
  });

  it('API decompress.file, export.csv and object.download: IO error naming the disk, no file, no part', async () => {
    const decoded = await apiDispatch(services, 'decompress.file', { path: join(root, 'bucket', 'big.json.snappy'), outDir: full });
    expect(decoded).toMatchObject({ ok: false, error: { code: 'IO', source: join(full, 'big.json') } });
    expect((decoded as { error: { message: string } }).error.message).toBe(`The disk is full: no space left in ${full}.`);
    const exported = await apiDispatch(services, 'export.csv', { tableId: csvTableId, fileName: 'big.csv', outDir: full });
    expect(exported).toMatchObject({ ok: false, error: { code: 'IO', message: `The disk is full: no space left in ${full}.` } });
    expect(await readdir(full)).toEqual([]);
    const downloaded = await apiDispatch(services, 'object.download', { key: 'big.json', outDir: full });
    expect(downloaded).toMatchObject({
      ok: false,
      error: { code: 'IO', message: `The disk is full: no space left in ${full}.`, source: join(full, 'big.json') },
    });
    expect(await readdir(full)).toEqual([]);
  });
});

describe('hostile .part files next to the target', () => {
  it('CLI decode leaves a planted `.part` link and its victim alone', async () => {
    const dir = await tempDir('part-link');
    await writeFile(join(dir, 'victim'), 'victim bytes\n');
    await symlink(join(dir, 'victim'), join(dir, 'x.json.part'));
    const result = await cliCapture(['decode', join(root, 'bucket', 'big.json.snappy'), '-o', join(dir, 'x.json')]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(await readFile(join(dir, 'victim'), 'utf8')).toBe('victim bytes\n');
    expect(await readlink(join(dir, 'x.json.part'))).toBe(join(dir, 'victim'));
    expect((await lstat(join(dir, 'x.json'))).isFile()).toBe(true);
    expect(await readFile(join(dir, 'x.json'), 'utf8')).toBe(jsonText);
    expect((await readdir(dir)).sort()).toEqual(['victim', 'x.json', 'x.json.part']);
  });

  it('CLI export keeps an existing regular `out.csv.part` intact', async () => {
    const dir = await tempDir('part-file');
    await writeFile(join(dir, 'out.csv.part'), 'somebody else\n');
    const result = await cliCapture(['export', join(root, 'bucket', 'big.csv'), '-o', join(dir, 'out.csv')]);
    expect(result.code).toBe(0);
    expect(await readFile(join(dir, 'out.csv.part'), 'utf8')).toBe('somebody else\n');
    expect(await readFile(join(dir, 'out.csv'), 'utf8')).toBe(csvExported);
    expect((await readdir(dir)).sort()).toEqual(['out.csv', 'out.csv.part']);
  });
});

describe('concurrent writes to one name', () => {
  it('two export.csv calls: exactly one succeeds with the whole file, the other gets FILE_EXISTS', async () => {
    const outDir = await tempDir('concurrent');
    const calls = await Promise.all(
      [0, 1].map(() => apiDispatch(services, 'export.csv', { tableId: csvTableId, fileName: 'same.csv', outDir })),
    );
    expect(calls.filter((c) => c.ok)).toHaveLength(1);
    expect(calls.filter((c) => !c.ok)).toMatchObject([{ error: { code: 'FILE_EXISTS', source: join(outDir, 'same.csv') } }]);
    expect(await readFile(join(outDir, 'same.csv'), 'utf8')).toBe(csvExported);
    expect(await readdir(outDir)).toEqual(['same.csv']);
  });

  it('two CLI exports: one exit 0, one exit 1 FILE_EXISTS, never a mix', async () => {
    const dir = await tempDir('concurrent-cli');
    const runs = await Promise.all([0, 1].map(() => cliCapture(['export', join(root, 'bucket', 'big.csv'), '-o', join(dir, 'o.csv')])));
    expect(runs.map((r) => r.code).sort()).toEqual([0, 1]);
    expect(runs.find((r) => r.code === 1)?.stderr).toBe(
      `shiplens: ${join(dir, 'o.csv')}: A file with that name already exists. (Choose another name or allow overwriting.)\n`,
    );
    expect(await readFile(join(dir, 'o.csv'), 'utf8')).toBe(csvExported);
    expect(await readdir(dir)).toEqual(['o.csv']);
  });
});

describe('output names and folders', () => {
  it('refuses a folder link inside the output folder', async () => {
    const outDir = await tempDir('folder-link');
    const elsewhere = await tempDir('elsewhere');
    await symlink(elsewhere, join(outDir, 'lnk'));
    const response = await apiDispatch(services, 'export.csv', { tableId: csvTableId, fileName: 'lnk/x.csv', outDir });
    expect(response).toMatchObject({ ok: false, error: { code: 'PATH_OUTSIDE_ROOT', source: join(outDir, 'lnk') } });
    expect((response as { error: { message: string } }).error.message).toBe(
      'The folder "lnk" in the output folder is a link; shiplens does not write through links.',
    );
    expect(await readdir(elsewhere)).toEqual([]);
  });

  it.each([251, 252, 253, 254, 255])('refuses a %i-byte name up front, naming the limit', async (length) => {
    const outDir = await tempDir('long-name');
    const fileName = `${'é'.repeat((length - 4) >> 1)}${'a'.repeat((length - 4) & 1)}.csv`;
    expect(Buffer.byteLength(fileName)).toBe(length);
    const response = await apiDispatch(services, 'export.csv', { tableId: csvTableId, fileName, outDir });
    expect(response).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_ARGUMENT',
        message: `The file name is ${length} bytes; at most 241 bytes fit (the temporary ".part" name adds 14).`,
      },
    });
    expect(await readdir(outDir)).toEqual([]);
  });

  it('writes a 241-byte name', async () => {
    const outDir = await tempDir('long-ok');
    const fileName = `${'a'.repeat(237)}.csv`;
    expect(await apiDispatch(services, 'export.csv', { tableId: csvTableId, fileName, outDir })).toMatchObject({
      ok: true,
      value: { path: join(outDir, fileName), rows: lineCount },
    });
    expect(await readdir(outDir)).toEqual([fileName]);
  });

  it.each(['202e', '202a', '2066', '2069', '200e', '200f'])('refuses bidi control U+%s in an output name', async (hex) => {
    const ch = String.fromCodePoint(parseInt(hex, 16));
    const outDir = await tempDir('bidi');
    const response = await apiDispatch(services, 'export.csv', { tableId: csvTableId, fileName: `report${ch}vsc.csv`, outDir });
    expect(response).toMatchObject({ ok: false, error: { code: 'PATH_OUTSIDE_ROOT' } });
    const cli = await cliCapture(['export', join(root, 'bucket', 'big.csv'), '-o', join(outDir, `x${ch}y.csv`)]);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain('bidirectional control character');
    expect(await readdir(outDir)).toEqual([]);
  });

  it('caps maxDecodeBytes at 4 GiB, what one buffer holds and the writer writes', async () => {
    expect(await apiDispatch(services, 'settings.set', { maxDecodeBytes: 2 ** 32 + 1 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect(await apiDispatch(services, 'settings.set', { maxDecodeBytes: 2 ** 32 })).toMatchObject({
      ok: true,
      value: { maxDecodeBytes: 2 ** 32 },
    });
    const cli = await cliCapture(['decode', join(root, 'bucket', 'big.json.snappy'), '--max-decode-bytes', '5G', '-o', '-']);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('at most 4G (the largest decoded buffer shiplens can hold and write)');
    expect((await cliCapture(['decode', join(root, 'bucket', 'big.json.snappy'), '--max-decode-bytes', '4G', '-o', '-'])).stdout).toBe(
      jsonText,
    );
  });
});
