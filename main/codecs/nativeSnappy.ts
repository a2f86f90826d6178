/**
 * The native `snappy` package (napi-rs) as a RawBlockDecoder, when it loads on this platform.
 */
import type { RawBlockDecoder } from '../../core/codecs/snappy';

interface NativeSnappy {
  uncompressSync(input: Uint8Array, options?: { asBuffer?: boolean; copyOutputData?: boolean }): string | Uint8Array;
}

let cached: RawBlockDecoder | null | undefined;

function nativeLoad(): NativeSnappy | null {
  try {
    // Lazy and guarded: the package is optional and its binary may be missing or broken.
    // `require` exists in the CommonJS bundle (CLI, Electron main) and under Vitest; a static
    // import would crash the whole process when the binary is missing.
    if (typeof require !== 'function') return null;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require('snappy') as NativeSnappy;
    return typeof mod.uncompressSync === 'function' ? mod : null;
  } catch {
    return null;
  }
}

/** A RawBlockDecoder for the native package, or null when it does not load. */
export function nativeRawBlockDecoder(): RawBlockDecoder | null {
  if (cached !== undefined) return cached;
  const native = nativeLoad();
  // Electron ≥ 21 forbids external buffers (V8 memory cage): ask napi-rs to copy there only,
  // as copying measured slower in Node (issue 3: 1,261 vs up to 2,812 MB/s).
  const copyOutputData = typeof process.versions.electron === 'string';
  cached = native && {
    name: 'snappy (native)',
    uncompress(block, uncompressedLength) {
      const out = native.uncompressSync(block, { asBuffer: true, copyOutputData });
      if (typeof out === 'string' || out.length !== uncompressedLength) {
        throw new Error(`native snappy returned ${typeof out === 'string' ? 'a string' : `${out.length} bytes`}, expected ${uncompressedLength}`);
      }
      return out;
    },
  };
  return cached;
}
