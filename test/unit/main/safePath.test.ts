import { mkdtempSync, mkdirSync, symlinkSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keySegmentsCheck, safeFileNameFromKey, safeJoin, safeJoinChecked } from '../../../main/safePath';

const root = mkdtempSync(path.join(os.tmpdir(), 'shiplens-safe-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('safeJoin', () => {
  it('joins ordinary relative names inside the root', () => {
    expect(safeJoin(root, 'a.json')).toBe(path.join(root, 'a.json'));
    expect(safeJoin(root, 'ds=20240101/12/log_1.csv.snappy')).toBe(path.join(root, 'ds=20240101', '12', 'log_1.csv.snappy'));
    expect(safeJoin(root, '..foo')).toBe(path.join(root, '..foo'));
    expect(safeJoin(root, '日志.json')).toBe(path.join(root, '日志.json'));
  });

  const hostile: [string, string][] = [
    ['../../.bashrc', 'dot-dot'],
    ['a/../../b', 'inner dot-dot'],
    ['..', 'bare dot-dot'],
    ['./a', 'dot segment'],
    ['/etc/passwd', 'absolute'],
    ['C:/Windows/x', 'drive absolute'],
    ['c:x', 'drive relative'],
    ['a\\..\\..\\b', 'backslash'],
    ['a\u0000b', 'NUL'],
    ['a\nb', 'newline'],
    ['a\u001bb', 'escape'],
    ['a\u0085b', 'C1 control'],
    ['CON', 'reserved'],
    ['aux.txt', 'reserved with extension'],
    ['dir/Com1.json', 'reserved in a folder'],
    ['LPT\u00b9', 'reserved superscript'],
    ['\u2025', 'two-dot leader (NFKC ..)'],
    ['\uff0e\uff0e/x', 'fullwidth dots'],
    ['a\uff0fb', 'fullwidth solidus'],
    ['a//b', 'empty segment'],
    ['trailing.', 'trailing dot'],
    ['trailing ', 'trailing space'],
    ['a:b', 'colon'],
    ['what?', 'question mark'],
    ['x'.repeat(256), 'over-long segment'],
    ['\u00e9'.repeat(128), 'over-long in UTF-8 bytes'],
    ['', 'empty'],
  ];
  it.each(hostile)('refuses %j (%s) with PATH_OUTSIDE_ROOT', (name) => {
    expect(() => safeJoin(root, name)).toThrowError(expect.objectContaining({ code: 'PATH_OUTSIDE_ROOT' }) as Error);
  });

  it('refuses an over-long joined path', () => {
    const deep = Array.from({ length: 40 }, () => 'y'.repeat(120)).join('/');
    expect(() => safeJoin(root, deep)).toThrowError(expect.objectContaining({ code: 'PATH_OUTSIDE_ROOT' }) as Error);
  });
});

describe('safeJoinChecked', () => {
  it('refuses a path through a link that leads out of the root', async () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'shiplens-out-'));
    mkdirSync(path.join(root, 'real'));
    symlinkSync(outside, path.join(root, 'escape'));
    await expect(safeJoinChecked(root, 'real/new/file.bin')).resolves.toBe(path.join(root, 'real', 'new', 'file.bin'));
    await expect(safeJoinChecked(root, 'escape/file.bin')).rejects.toMatchObject({ code: 'PATH_OUTSIDE_ROOT' });
    await expect(safeJoinChecked(root, 'escape/deeper/file.bin')).rejects.toMatchObject({ code: 'PATH_OUTSIDE_ROOT' });
    rmSync(outside, { recursive: true, force: true });
  });
});

describe('keySegmentsCheck', () => {
  it('splits keys and refuses escapes', () => {
    expect(keySegmentsCheck('a/b/c.json')).toEqual(['a', 'b', 'c.json']);
    for (const bad of ['../x', 'a/./b', '/abs', 'a\\b', 'a\u0000', '\u2025/x', 'a/']) {
      expect(() => keySegmentsCheck(bad)).toThrowError(expect.objectContaining({ code: 'PATH_OUTSIDE_ROOT' }) as Error);
    }
  });
});

describe('safeFileNameFromKey', () => {
  it.each([
    ['logs/2024/01/x.json', 'x.json'],
    ['../../.bashrc', '.bashrc'],
    ['a/CON', '_CON'],
    ['a/aux.txt', '_aux.txt'],
    ['a/..', 'download'],
    ['a/\u2025', 'download'],
    ['a/b:c?.csv', 'b_c_.csv'],
    ['dir/', 'dir'],
    ['x\u0000y', 'x_y'],
  ])('%j → %j', (key, name) => {
    expect(safeFileNameFromKey(key)).toBe(name);
    expect(() => safeJoin(root, safeFileNameFromKey(key))).not.toThrow();
  });
  it('caps the name at 255 bytes', () => {
    expect(Buffer.byteLength(safeFileNameFromKey('\u00e9'.repeat(300)))).toBeLessThanOrEqual(255);
  });
});
