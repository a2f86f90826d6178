/**
 * The native `snappy` package (napi-rs) as a RawBlockDecoder, when it loads on this platform.
 */
import { readFileSync } from 'node:fs';
import type { RawBlockDecoder } from '../../core/codecs';

interface NativeSnappy {
  uncompressSync(input: Uint8Array, options?: { asBuffer?: boolean; copyOutputData?: boolean }): string | Uint8Array;
}

let cached: RawBlockDecoder | null | undefined;

/**
 * The napi-rs binding package `snappy`'s own entry ends up requiring on this platform, where its
 * name is plain (glibc Linux, macOS); null elsewhere. Requiring it directly skips the entry's
 * stream wrappers (node:stream and two more files) and its failed local-binary probe: ~10 ms of
 * a one-shot `shiplens decode`'s CPU (issue 14). `musl` as napi-rs decides it: /usr/bin/ldd names musl.
 */
export function nativeBindingPackage(platform: string, arch: string, musl: boolean): string | null {
  if (arch !== 'x64' && arch !== 'arm64') return null;
  if (platform === 'linux') return musl ? null : `@napi-rs/snappy-linux-${arch}-gnu`;
  return platform === 'darwin' ? `@napi-rs/snappy-darwin-${arch}` : null;
}

function muslIs(): boolean {
  try {
    return readFileSync('/usr/bin/ldd', 'utf8').includes('musl');
  } catch {
    return true; // unknown: leave the choice to the package's own entry
  }
}

function nativeLoad(): unknown {
  // Lazy and guarded: the package is optional and its binary may be missing or broken.
  // `require` exists in the CommonJS bundle (CLI, Electron main) and under Vitest; a static
  // import would crash the whole process when the binary is missing.
  if (typeof require !== 'function') return null;
  const binding = nativeBindingPackage(process.platform, process.arch, process.platform === 'linux' && muslIs());
  for (const name of binding ? [binding, 'snappy'] : ['snappy']) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require(name) as unknown;
    } catch {
      // next: the package's own entry, or none
    }
  }
  return null;
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
