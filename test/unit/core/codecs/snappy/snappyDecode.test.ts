import { describe, expect, it } from 'vitest';
import { snappyDecode, snappySniff } from '../../../../../core/codecs/snappy';
import type { RawBlockDecoder } from '../../../../../core/codecs/snappy';
import { nativeRawBlockDecoder } from '../../../../../main/codecs/nativeSnappy';
import { fixtureBytes, snappyFixturesLoad } from './snappyFixtures';
import { decodeError } from './snappyDecodeError';

// snappy-java's header-only framing stream (empty input) is refused as TRUNCATED: it is byte
// for byte a copy cut after its header (framingTruncated.test.ts).
const fixtures = (await snappyFixturesLoad()).filter((f) => f.file !== 'empty.java-framing.sz');
const native = nativeRawBlockDecoder();

/** A decoder that records its calls and delegates to a real one. */
function spyDecoder(inner: RawBlockDecoder): RawBlockDecoder & { calls: number[] } {
  const calls: number[] = [];
  return { name: 'spy', calls, uncompress: (block, n) => (calls.push(n), inner.uncompress(block, n)) };
}

function varint(n: number): number[] {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
  return out;
}

/** Replace a raw block's varint header with one declaring `length`. */
function redeclare(block: Uint8Array, length: number): Uint8Array {
  let size = 0;
  while ((block[size] as number) >= 0x80) size++;
  return Uint8Array.from([...varint(length), ...block.subarray(size + 1)]);
}

describe('snappyDecode on fixtures from independent writers', () => {
  it('has fixtures of every variant', () => {
    expect(new Set(fixtures.map((f) => f.variant))).toEqual(new Set(['raw', 'framing', 'snappy-java', 'hadoop']));
    expect(fixtures.length).toBeGreaterThanOrEqual(30);
  });

  it.each(fixtures)('decodes $file ($writer) to its exact plaintext', async ({ file, variant, plain }) => {
    const bytes = fixtureBytes(file);
    expect(snappySniff(bytes.subarray(0, 64))).toBe(variant);
    const result = await snappyDecode(bytes, { source: file });
    expect(result.variant).toBe(variant);
    expect(Buffer.from(result.output).equals(Buffer.from(fixtureBytes(plain)))).toBe(true);
  });

  it.each(fixtures)('decodes $file with the native decoder too', async ({ file, variant, plain }) => {
    if (!native) return;
    const result = await snappyDecode(fixtureBytes(file), { rawDecoder: native, variant });
    expect(Buffer.from(result.output).equals(Buffer.from(fixtureBytes(plain)))).toBe(true);
  });
});

