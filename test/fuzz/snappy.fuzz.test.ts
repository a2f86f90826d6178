// Fuzzing every snappy container decoder with mutations of python3-snappy / snappy-java
// fixtures, and random bytes through sniffing: a value or a typed error, never more output
// than the limit.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { snappyDecode, snappySniff } from '../../core/codecs/snappy';
import type { RawBlockDecoder, SnappyVariant } from '../../core/codecs/snappy';
import { nativeRawBlockDecoder } from '../../main/codecs/nativeSnappy';
import { fixtureBytes, snappyFixturesLoad } from '../unit/core/codecs/snappy/snappyFixtures';
import { fuzzRuns, fuzzTally, fuzzTallyReport, fuzzVerdict, mutate, mutationsArb } from './fuzzHarness';
import type { FuzzTally } from './fuzzHarness';

await snappyFixturesLoad();

const maxDecodeBytes = 64 * 1024;
const tallies: FuzzTally[] = [];
afterAll(() => tallies.forEach(fuzzTallyReport));

const seeds: Record<SnappyVariant, string[]> = {
  raw: ['tiny.raw.snappy', 'logs-small.raw.snappy', 'empty.raw.snappy'],
  framing: ['tiny.framing.sz', 'logs-small.framing.sz', 'tiny.java-framing.sz', 'logs-small.java-framing.sz'],
  'snappy-java': ['tiny.java.snappy', 'logs-small.java.snappy'],
  hadoop: ['tiny.hadoop.snappy', 'logs-small.hadoop-multi.snappy', 'logs-small.hadoop-java.snappy', 'tiny.hadoop-java.snappy'],
};

async function decodeChecked(bytes: Uint8Array, variant: SnappyVariant | undefined, rawDecoder?: RawBlockDecoder): Promise<void> {
  const { output } = await snappyDecode(bytes, { variant, maxDecodeBytes, rawDecoder });
  expect(output.length).toBeLessThanOrEqual(maxDecodeBytes);
}

function fuzzVariant(variant: SnappyVariant, label: string, rawDecoder?: RawBlockDecoder): void {
  it(`${label}: mutated fixtures end in a value or a typed error`, async () => {
    const files = seeds[variant].map(fixtureBytes);
    const tally = fuzzTally(`snappy ${label}`);
    tallies.push(tally);
    await fc.assert(
      fc.asyncProperty(fc.nat(files.length - 1), mutationsArb, fc.boolean(), async (which, mutations, sniff) => {
        const input = mutate(files[which] as Uint8Array, mutations);
        // Half the inputs are decoded as their variant, half sniffed (every container path).
        await fuzzVerdict(tally, () => decodeChecked(input, sniff ? undefined : variant, rawDecoder), input);
      }),
      { numRuns: fuzzRuns(400) },
    );
    expect(tally.inputs).toBeGreaterThanOrEqual(fuzzRuns(400));
  });
}

describe("snappy fuzz (mutations of independent writers' fixtures)", () => {
  fuzzVariant('raw', 'raw block (snappyjs)');
  const native = nativeRawBlockDecoder();
  if (native) fuzzVariant('raw', 'raw block (native)', native);
  fuzzVariant('framing', 'framing');
  fuzzVariant('snappy-java', 'snappy-java');
  fuzzVariant('hadoop', 'hadoop');

  it('random bytes: sniff never throws, decode is a value or a typed error', async () => {
    const tally = fuzzTally('snappy random bytes');
    tallies.push(tally);
    const variants: (SnappyVariant | undefined)[] = [undefined, 'raw', 'framing', 'snappy-java', 'hadoop'];
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.nat(variants.length - 1), async (bytes, v) => {
        const sniffed = snappySniff(bytes.subarray(0, 64));
        expect([null, 'raw', 'framing', 'snappy-java', 'hadoop']).toContain(sniffed);
        await fuzzVerdict(tally, () => decodeChecked(bytes, variants[v]), bytes);
      }),
      { numRuns: fuzzRuns(400) },
    );
  });
});
