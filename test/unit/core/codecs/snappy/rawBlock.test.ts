import { describe, expect, it } from 'vitest';
import {
  crc32c,
  crc32cMasked,
  snappyCompressRaw,
  snappyDecode,
  snappyRawUncompressedLength,
  snappySniff,
} from '../../../../../core/codecs/snappy';
import type { ShiplensError } from '../../../../../core/errors';
import { fixtureBytes, snappyFixturesLoad } from './snappyFixtures';

await snappyFixturesLoad();

async function code(bytes: number[]): Promise<string> {
  try {
    await snappyDecode(Uint8Array.from(bytes), { variant: 'raw' });
    return 'ok';
  } catch (error) {
    return (error as ShiplensError).code;
  }
}

describe('snappyDecode on hand-made raw blocks', () => {
  // Tags: literal = (len-1)<<2; copy-1 = 01, len 4-11, 11-bit offset; copy-2 = 10, 16-bit offset.
  it.each([
    { name: 'an empty block', input: [0x00], expected: [] },
    { name: 'one literal', input: [0x03, 0x08, 0x61, 0x62, 0x63], expected: [0x61, 0x62, 0x63] },
    { name: 'a literal then an overlapping copy-1', input: [0x06, 0x00, 0x61, 0x05, 0x01], expected: [0x61, 0x61, 0x61, 0x61, 0x61, 0x61] },
    { name: 'a copy-2', input: [0x06, 0x04, 0x61, 0x62, 0x0e, 0x02, 0x00], expected: [0x61, 0x62, 0x61, 0x62, 0x61, 0x62] },
    { name: 'a copy-4', input: [0x05, 0x04, 0x61, 0x62, 0x0b, 0x02, 0x00, 0x00, 0x00], expected: [0x61, 0x62, 0x61, 0x62, 0x61] },
    {
      name: 'a 61-byte literal (1-byte length)',
      input: [61, 0xf0, 60, ...Array<number>(61).fill(0x7a)],
      expected: Array<number>(61).fill(0x7a),
    },
  ])('decodes $name', async ({ input, expected }) => {
    const { output } = await snappyDecode(Uint8Array.from(input), { variant: 'raw' });
    expect([...output]).toEqual(expected);
  });

  it.each([
    { name: 'a copy before any output', input: [0x04, 0x01, 0x01], expected: 'SNAPPY_BAD_OFFSET' },
    { name: 'a copy reaching before the start', input: [0x06, 0x00, 0x61, 0x01, 0x02], expected: 'SNAPPY_BAD_OFFSET' },
    { name: 'a zero offset', input: [0x06, 0x00, 0x61, 0x01, 0x00], expected: 'SNAPPY_BAD_OFFSET' },
    { name: 'a literal past the end of input', input: [0x03, 0x08, 0x61], expected: 'TRUNCATED' },
    { name: 'a copy tag missing its offset', input: [0x06, 0x00, 0x61, 0x12, 0x01], expected: 'TRUNCATED' },
    { name: 'tags yielding less than declared', input: [0x04, 0x08, 0x61, 0x62, 0x63], expected: 'TRUNCATED' },
    { name: 'tags yielding more than declared', input: [0x02, 0x08, 0x61, 0x62, 0x63], expected: 'SNAPPY_BAD_LENGTH' },
    { name: 'a header alone declaring bytes', input: [0x05], expected: 'TRUNCATED' },
  ])('reports $expected for $name', async ({ input, expected }) => {
    expect(await code(input)).toBe(expected);
  });

  it('reports SNAPPY_BAD_OFFSET deep inside a python3-snappy block, sniffed or forced', async () => {
    const block = fixtureBytes('logs-small.raw.snappy').slice();
    // Walk to the first copy-2 tag after byte 64 and point it 60,000 bytes back.
    let pos = 2;
    for (;;) {
      const tag = block[pos] as number;
      if ((tag & 3) === 2 && pos > 64) break;
      if ((tag & 3) === 0) {
        const len = tag >>> 2;
        pos += len < 60 ? len + 2 : len - 59 + 1 + block[pos + 1]! + (len > 60 ? block[pos + 2]! * 256 : 0) + 1;
      } else pos += (tag & 3) === 1 ? 2 : (tag & 3) === 2 ? 3 : 5;
    }
    block[pos + 1] = 0x60;
    block[pos + 2] = 0xea;
    for (const variant of [undefined, 'raw'] as const) {
      await expect(snappyDecode(block, { variant, source: 'a.snappy' })).rejects.toMatchObject({
        code: 'SNAPPY_BAD_OFFSET',
        source: 'a.snappy',
      });
    }
  });
});

