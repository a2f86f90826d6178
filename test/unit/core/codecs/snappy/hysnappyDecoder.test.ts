import { snappyUncompressor } from 'hysnappy';
import { describe, expect, it } from 'vitest';
import { snappyCompressRaw, snappyDecode } from '../../../../../core/codecs/snappy';
import { hysnappyRawDecoder, rawDecoderBySize } from '../../../../../core/codecs/snappy/hysnappyDecoder';
import type { ShiplensError } from '../../../../../core/errors';
import { fixtureBytes, snappyFixturesLoad } from './snappyFixtures';

// snappy-java's header-only framing stream (empty input) is refused as TRUNCATED: it is byte
// for byte a copy cut after its header (framingTruncated.test.ts).
const fixtures = (await snappyFixturesLoad()).filter((f) => f.file !== 'empty.java-framing.sz');
const wasm = hysnappyRawDecoder(snappyUncompressor);

async function codeOf(bytes: number[] | Uint8Array): Promise<string> {
  try {
    await snappyDecode(Uint8Array.from(bytes), { variant: 'raw', rawDecoder: wasm ?? undefined });
    return 'ok';
  } catch (error) {
    return (error as ShiplensError).code;
  }
}

describe('hysnappyRawDecoder (WebAssembly)', () => {
  it('loads in Node (WebAssembly available)', () => {
    expect(wasm?.name).toBe('hysnappy (wasm)');
  });

  it.each(fixtures)('decodes $file ($writer, python-snappy / snappy-java) to its exact plaintext', async ({ file, variant, plain }) => {
    const result = await snappyDecode(fixtureBytes(file), { rawDecoder: wasm ?? undefined, variant });
    expect(Buffer.from(result.output).equals(Buffer.from(fixtureBytes(plain)))).toBe(true);
  });

  it('decodes a big block, then small ones on a fresh instance (memory released)', () => {
    const plain = new Uint8Array(70 * 1024 * 1024).map((_v, i) => (i * 7) % 251);
    const block = snappyCompressRaw(plain);
    expect(Buffer.from((wasm as NonNullable<typeof wasm>).uncompress(block, plain.length)).equals(Buffer.from(plain))).toBe(true);
    expect([...(wasm as NonNullable<typeof wasm>).uncompress(Uint8Array.from([0x03, 0x08, 0x61, 0x62, 0x63]), 3)]).toEqual([
      0x61, 0x62, 0x63,
    ]);
  });

  it.each([
    { name: 'a copy before any output', input: [0x04, 0x01, 0x01], expected: 'SNAPPY_BAD_OFFSET' },
    { name: 'a zero offset', input: [0x06, 0x00, 0x61, 0x01, 0x00], expected: 'SNAPPY_BAD_OFFSET' },
    { name: 'a literal past the end of input', input: [0x03, 0x08, 0x61], expected: 'TRUNCATED' },
    { name: 'tags yielding less than declared', input: [0x04, 0x08, 0x61, 0x62, 0x63], expected: 'TRUNCATED' },
    { name: 'tags yielding more than declared', input: [0x02, 0x08, 0x61, 0x62, 0x63], expected: 'SNAPPY_BAD_LENGTH' },
  ])('reports $expected for $name (typed, like snappyjs)', async ({ input, expected }) => {
    expect(await codeOf(input)).toBe(expected);
  });

  it('refuses a block whose header disagrees with the expected length before decoding', () => {
    expect(() => (wasm as NonNullable<typeof wasm>).uncompress(Uint8Array.from([0x03, 0x08, 0x61, 0x62, 0x63]), 4)).toThrow(
      /declares 3 bytes, expected 4/,
    );
  });

  it('rawDecoderBySize routes by output size and falls back to whichever exists', () => {
    const used: string[] = [];
    const spy = (name: string) => ({ name, uncompress: (block: Uint8Array, length: number) => (used.push(name), new Uint8Array(length)) });
    const routed = rawDecoderBySize(spy('small'), spy('big'), 100);
    routed?.uncompress(Uint8Array.from([0]), 99);
    routed?.uncompress(Uint8Array.from([0]), 100);
    expect(used).toEqual(['small', 'big']);
    expect(rawDecoderBySize(null, spy('big'))?.name).toBe('big');
    expect(rawDecoderBySize(spy('small'), null)?.name).toBe('small');
    expect(rawDecoderBySize(null, null)).toBeNull();
  });
});
