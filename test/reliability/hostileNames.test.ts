// Hostile names end to end (issue 8 §4): keys a bucket we do not control may hold, downloaded
// through apiDispatch from the OSS test server; hostile decompress output names and uploaded
// file names; a local bucket with links out of its root. Outputs stay inside the chosen folder
// or are refused clearly, and an existing file is never overwritten without consent.
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snappyCompressRaw } from '../../core/codecs/snappy';
import { apiDispatch } from '../../main/api/dispatch';
import type { ApiServices } from '../../main/services/types';
import { servicesCreate } from '../../main/services/wiring';
import { startOssTestServer } from '../servers/ossServer';
import type { OssTestServer } from '../servers/ossServer';

let server: OssTestServer;
let root: string;
let services: ApiServices;

const hostileKeys = [
  '../../escape.txt',
  'a/../../escape2.txt',
  '/etc/passwd-copy',
  '//abs/x.txt',
  'C:\\Windows\\x.txt',
  'a\\..\\..\\escape3.txt',
  'x\u0000y.txt',
  'ctl\u0007\u001b[31m.txt',
  'new\nline.txt',
  'CON',
  'aux.txt',
  'nul.json',
  'com1',
  'lpt9.csv',
  'trailing.',
  'trailing ',
  `${'n'.repeat(300)}.txt`,
  `${'文'.repeat(100)}.txt`,
  'a/\u2025',
  'a/\uff0e\uff0e',
  '\u2024\u2024/x.txt',
  'pipe|star*.txt',
  'a/..',
  '.',
  'folder/',
];
const okKeys = ['logs/ok_1484913043351525351_1.json', 'ds=20170120/19_1484913043351525351_2850008.snappy', 'ünï cødé ✓.txt'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).sort();
}

beforeAll(async () => {
  server = await startOssTestServer();
  root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'shiplens-hostile-')));
  for (const key of [...hostileKeys, ...okKeys]) server.put(key, `body of ${JSON.stringify(key)}\n`);
  services = servicesCreate({ mode: 'browser', dataDir: path.join(root, 'data'), outputDir: path.join(root, 'out', 'default') });
  const opened = await apiDispatch(services, 'connection.openOss', {
    endpoint: server.endpoint,
    bucket: server.bucket,
    accessKeyId: server.accessKeyId,
    accessKeySecret: server.accessKeySecret,
  });
  expect(opened.ok).toBe(true);
});

afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('object.download of hostile keys (OSS test server)', () => {
  it.each(hostileKeys.map((k) => [JSON.stringify(k), k]))(
    '%s lands inside the chosen folder or is refused clearly',
    async (_label, key) => {
      const outDir = path.join(root, 'out', 'dl');
      mkdirSync(outDir, { recursive: true });
      const before = filesUnder(root).filter((f) => !f.startsWith(`out${path.sep}dl`));
      const response = await apiDispatch(services, 'object.download', { key, outDir });
      if (response.ok) {
        const written = (response.value as { path: string }).path;
        expect(path.dirname(written)).toBe(outDir);
        expect(readFileSync(written, 'utf8')).toBe(`body of ${JSON.stringify(key)}\n`);
      } else {
        // FILE_EXISTS: an earlier key had the same base name (never overwritten without consent).
        // NOT_FOUND: OSS keys cannot start with '/', so the server has no such object.
        expect(['PATH_OUTSIDE_ROOT', 'INVALID_ARGUMENT', 'NOT_FOUND', 'FILE_EXISTS']).toContain(response.error.code);
        expect(response.error.message.length).toBeGreaterThan(15);
        if (response.error.code === 'NOT_FOUND') expect(key.startsWith('/')).toBe(true);
      }
      // Nothing new anywhere but the chosen folder (and the services' own data folder).
      expect(filesUnder(root).filter((f) => !f.startsWith(`out${path.sep}dl`) && !f.startsWith('data'))).toEqual(
        before.filter((f) => !f.startsWith('data')),
      );
      expect(existsSync(path.join(os.tmpdir(), 'escape.txt'))).toBe(false);
    },
  );

  it('ordinary keys download by their base name; a second download never overwrites without consent', async () => {
    const outDir = path.join(root, 'out', 'ok');
    for (const key of okKeys) {
      const response = await apiDispatch(services, 'object.download', { key, outDir });
      expect(response).toMatchObject({ ok: true, value: { path: path.join(outDir, path.basename(key)) } });
    }
    writeFileSync(path.join(outDir, 'mine.txt'), 'precious');
    server.put('x/mine.txt', 'from the bucket');
    expect(await apiDispatch(services, 'object.download', { key: 'x/mine.txt', outDir })).toMatchObject({
      ok: false,
      error: { code: 'FILE_EXISTS' },
    });
    expect(readFileSync(path.join(outDir, 'mine.txt'), 'utf8')).toBe('precious');
    expect(await apiDispatch(services, 'object.download', { key: 'x/mine.txt', outDir, overwrite: true })).toMatchObject({ ok: true });
    expect(readFileSync(path.join(outDir, 'mine.txt'), 'utf8')).toBe('from the bucket');
  });

  it('a link planted at the target name is replaced only with consent, and its target outside is never written', async () => {
    const outDir = path.join(root, 'out', 'link');
    mkdirSync(outDir, { recursive: true });
    const victim = path.join(root, 'victim.txt');
    writeFileSync(victim, 'victim');
    symlinkSync(victim, path.join(outDir, 'mine.txt'));
    expect(await apiDispatch(services, 'object.download', { key: 'x/mine.txt', outDir })).toMatchObject({
      ok: false,
      error: { code: 'FILE_EXISTS' },
    });
    expect(await apiDispatch(services, 'object.download', { key: 'x/mine.txt', outDir, overwrite: true })).toMatchObject({ ok: true });
    expect(readFileSync(victim, 'utf8')).toBe('victim');
    expect(lstatSync(path.join(outDir, 'mine.txt')).isSymbolicLink()).toBe(false);
  });
});

