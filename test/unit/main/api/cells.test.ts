import { describe, expect, it } from 'vitest';
import { rowsToJson, utf8Slice } from '../../../../main/api/cells';

describe('rowsToJson', () => {
  it('turns bigint into decimal strings and keeps the rest', () => {
    expect(rowsToJson([[9007199254740993n, -1n, 'a', 1.5, true, null]])).toEqual([['9007199254740993', '-1', 'a', 1.5, true, null]]);
  });
});

describe('utf8Slice', () => {
  const bytes = new TextEncoder().encode('ab中文');
  it('never cuts inside a character', () => {
    expect(utf8Slice(bytes, 0, 3)).toBe('ab');
    expect(utf8Slice(bytes, 0, 5)).toBe('ab中');
    expect(utf8Slice(bytes, 0, 100)).toBe('ab中文');
    expect(utf8Slice(bytes, 100, 5)).toBe('');
  });
});
