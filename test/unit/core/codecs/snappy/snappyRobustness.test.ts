import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { SnappyDecompressor } from 'snappyjs/snappy_decompressor';
import { snappyCompressRaw, snappyDecode } from '../../../../../core/codecs/snappy';
import type { SnappyVariant } from '../../../../../core/codecs/snappy';
import { isShiplensError } from '../../../../../core/errors';
import { fixtureBytes, snappyFixturesLoad } from './snappyFixtures';
import { varint, be32 } from './snappyTestBytes';

await snappyFixturesLoad();

const framingId = [0xff, 6, 0, 0, 0x73, 0x4e, 0x61, 0x50, 0x70, 0x59];

function framingChunk(type: number, payload: number[]): number[] {
  return [type, payload.length & 0xff, (payload.length >> 8) & 0xff, payload.length >> 16, ...payload];
}

/** `n` copy-1 tags of 4 bytes at offset 1. */
function copies(n: number): number[] {
  return Array.from({ length: n }, () => [0x01, 0x01]).flat();
}

async function codeOf(bytes: Uint8Array, variant?: SnappyVariant): Promise<string> {
  try {
    await snappyDecode(bytes, { variant });
    return 'ok';
  } catch (error) {
    if (!isShiplensError(error)) throw error;
    return error.code;
  }
}

describe('snappyDecode size checks before allocation', () => {
  it('never calls snappyjs for a block declaring 4 GB', async () => {
    const spy = vi.spyOn(SnappyDecompressor.prototype, 'uncompressToBuffer');
    const block = Uint8Array.from([...varint(4_000_000_000), 0x00, 0x61]);
    expect(await codeOf(block, 'raw')).toBe('TOO_LARGE');
    expect(await codeOf(block)).toBe('TOO_LARGE');
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it.each([
    {
      name: 'a snappy-java chunk declaring 4 GB',
      bytes: [0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00, 0, 0, 0, 1, 0, 0, 0, 1, ...be32(7), ...varint(4_000_000_000), 0x00, 0x61],
      code: 'TOO_LARGE',
    },
    {
      name: 'a Hadoop block declaring 4 GB with one small sub-block',
      bytes: [...be32(4_000_000_000), ...be32(3), 0x01, 0x00, 0x61],
      code: 'TRUNCATED',
    },
    {
      name: 'a framing chunk whose block cannot expand to its declaration',
      bytes: [...framingId, ...framingChunk(0x00, [0, 0, 0, 0, ...varint(70_000), 0x00, 0x61])],
      code: 'TRUNCATED',
    },
    // 'a' then 3,000 copies of 4 bytes could yield 12,001 bytes... but it declares 70,000 > 65,536.
    {
      name: 'a framing chunk declaring more than the format allows',
      bytes: [...framingId, ...framingChunk(0x00, [0, 0, 0, 0, ...varint(70_000), 0x00, 0x61, ...copies(3000)])],
      code: 'SNAPPY_BAD_LENGTH',
    },
    {
      name: 'a framing chunk too short for its CRC',
      bytes: [0xff, 6, 0, 0, 0x73, 0x4e, 0x61, 0x50, 0x70, 0x59, 0x01, 2, 0, 0, 0, 0],
      code: 'SNAPPY_BAD_LENGTH',
    },
    {
      name: 'a malformed framing identifier',
      bytes: [0xff, 6, 0, 0, 0x73, 0x4e, 0x61, 0x50, 0x70, 0x59, 0xff, 6, 0, 0, 0x73, 0x4e, 0x61, 0x50, 0x70, 0x58],
      code: 'NOT_SNAPPY',
    },
  ])('reports $code for $name', async ({ bytes, code }) => {
    expect(await codeOf(Uint8Array.from(bytes))).toBe(code);
  });
});

describe('snappyDecode robustness (property-based)', () => {
  it('round-trips snappyCompressRaw for any bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), async (plain) => {
        const { variant, output } = await snappyDecode(snappyCompressRaw(plain), { variant: 'raw' });
        expect(variant).toBe('raw');
        expect(Buffer.from(output).equals(Buffer.from(plain))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('throws only typed errors for mutated fixtures of every variant', async () => {
    const files = ['logs-small.raw.snappy', 'logs-small.framing.sz', 'logs-small.java.snappy', 'logs-small.hadoop-multi.snappy'].map(
      fixtureBytes,
    );
    const plain = fixtureBytes('logs-small.txt');
    await fc.assert(
      fc.asyncProperty(
        fc.nat(files.length - 1),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
        fc.option(fc.nat()),
        async (which, flips, cut) => {
          const bytes = files[which]!.slice();
          for (const [at, value] of flips) bytes[at % bytes.length] = value;
          const input = cut === null ? bytes : bytes.subarray(0, cut % bytes.length);
          try {
            const { output } = await snappyDecode(input);
            // A mutation that still decodes must yield the declared size (a literal byte changed).
            expect(output.length).toBeLessThanOrEqual(plain.length * 2);
          } catch (error) {
            expect(isShiplensError(error)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('outputAllocate', () => {
  it('turns an allocation failure into TOO_LARGE and passes other errors through', async () => {
    const { outputAllocate } = await import('../../../../../core/codecs/snappy/snappyError');
    expect(() =>
      outputAllocate(5e9, 'big.snappy', () => {
        throw new RangeError('Array buffer allocation failed');
      }),
    ).toThrow(expect.objectContaining({ code: 'TOO_LARGE', source: 'big.snappy' }));
    expect(() =>
      outputAllocate(1, undefined, () => {
        throw new TypeError('other');
      }),
    ).toThrow(TypeError);
    expect(outputAllocate(3, undefined, () => new Uint8Array(3)).length).toBe(3);
  });
});

describe('snappyDecode on raw blocks cut anywhere (the snappyjs sentinel check)', () => {
  it('reports TRUNCATED for every cut in the last 64 bytes and for literal-final blocks', async () => {
    const blocks = [
      fixtureBytes('logs-small.raw.snappy'),
      fixtureBytes('incompressible.raw.snappy'),
      snappyCompressRaw(new TextEncoder().encode('x'.repeat(70) + 'abcdefghijklmnopqrstuvwxyz0123456789')),
    ];
    for (const block of blocks) {
      for (let cut = Math.max(1, block.length - 64); cut < block.length; cut++) {
        expect(await codeOf(block.subarray(0, cut), 'raw')).toBe('TRUNCATED');
      }
    }
  });
});
