import { describe, expect, it } from 'vitest';
import { snappyCompressRaw } from '../../../../core/codecs/snappy';
import { wasmRawBlockDecoder, wasmRawBlockDecoderLazy } from '../../../../main/codecs/wasmSnappy';

const plain = new TextEncoder().encode('{"__time__":1484913043,"msg":"GET /a"}\n'.repeat(50));
const block = snappyCompressRaw(plain);

describe('wasmRawBlockDecoder', () => {
  it('loads hysnappy on this machine, once', () => {
    const decoder = wasmRawBlockDecoder();
    expect(decoder?.name).toBe('hysnappy (wasm)');
    expect(wasmRawBlockDecoder()).toBe(decoder);
    expect(Buffer.from(decoder!.uncompress(block, plain.length)).equals(Buffer.from(plain))).toBe(true);
  });

  it('lazy: named as hysnappy before loading, decodes with it, never with the fallback while it loads', () => {
    const fallback = {
      name: 'fallback',
      uncompress: () => {
        throw new Error('the fallback was used');
      },
    };
    const lazy = wasmRawBlockDecoderLazy(fallback);
    expect(lazy.name).toBe('hysnappy (wasm)');
    expect(Buffer.from(lazy.uncompress(block, plain.length)).equals(Buffer.from(plain))).toBe(true);
  });
});