describe('snappyDecode on corrupt input', () => {
  const raw = fixtureBytes('logs-small.raw.snappy');
  const framing = fixtureBytes('logs-large.framing.sz');

  it.each([
    { name: 'an empty file', bytes: new Uint8Array(0), code: 'EMPTY_INPUT' },
    { name: 'a truncated raw block', bytes: raw.subarray(0, 1000), code: 'TRUNCATED' },
    { name: 'a raw block cut one byte short', bytes: raw.subarray(0, raw.length - 1), code: 'TRUNCATED' },
    { name: 'a raw block cut inside its header', bytes: Uint8Array.from([0x80, 0x80]), code: 'TRUNCATED', variant: 'raw' },
    { name: 'a block declaring 4 GB', bytes: redeclare(raw, 4_000_000_000), code: 'TOO_LARGE' },
    { name: 'a block declaring more than it can expand to', bytes: redeclare(raw, 60_000), code: 'TRUNCATED' },
    { name: 'a block yielding more than it declares', bytes: redeclare(raw, 8000), code: 'SNAPPY_BAD_LENGTH' },
    { name: 'a header over 32 bits', bytes: Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x7f, 0]), code: 'SNAPPY_BAD_LENGTH', variant: 'raw' },
    { name: 'a truncated framing stream', bytes: framing.subarray(0, 100_000), code: 'TRUNCATED' },
    { name: 'a truncated snappy-java stream', bytes: fixtureBytes('logs-large.java.snappy').subarray(0, 100_000), code: 'TRUNCATED' },
    { name: 'a truncated Hadoop stream', bytes: fixtureBytes('logs-large.hadoop.snappy').subarray(0, 100_000), code: 'TRUNCATED' },
    {
      name: 'a Hadoop stream missing its last sub-block',
      bytes: fixtureBytes('logs-large.hadoop-multi.snappy').subarray(0, 25_000),
      code: 'TRUNCATED',
    },
    { name: 'a snappy-java header only', bytes: fixtureBytes('tiny.java.snappy').subarray(0, 12), code: 'TRUNCATED' },
  ] as const)('reports $code for $name', async ({ bytes, code, ...rest }) => {
    const error = await decodeError(bytes, { source: 'x.snappy', variant: 'variant' in rest ? rest.variant : undefined });
    expect(error.code).toBe(code);
    expect(error.source).toBe('x.snappy');
    expect(error.hint).toBeTruthy();
  });

  it('rejects a 4 GB declaration before calling the decoder or allocating', async () => {
    const spy = spyDecoder(native ?? { name: 'none', uncompress: () => new Uint8Array(0) });
    const block = redeclare(raw, 4_000_000_000);
    const error = await decodeError(block, { rawDecoder: spy, variant: 'raw' });
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toBe(
      `The snappy block declares 4,000,000,000 bytes uncompressed but is only ${block.length.toLocaleString('en-US')} bytes — the header is corrupt or this is not a raw snappy block.`,
    );
    expect(error.hint).toMatch(/^No size limit helps: /);
    expect(spy.calls).toEqual([]);
  });

  it('applies maxDecodeBytes to raw blocks and to streams before decoding', async () => {
    const spy = spyDecoder(native ?? { name: 'none', uncompress: () => new Uint8Array(0) });
    expect((await decodeError(raw, { maxDecodeBytes: 8000, rawDecoder: spy })).code).toBe('TOO_LARGE');
    expect((await decodeError(framing, { maxDecodeBytes: 1_000_000, rawDecoder: spy })).code).toBe('TOO_LARGE');
    expect(spy.calls).toEqual([]);
  });

  it('says what to do, not which tool to use, for a block over the limit', async () => {
    const error = await decodeError(raw, { maxDecodeBytes: 8000 });
    expect(error.message).toMatch(/^The snappy block declares [\d,]+ bytes uncompressed, over the 8,000 bytes limit\.$/);
    expect(error.hint).toBe('Raise the decode size limit (Settings in the app, --max-decode-bytes on the command line) and open it again.');
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('reports NOT_SNAPPY for random bytes (seed %i)', async (seed) => {
    let state = seed * 0x9e3779b1;
    const bytes = Uint8Array.from({ length: 4096 }, () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state >>> 24;
    });
    const error = await decodeError(bytes, { source: 'random.snappy' });
    expect(error.code).toBe('NOT_SNAPPY');
    expect(error.message).toMatch(/not a raw snappy block, nor a framing, snappy-java or Hadoop/);
    expect(error.hint).toMatch(/compression "none"/);
  });

  it('reports CHECKSUM_MISMATCH for a flipped CRC and for flipped stored data', async () => {
    const badCrc = framing.slice();
    badCrc[10 + 4] = (badCrc[10 + 4] as number) ^ 0x01; // first data chunk's CRC (after the 10-byte identifier)
    expect((await decodeError(badCrc)).code).toBe('CHECKSUM_MISMATCH');
    const stored = fixtureBytes('incompressible.framing.sz');
    expect(stored[10]).toBe(0x01); // incompressible data is stored uncompressed
    const badData = stored.slice();
    badData[10 + 8 + 100] = (badData[10 + 8 + 100] as number) ^ 0x80;
    expect((await decodeError(badData)).code).toBe('CHECKSUM_MISMATCH');
  });

  it('skips padding and reserved skippable chunks but rejects unskippable ones', async () => {
    const tiny = fixtureBytes('tiny.framing.sz');
    const insert = (chunk: number[]) => Uint8Array.from([...tiny.subarray(0, 10), ...chunk, ...tiny.subarray(10)]);
    const skipped = await snappyDecode(insert([0xfe, 3, 0, 0, 0, 0, 0, 0x80, 1, 0, 0, 9]));
    expect(Buffer.from(skipped.output).equals(Buffer.from(fixtureBytes('tiny.txt')))).toBe(true);
    expect((await decodeError(insert([0x02, 1, 0, 0, 9]))).code).toBe('UNSUPPORTED_FORMAT');
  });

  it('decodes concatenated framing and snappy-java streams', async () => {
    for (const file of ['tiny.framing.sz', 'tiny.java.snappy']) {
      const one = fixtureBytes(file);
      const result = await snappyDecode(Uint8Array.from([...one, ...one]));
      const plain = fixtureBytes('tiny.txt');
      expect(Buffer.from(result.output).equals(Buffer.concat([plain, plain]))).toBe(true);
    }
  });

  it('reports SNAPPY_BAD_LENGTH when a Hadoop sub-block outgrows its block', async () => {
    const bytes = fixtureBytes('tiny.hadoop.snappy').slice();
    bytes[3] = (bytes[3] as number) - 1; // block declares one byte less than its sub-block holds
    expect((await decodeError(bytes, { variant: 'hadoop' })).code).toBe('SNAPPY_BAD_LENGTH');
  });

  it('reports NOT_SNAPPY when a forced container lacks its magic', async () => {
    expect((await decodeError(raw, { variant: 'framing' })).code).toBe('NOT_SNAPPY');
    expect((await decodeError(raw, { variant: 'snappy-java' })).code).toBe('NOT_SNAPPY');
  });
});

