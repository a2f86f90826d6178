import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { snappyCompressRaw, snappyDecode } from '../../../../core/codecs/snappy';
import { nativeBindingPackage, nativeRawBlockDecoder, nativeRawBlockDecoderFrom } from '../../../../main/codecs/nativeSnappy';
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
    await expect(snappyDecode(bad, { rawDecoder: nativeRawBlockDecoder()!, variant: 'raw' })).rejects.toMatchObject({
      code: 'SNAPPY_BAD_OFFSET',
    });
  });
});

describe('nativeRawBlockDecoderFrom', () => {
  it('is null for a missing or foreign module', () => {
    expect(nativeRawBlockDecoderFrom(null, false)).toBeNull();
    expect(nativeRawBlockDecoderFrom({ compressSync: () => null }, false)).toBeNull();
  });

  it('passes copyOutputData and checks what the module returns', async () => {
    const seen: unknown[] = [];
    const fake = (result: string | Uint8Array) => ({
      uncompressSync: (_input: Uint8Array, options: unknown) => (seen.push(options), result),
    });
    expect(nativeRawBlockDecoderFrom(fake(new Uint8Array(3)), true)!.uncompress(new Uint8Array(1), 3).length).toBe(3);
    expect(seen).toEqual([{ asBuffer: true, copyOutputData: true }]);
    expect(() => nativeRawBlockDecoderFrom(fake('abc'), false)!.uncompress(new Uint8Array(1), 3)).toThrow(/a string/);
    // Through snappyDecode, a decoder that lies about the length becomes a typed error.
    const liar = nativeRawBlockDecoderFrom(fake(new Uint8Array(2)), false)!;
    await expect(snappyDecode(Uint8Array.from([0x03, 0x08, 0x61, 0x62, 0x63]), { rawDecoder: liar, variant: 'raw' })).rejects.toMatchObject(
      { code: 'SNAPPY_BAD_LENGTH' },
    );
  });
});

describe('nativeBindingPackage', () => {
  it("names the binding package snappy's entry would load, only where the name is plain", () => {
    expect(nativeBindingPackage('linux', 'x64', false)).toBe('@napi-rs/snappy-linux-x64-gnu');
    expect(nativeBindingPackage('linux', 'arm64', false)).toBe('@napi-rs/snappy-linux-arm64-gnu');
    expect(nativeBindingPackage('darwin', 'arm64', false)).toBe('@napi-rs/snappy-darwin-arm64');
    // musl, Windows (msvc or gnu), other CPUs: the package's own entry decides.
    expect(nativeBindingPackage('linux', 'x64', true)).toBeNull();
    expect(nativeBindingPackage('win32', 'x64', false)).toBeNull();
    expect(nativeBindingPackage('linux', 'arm', false)).toBeNull();
  });

  it("is on this machine the module snappy's own entry binds (the same uncompressSync)", () => {
    const name = nativeBindingPackage(process.platform, process.arch, false);
    if (name === null || process.platform !== 'linux') return;
    const load = createRequire(import.meta.url);
    expect((load(name) as { uncompressSync: unknown }).uncompressSync).toBe((load('snappy') as { uncompressSync: unknown }).uncompressSync);
  });
});
