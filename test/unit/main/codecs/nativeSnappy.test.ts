import { describe, expect, it } from 'vitest';
import { snappyCompressRaw, snappyDecode } from '../../../../core/codecs/snappy';
import { nativeRawBlockDecoder } from '../../../../main/codecs/nativeSnappy';
import { fixtureBytes, snappyFixturesLoad } from '../../core/codecs/snappy/snappyFixtures';

await snappyFixturesLoad();

describe('nativeRawBlockDecoder', () => {
  it('loads the native snappy package on this machine', () => {
    const decoder = nativeRawBlockDecoder();
    expect(decoder?.name).toBe('snappy (native)');
    expect(nativeRawBlockDecoder()).toBe(decoder);
  });

  it('decodes a python3-snappy raw block to the exact plaintext', () => {
    const decoder = nativeRawBlockDecoder()!;
    const plain = fixtureBytes('logs-large.txt');
    const out = decoder.uncompress(fixtureBytes('logs-large.raw.snappy'), plain.length);
    expect(Buffer.from(out).equals(Buffer.from(plain))).toBe(true);
  });

  it('throws when the output length differs from the declared one', () => {
    const decoder = nativeRawBlockDecoder()!;
    expect(() => decoder.uncompress(fixtureBytes('tiny.raw.snappy'), 64)).toThrow(/expected 64/);
  });

  it('gives typed errors through snappyDecode for a corrupt block', async () => {
    const block = snappyCompressRaw(new TextEncoder().encode('abcabcabcabcabcabcabcabc'.repeat(10)));
    const bad = block.slice();
    bad[bad.length - 2] = 0xff; // last copy's offset points before the start
    await expect(snappyDecode(bad, { rawDecoder: nativeRawBlockDecoder()!, variant: 'raw' })).rejects.toMatchObject({ code: 'SNAPPY_BAD_OFFSET' });
  });
});
