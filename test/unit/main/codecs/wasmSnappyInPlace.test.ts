// The in-place hysnappy decoder of the range fetch against fixtures from independent writers
// (python3-snappy, snappy-java): exact bytes where snappyDecode takes the raw path, null (the
// copying path decides) everywhere else.
import { describe, expect, it } from 'vitest';
import { snappyDecode } from '../../../../core/codecs/snappy';
import { SnappyInPlace } from '../../../../main/codecs/wasmSnappyInPlace';
import { fixtureBytes, snappyFixturesLoad } from '../../core/codecs/snappy/snappyFixtures';

const fixtures = await snappyFixturesLoad();
const cap = 64 * 1024 * 1024;

function decodeInPlace(decoder: SnappyInPlace, bytes: Uint8Array, max = cap): Uint8Array | null {
  const input = decoder.input(bytes.length);
  if (!input) throw new Error('no room');
  input.set(bytes);
  const out = decoder.decode(max);
  return out && out.slice();
}

describe('SnappyInPlace', () => {
  it('decodes every raw fixture to the writer’s exact bytes, reusing one instance (growing and shrinking inputs)', async () => {
    const decoder = SnappyInPlace.create();
    expect(decoder).not.toBeNull();
    const raw = fixtures.filter((f) => f.variant === 'raw');
    expect(raw.length).toBeGreaterThanOrEqual(4);
    for (const f of [...raw, ...raw.reverse()]) {
      const bytes = fixtureBytes(f.file);
      const expected = (await snappyDecode(bytes)).output;
      expect(Buffer.from(fixtureBytes(f.plain)).equals(Buffer.from(expected)), f.file).toBe(true);
      expect(Buffer.from(decodeInPlace(decoder as SnappyInPlace, bytes) ?? []).equals(Buffer.from(expected)), f.file).toBe(true);
    }
  });

  it('leaves streams, corrupt blocks and blocks over the cap to the copying path (null)', async () => {
    const decoder = SnappyInPlace.create() as SnappyInPlace;
    for (const f of fixtures.filter((x) => x.variant !== 'raw')) expect(decodeInPlace(decoder, fixtureBytes(f.file)), f.file).toBeNull();
    const large = fixtureBytes('logs-large.raw.snappy');
    const cut = large.slice(0, Math.floor(large.length / 2));
    expect(decodeInPlace(decoder, cut)).toBeNull();
    await expect(snappyDecode(cut)).rejects.toMatchObject({ code: 'TRUNCATED' });
    const declared = (await snappyDecode(large)).output.length;
    expect(decodeInPlace(decoder, large, declared - 1)).toBeNull();
    expect(decodeInPlace(decoder, large, declared)?.length).toBe(declared);
  });

  it('is null where hysnappy cannot be driven in place (no instance to capture, no package)', () => {
    expect(SnappyInPlace.create(() => () => ({}))).toBeNull();
    expect(SnappyInPlace.create(() => null)).toBeNull();
    expect(
      SnappyInPlace.create(() => () => {
        throw new Error('no WebAssembly');
      }),
    ).toBeNull();
  });
});
