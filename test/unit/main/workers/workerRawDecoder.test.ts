import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { snappyDecode } from '../../../../core/codecs/snappy';
import { nativeRawBlockDecoderFrom } from '../../../../main/codecs/nativeSnappy';
import { workerRawDecoder } from '../../../../main/workers/workerRawDecoder';

// The native `snappy` addon (C++ libsnappy via napi-rs) writes the blocks: an independent writer.
const snappy = createRequire(import.meta.url)('snappy') as { compressSync(input: Uint8Array): Uint8Array };
const native = nativeRawBlockDecoderFrom(snappy, false);

function plainOf(length: number): Uint8Array {
  const text = Array.from({ length: Math.ceil(length / 40) }, (_, i) => `{"__time__":${1484913043 + i},"n":${i % 97}}\n`).join('');
  return new TextEncoder().encode(text).subarray(0, length);
}

describe('workerRawDecoder', () => {
  it('decodes a big raw block into one buffer of its own (transferable, no trailing bytes)', async () => {
    const plain = plainOf(300_000);
    const result = await snappyDecode(snappy.compressSync(plain), { rawDecoder: workerRawDecoder(native, 64 * 1024) });
    expect(result.variant).toBe('raw');
    expect(Buffer.from(result.output).equals(Buffer.from(plain))).toBe(true);
    expect(result.output.byteOffset).toBe(0);
    expect(result.output.buffer.byteLength).toBe(plain.length);
    // Transferring detaches it: the buffer is ours, not an external one that postMessage clones.
    const moved = structuredClone(result.output, { transfer: [result.output.buffer as ArrayBuffer] });
    expect(result.output.length).toBe(0);
    expect(moved.length).toBe(plain.length);
  });

  it('decodes a small block with the native decoder into the caller buffer', () => {
    const plain = plainOf(5_000);
    const block = snappy.compressSync(plain);
    const out = new Uint8Array(plain.length);
    const headerSize = block.findIndex((b) => b < 0x80) + 1;
    expect(workerRawDecoder(native).uncompressInto(block, headerSize, out)).toBe(true);
    expect(Buffer.from(out).equals(Buffer.from(plain))).toBe(true);
  });

  it('reports a corrupt small block as false (native error caught), a corrupt big one as a typed error', async () => {
    const block = Uint8Array.from(snappy.compressSync(plainOf(5_000)));
    block[block.length - 3] = 0xff;
    block[block.length - 2] = 0xff;
    const headerSize = block.findIndex((b) => b < 0x80) + 1;
    expect(workerRawDecoder(native).uncompressInto(block.subarray(0, 20), headerSize, new Uint8Array(5_000))).toBe(false);
    await expect(
      snappyDecode(block.subarray(0, block.length - 40), { variant: 'raw', rawDecoder: workerRawDecoder(native, 1024) }),
    ).rejects.toMatchObject({ code: 'TRUNCATED' });
  });

  it('uses snappyjs alone when the native addon is missing', async () => {
    const plain = plainOf(20_000);
    const decoder = workerRawDecoder(null);
    expect(decoder.name).toBe('snappyjs');
    const result = await snappyDecode(snappy.compressSync(plain), { rawDecoder: decoder });
    expect(Buffer.from(result.output).equals(Buffer.from(plain))).toBe(true);
  });
});
