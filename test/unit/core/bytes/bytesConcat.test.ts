import { describe, expect, it } from 'vitest';
import { bytesConcat } from '../../../../core/bytes/bytesConcat';

describe('bytesConcat', () => {
  it.each([
    { input: [], expected: [] },
    { input: [[1, 2], [], [3]], expected: [1, 2, 3] },
    { input: [[0xff]], expected: [0xff] },
  ])('joins $input into $expected', ({ input, expected }) => {
    const out = bytesConcat(input.map((p) => Uint8Array.from(p)));
    expect(out).toBeInstanceOf(Uint8Array);
    expect([...out]).toEqual(expected);
  });

  it('copies: changing a part later does not change the result', () => {
    const part = Uint8Array.from([7, 8]);
    const out = bytesConcat([part]);
    part[0] = 0;
    expect([...out]).toEqual([7, 8]);
  });
});