describe('snappyRawUncompressedLength', () => {
  it.each([
    { input: [0x00], expected: 0 },
    { input: [0x7f], expected: 127 },
    { input: [0x80, 0x01], expected: 128 },
    { input: [0xac, 0xd0, 0x8a, 0x0c], expected: 25_339_948 },
    { input: [0xff, 0xff, 0xff, 0xff, 0x0f], expected: 4_294_967_295 },
  ])('reads $expected', ({ input, expected }) => {
    expect(snappyRawUncompressedLength(Uint8Array.from(input))).toBe(expected);
  });

  it.each([
    { input: [], expected: 'EMPTY_INPUT' },
    { input: [0x80], expected: 'TRUNCATED' },
    { input: [0xff, 0xff, 0xff, 0xff, 0x10], expected: 'SNAPPY_BAD_LENGTH' },
    { input: [0xff, 0xff, 0xff, 0xff, 0xff, 0x01], expected: 'SNAPPY_BAD_LENGTH' },
  ])('throws $expected', ({ input, expected }) => {
    expect(() => snappyRawUncompressedLength(Uint8Array.from(input))).toThrow(expect.objectContaining({ code: expected }));
  });

  it('reads the declared size of a python3-snappy block', () => {
    expect(snappyRawUncompressedLength(fixtureBytes('logs-large.raw.snappy'))).toBe(fixtureBytes('logs-large.txt').length);
  });
});

describe('snappySniff', () => {
  it.each([
    { name: 'nothing', input: [], expected: null },
    { name: 'the framing identifier', input: [0xff, 0x06, 0x00, 0x00, 0x73, 0x4e, 0x61, 0x50, 0x70, 0x59], expected: 'framing' },
    {
      name: 'the snappy-java magic',
      input: [0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00, 0, 0, 0, 1, 0, 0, 0, 1],
      expected: 'snappy-java',
    },
    { name: 'a Hadoop block', input: [0, 0, 0, 3, 0, 0, 0, 5, 0x03, 0x08, 0x61, 0x62, 0x63], expected: 'hadoop' },
    { name: 'a raw block', input: [0x03, 0x08, 0x61, 0x62, 0x63], expected: 'raw' },
    { name: 'an empty raw block', input: [0x00], expected: 'raw' },
    { name: 'a zero followed by more bytes', input: [0x00, 0x41], expected: null },
    { name: 'JSON text', input: [...new TextEncoder().encode('{"__time__":1484913043}')], expected: null },
    { name: 'a Parquet magic', input: [0x50, 0x41, 0x52, 0x31, 0x15, 0x04], expected: null },
    { name: 'a gzip header', input: [0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 3], expected: null },
  ])('says $expected for $name', ({ input, expected }) => {
    expect(snappySniff(Uint8Array.from(input))).toBe(expected);
  });
});

describe('snappyCompressRaw', () => {
  it('writes a raw block that decodes back to the input', async () => {
    const plain = fixtureBytes('table.txt');
    const block = snappyCompressRaw(plain);
    expect(block.length).toBeLessThan(plain.length / 2);
    expect(snappySniff(block)).toBe('raw');
    const { output } = await snappyDecode(block);
    expect(Buffer.from(output).equals(Buffer.from(plain))).toBe(true);
  });
});

describe('crc32c', () => {
  it('matches the CRC-32C check value and the framing mask', () => {
    expect(crc32c(new TextEncoder().encode('123456789'))).toBe(0xe3069283);
    expect(crc32c(new Uint8Array(0))).toBe(0);
    expect(crc32c(new Uint8Array(32))).toBe(0x8a9136aa); // RFC 3720 B.4: 32 bytes of zeros
    const crc = 0xe3069283;
    expect(crc32cMasked(new TextEncoder().encode('123456789'))).toBe(((((crc >>> 15) | (crc << 17)) >>> 0) + 0xa282ead8) >>> 0);
  });
});
