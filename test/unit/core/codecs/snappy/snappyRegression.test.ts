// Regression test for a defect found by fuzzing (test/fuzz/text.fuzz.test.ts via tableOpen):
// snappyjs, the default raw decoder, read a literal's 4-byte length as a signed int; a length
// with the top bit set moved its position backwards and a 16-byte block looped forever.
import { describe, expect, it } from 'vitest';
import { snappyDecode } from '../../../../../core/codecs/snappy';

describe('snappy regressions (fuzz findings)', () => {
  it('snappyRegression: a literal length ≥ 2^31 is a typed error from the default decoder, not an endless loop', async () => {
    const block = Uint8Array.from([0x0a, 0xfc, 0x00, 0x00, 0x00, 0x80, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a]);
    await expect(snappyDecode(block, { variant: 'raw' })).rejects.toMatchObject({ code: 'TRUNCATED' });
    await expect(snappyDecode(block)).rejects.toMatchObject({ name: 'ShiplensError' });
  });
});
