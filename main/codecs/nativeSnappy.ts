/**
 * The native `snappy` package (napi-rs) as a RawBlockDecoder, when it loads on this platform.
 */
import type { RawBlockDecoder } from '../../core/codecs';

interface NativeSnappy {
  uncompressSync(input: Uint8Array, options?: { asBuffer?: boolean; copyOutputData?: boolean }): string | Uint8Array;
}

let cached: RawBlockDecoder | null | undefined;

function nativeLoad(): unknown {
  try {
    // Lazy and guarded: the package is optional and its binary may be missing or broken.
    // `require` exists in the CommonJS bundle (CLI, Electron main) and under Vitest; a static
    // import would crash the whole process when the binary is missing.
    if (typeof require !== 'function') return null;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('snappy') as unknown;
  } catch {
    return null;
  }
}

/** A RawBlockDecoder over a loaded `snappy` module, or null when it lacks uncompressSync. */
export function nativeRawBlockDecoderFrom(mod: unknown, copyOutputData: boolean): RawBlockDecoder | null {
  const native = mod as Partial<NativeSnappy> | null;
  if (!native || typeof native.uncompressSync !== 'function') return null;
  const uncompressSync = native.uncompressSync.bind(native);
  return {
    name: 'snappy (native)',
    uncompress(block, uncompressedLength) {
      const out = uncompressSync(block, { asBuffer: true, copyOutputData });
      if (typeof out === 'string' || out.length !== uncompressedLength) {
        throw new Error(
          `native snappy returned ${typeof out === 'string' ? 'a string' : `${out.length} bytes`}, expected ${uncompressedLength}`,
        );
      }
      return out;
    },
  };
}

/** A RawBlockDecoder for the native package, or null when it does not load. */
export function nativeRawBlockDecoder(): RawBlockDecoder | null {
  // Electron ≥ 21 forbids external buffers (V8 memory cage): ask napi-rs to copy there only,
  // as copying measured slower in Node (issue 3: 1,261 vs up to 2,812 MB/s).
  if (cached === undefined) cached = nativeRawBlockDecoderFrom(nativeLoad(), typeof process.versions.electron === 'string');
  return cached;
}
