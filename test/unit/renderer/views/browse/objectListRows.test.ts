import { describe, expect, it } from 'vitest';
import { filterMatches, listRows } from '../../../../../renderer/views/browse/objectListRows';

const entry = (key: string, size = 1) => ({ key, size, lastModified: '2026-11-24T10:00:00.000Z' });
const objects = [entry('logs/b-big', 30), entry('logs/a-small', 10), entry('logs/c-access', 20)];
const prefixes = ['logs/access/', 'logs/error/'];

describe('listRows', () => {
  it('puts folders first in listing order, then objects in sort order', () => {
    const rows = listRows(prefixes, objects, 'size', true, '');
    expect(rows.map((r) => (r.kind === 'folder' ? r.prefix : r.entry.key))).toEqual([
      'logs/access/',
      'logs/error/',
      'logs/b-big',
      'logs/c-access',
      'logs/a-small',
    ]);
  });

  it('keeps the folders and objects whose name holds the filter, ignoring case and spaces around it', () => {
    const rows = listRows(prefixes, objects, 'name', false, '  ACCESS ');
    expect(rows).toEqual([
      { kind: 'folder', prefix: 'logs/access/' },
      { kind: 'object', entry: objects[2] },
    ]);
  });
});

describe('filterMatches', () => {
  it('counts what the list keeps, or is null without a filter', () => {
    expect(filterMatches(objects, prefixes, ' Access')).toBe(listRows(prefixes, objects, 'name', false, ' Access').length);
    expect(filterMatches(objects, prefixes, 'zzz')).toBe(0);
    expect(filterMatches(objects, prefixes, '  ')).toBeNull();
  });
});