describe('decompress.file output names', () => {
  const input = (): string => {
    const file = path.join(root, 'in', '19_1484913043351525351_2850008.snappy');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, snappyCompressRaw(new TextEncoder().encode('{"__time__":1}\n')));
    return file;
  };

  it.each([
    '../escape.json',
    '/etc/x.json',
    'a/../../b.json',
    '..',
    'a\\..\\b.json',
    'x\u0000.json',
    'CON',
    'aux.txt',
    '\u2025',
    'tab\t.json',
    `${'n'.repeat(300)}.json`,
  ])('fileName %j stays inside outDir or is refused', async (fileName) => {
    const outDir = path.join(root, 'out', 'dec');
    const response = await apiDispatch(services, 'decompress.file', { path: input(), fileName, outDir });
    if (response.ok) expect(path.dirname((response.value as { path: string }).path).startsWith(outDir)).toBe(true);
    else expect(['PATH_OUTSIDE_ROOT', 'INVALID_ARGUMENT']).toContain(response.error.code);
    expect(existsSync(path.join(root, 'out', 'escape.json'))).toBe(false);
    expect(existsSync(path.join(root, 'escape.json'))).toBe(false);
  });

  it.each([
    '../../up.snappy',
    '/etc/up.snappy',
    '..\\..\\up.snappy',
    'CON.snappy',
    'a\u0000b.snappy',
    '\u2025.snappy',
    'ctl\u001b.snappy',
    `${'u'.repeat(300)}.snappy`,
  ])('an uploaded file named %j decodes to a name inside the output folder or is refused', async (name) => {
    const outDir = path.join(root, 'out', 'up');
    const upload = await services.uploads.store(
      name,
      Readable.from([Buffer.from(snappyCompressRaw(new TextEncoder().encode('{"a":"1"}\n')))]),
    );
    const response = await apiDispatch(services, 'decompress.file', { uploadId: upload.id, outDir });
    if (response.ok) expect(path.dirname((response.value as { path: string }).path)).toBe(outDir);
    // FILE_EXISTS: an earlier upload decoded to the same base name (never overwritten silently).
    else expect(['PATH_OUTSIDE_ROOT', 'INVALID_ARGUMENT', 'FILE_EXISTS']).toContain(response.error.code);
    expect(readdirSync(path.join(root, 'out')).filter((f) => f.startsWith('up.'))).toEqual([]);
    expect(existsSync(path.join(root, 'up.json'))).toBe(false);
  });

  it('never overwrites an existing output without consent', async () => {
    const outDir = path.join(root, 'out', 'dec2');
    const first = await apiDispatch(services, 'decompress.file', { path: input(), outDir });
    expect(first.ok).toBe(true);
    const target = (first as { value: { path: string } }).value.path;
    writeFileSync(target, 'edited by the user');
    expect(await apiDispatch(services, 'decompress.file', { path: input(), outDir })).toMatchObject({
      ok: false,
      error: { code: 'FILE_EXISTS' },
    });
    expect(readFileSync(target, 'utf8')).toBe('edited by the user');
  });
});

describe('local-folder storage never follows links out of its root', () => {
  it('lists, opens and downloads nothing through a link that leaves the bucket', async () => {
    const bucket = path.join(root, 'bucket');
    mkdirSync(path.join(bucket, 'logs'), { recursive: true });
    writeFileSync(path.join(bucket, 'logs', 'in.json'), '{"a":"1"}\n');
    writeFileSync(path.join(root, 'secret.txt'), 'outside');
    mkdirSync(path.join(root, 'outsideDir'), { recursive: true });
    writeFileSync(path.join(root, 'outsideDir', 'deep.txt'), 'outside too');
    symlinkSync(path.join(root, 'secret.txt'), path.join(bucket, 'logs', 'link.txt'));
    symlinkSync(path.join(root, 'outsideDir'), path.join(bucket, 'dirlink'));
    const local = servicesCreate({ mode: 'browser', dataDir: path.join(root, 'data2'), outputDir: path.join(root, 'out', 'local') });
    expect((await apiDispatch(local, 'connection.openLocal', { path: bucket })).ok).toBe(true);
    const listed = await apiDispatch(local, 'browse.list', { prefix: '', delimiter: '' });
    const keys = listed.ok ? (listed.value as { objects: { key: string }[] }).objects.map((o) => o.key) : [];
    expect(keys).toEqual(['logs/in.json']);
    for (const key of ['logs/link.txt', 'dirlink/deep.txt', '../secret.txt']) {
      const inspect = await apiDispatch(local, 'object.inspect', { key });
      expect(inspect.ok).toBe(false);
      const download = await apiDispatch(local, 'object.download', { key, outDir: path.join(root, 'out', 'local') });
      expect(download.ok).toBe(false);
      expect(['PATH_OUTSIDE_ROOT', 'NOT_FOUND', 'INVALID_ARGUMENT']).toContain(download.ok ? '' : download.error.code);
    }
    expect(existsSync(path.join(root, 'out', 'local', 'link.txt'))).toBe(false);
    expect(existsSync(path.join(root, 'out', 'local', 'deep.txt'))).toBe(false);
  });
});
