// Settings persistence and hostile output names through apiDispatch on real services.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiDispatch } from '../../main/api/dispatch';
import type { ApiServices } from '../../main/services/types';
import { servicesCreate } from '../../main/services/wiring';
import { csvText, tempDir } from './serverHelpers';

let root: string;
let services: ApiServices;
let tableId: string;

beforeAll(async () => {
  root = await tempDir('files');
  await mkdir(join(root, 'bucket', 'logs'), { recursive: true });
  await writeFile(join(root, 'bucket', 'logs', 'a.csv'), csvText);
  services = servicesCreate({ mode: 'browser', dataDir: join(root, 'data'), outputDir: join(root, 'out') });
  await services.connections.openLocal(join(root, 'bucket'));
  const opened = await apiDispatch(services, 'table.open', { key: 'logs/a.csv' });
  tableId = (opened as { value: { tableId: string } }).value.tableId;
});

describe('settings', () => {
  it('starts from defaults and persists updates as JSON', async () => {
    expect(await apiDispatch(services, 'settings.get', {})).toEqual({
      ok: true,
      value: {
        outputDir: join(root, 'out'),
        language: 'en',
        timeZone: '+08:00',
        maxDecodeBytes: 1024 ** 3,
        lateGraceMinutes: 30,
        maxColumns: 2000,
      },
    });
    const set = await apiDispatch(services, 'settings.set', { language: 'zh-CN', timeZone: 'Asia/Shanghai' });
    expect(set).toMatchObject({ ok: true, value: { language: 'zh-CN', timeZone: 'Asia/Shanghai' } });
    expect(JSON.parse(await readFile(join(root, 'data', 'settings.json'), 'utf8'))).toMatchObject({
      language: 'zh-CN',
      timeZone: 'Asia/Shanghai',
    });
    const fresh = servicesCreate({ mode: 'browser', dataDir: join(root, 'data'), outputDir: join(root, 'other') });
    expect(await apiDispatch(fresh, 'settings.get', {})).toMatchObject({
      ok: true,
      value: { language: 'zh-CN', outputDir: join(root, 'out') },
    });
    expect(await apiDispatch(services, 'settings.set', { timeZone: 'Mars/Olympus' })).toMatchObject({
      ok: false,
      error: { code: 'TIME_ZONE_INVALID', source: 'timeZone' },
    });
  });
});

describe('hostile output names', () => {
  it.each(['../escape.csv', '/etc/passwd', 'a/../../b.csv', '..', 'a\\..\\b.csv', 'x\u0000.csv', 'CON', 'aux.txt', '\u2025/x.csv'])(
    'keeps export %j inside the output folder or refuses it',
    async (fileName) => {
      const response = await apiDispatch(services, 'export.csv', { tableId, fileName, outDir: join(root, 'safe') });
      if (response.ok) {
        expect((response.value as { path: string }).path.startsWith(join(root, 'safe') + '/')).toBe(true);
      } else {
        expect(['PATH_OUTSIDE_ROOT', 'INVALID_ARGUMENT']).toContain(response.error.code);
      }
      expect(await readdir(root)).not.toContain('escape.csv');
    },
  );

  it('downloads an object by its base name and never over an existing file', async () => {
    const first = await apiDispatch(services, 'object.download', { key: 'logs/a.csv', outDir: join(root, 'dl') });
    expect(first).toEqual({ ok: true, value: { path: join(root, 'dl', 'a.csv'), bytes: csvText.length } });
    expect(await readFile(join(root, 'dl', 'a.csv'), 'utf8')).toBe(csvText);
    expect(await apiDispatch(services, 'object.download', { key: 'logs/a.csv', outDir: join(root, 'dl') })).toMatchObject({
      ok: false,
      error: { code: 'FILE_EXISTS' },
    });
    expect(await apiDispatch(services, 'object.download', { key: '../outside.csv', outDir: join(root, 'dl') })).toMatchObject({
      ok: false,
    });
    expect(await readdir(join(root, 'dl'))).toEqual(['a.csv']);
  });

  it('gives browser mode empty dialogs', async () => {
    expect(await apiDispatch(services, 'dialog.openFiles', {})).toEqual({ ok: true, value: { paths: [] } });
    expect(await apiDispatch(services, 'dialog.openFolder', {})).toEqual({ ok: true, value: { path: null } });
    expect(await apiDispatch(services, 'app.info', {})).toMatchObject({ ok: true, value: { mode: 'browser', hasDialogs: false } });
  });
});
