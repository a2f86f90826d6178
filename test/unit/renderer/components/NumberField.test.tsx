import { describe, expect, it } from 'vitest';
import { numberDraftValue } from '../../../../renderer/components/NumberField';

describe('numberDraftValue', () => {
  it('commits nothing while a typed number is still below the minimum ("1", "12" on the way to "120")', () => {
    expect(numberDraftValue('1', 60)).toBeNull();
    expect(numberDraftValue('12', 60)).toBeNull();
    expect(numberDraftValue('120', 60)).toBe(120);
  });

  it('refuses empty, fractional, negative and out-of-range text', () => {
    expect(['', ' ', '1.5', '-60', '1e3', 'abc'].map((t) => numberDraftValue(t, 60))).toEqual([null, null, null, null, null, null]);
    expect(numberDraftValue('86401', 60, 86_400)).toBeNull();
    expect(numberDraftValue(' 300 ', 60, 86_400)).toBe(300);
  });
});