describe('snappyDecode progress and cancel', () => {
  const large = fixtureBytes('logs-large.java.snappy');
  const plainSize = fixtureBytes('logs-large.txt').length;

  it('reports monotonic progress ending at the total', async () => {
    const seen: [number, number | null][] = [];
    await snappyDecode(large, { onProgress: (done, total) => seen.push([done, total]) });
    expect(seen[0]).toEqual([0, plainSize]);
    expect(seen.at(-1)).toEqual([plainSize, plainSize]);
    expect(seen.length).toBeGreaterThan(3);
    for (let i = 1; i < seen.length; i++) expect(seen[i]![0]).toBeGreaterThanOrEqual(seen[i - 1]![0]);
  });

  it('stops with CANCELLED when the signal aborts between chunks', async () => {
    const controller = new AbortController();
    const error = await decodeError(large, {
      signal: controller.signal,
      source: 'big.snappy',
      onProgress: (done) => done > 0 && controller.abort(),
    });
    expect(error.code).toBe('CANCELLED');
    expect(error.source).toBe('big.snappy');
  });

  it('reports CANCELLED for an already aborted signal', async () => {
    expect((await decodeError(large, { signal: AbortSignal.abort() })).code).toBe('CANCELLED');
  });
});

describe('snappyDecode of a header no container fits', () => {
  const over32 = Uint8Array.from([0x80, 0x80, 0x80, 0x80, 0x10, 0x00, 0x41]);
  const uint32Max = Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x0f, 0x00, 0x41]);
  const runOn = Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0x00]);
  const tail = ' — the header is corrupt or this is not a raw snappy block.';

  it.each([
    {
      name: '2^32 declared in 7 bytes',
      bytes: over32,
      code: 'SNAPPY_BAD_LENGTH',
      message: `The snappy block declares 4,294,967,296 bytes uncompressed but is only 7 bytes${tail}`,
    },
    {
      name: '2^32 - 1 declared in 7 bytes',
      bytes: uint32Max,
      code: 'TOO_LARGE',
      message: `The snappy block declares 4,294,967,295 bytes uncompressed but is only 7 bytes${tail}`,
    },
    {
      name: 'a varint that runs past 5 bytes',
      bytes: runOn,
      code: 'SNAPPY_BAD_LENGTH',
      message: `The snappy block has a length header over 32 bits${tail}`,
    },
  ])('names the problem for $name when presented as snappy', async ({ bytes, code, message }) => {
    const error = await decodeError(bytes, { source: 'huge.snappy', presentedAsSnappy: true });
    expect(error).toMatchObject({ code, message, source: 'huge.snappy' });
    expect(error.hint).toBeTruthy();
  });

  it.each([over32, runOn])('keeps NOT_SNAPPY when the bytes are only sniffed (%#)', async (bytes) => {
    expect((await decodeError(bytes, { source: 'download' })).code).toBe('NOT_SNAPPY');
  });

  it('keeps NOT_SNAPPY for a presented header that is merely over the limit', async () => {
    // Declares 1,000 bytes (possible for 60 input bytes) but the tags are not snappy.
    const bytes = Uint8Array.from([0xe8, 0x07, ...new Array<number>(58).fill(0xff)]);
    expect((await decodeError(bytes, { presentedAsSnappy: true, maxDecodeBytes: 100 })).code).toBe('NOT_SNAPPY');
  });
});
