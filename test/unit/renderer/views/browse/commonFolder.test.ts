import { describe, expect, it } from 'vitest';
import { commonFolder } from '../../../../../renderer/views/browse/commonFolder';

describe('commonFolder', () => {
  it('is the folder all planned prefixes lie in', () => {
    expect(commonFolder(['a/2026/11/22/23/', 'a/2026/11/23/00/'])).toBe('a/2026/11/');
    expect(commonFolder(['a/b/log_08', 'a/b/log_09'])).toBe('a/b/');
    expect(commonFolder(['a/x/', 'b/y/'])).toBe('');
    expect(commonFolder([])).toBe('');
  });
});
