import { describe, expect, it } from 'vitest';
import { snappyCompressRaw, snappyDecode } from '../../../../core/codecs/snappy';
import { engineRawDecoder } from '../../../../main/engine/engineDecoder';

describe('engineRawDecoder', () => {
  it('routes small blocks to WASM and big ones to the native addon', () => {
    expect(engineRawDecoder()?.name).toBe(`hysnappy (wasm) < ${16 * 1024 * 1024} B ≤ snappy (native)`);
  });

  it.each([1000, 17 * 1024 * 1024])('decodes a %i-byte raw block to the exact plaintext', async (size) => {
    const plain = new Uint8Array(size).map((_v, i) => (i * 7) % 251);
    const result = await snappyDecode(snappyCompressRaw(plain), { variant: 'raw', rawDecoder: engineRawDecoder() });
    expect(Buffer.from(result.output).equals(Buffer.from(plain))).toBe(true);
  });
});
