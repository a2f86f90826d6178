/**
 * hysnappy (WASM snappy) as a RawBlockDecoder, loaded on first use: requiring the package
 * and compiling its WASM cost ~15 ms of CPU, which a decode on the native addon and
 * `shiplens --version` do not pay.
 */
import type { HysnappyUncompressor, RawBlockDecoder } from '../../core/codecs';
import { hysnappyDecoderName, hysnappyRawDecoder } from '../../core/codecs';

let cached: RawBlockDecoder | null | undefined;

/** hysnappy's `snappyUncompressor`, or null when the package does not load. */
export function hysnappyLoad(): HysnappyUncompressor | null {
  try {
    // `require` (the CommonJS bundles, Vitest), not import(): decoders are synchronous.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('hysnappy') as { snappyUncompressor: HysnappyUncompressor }).snappyUncompressor;
  } catch {
    return null;
  }
}

/** The hysnappy decoder, or null when the package or WebAssembly is unavailable. */
export function wasmRawBlockDecoder(): RawBlockDecoder | null {
  if (cached === undefined) {
    const load = hysnappyLoad();
    cached = load ? hysnappyRawDecoder(load) : null;
  }
  return cached;
}

/** The hysnappy decoder without loading it yet: the first block loads it (`fallback` decodes when it cannot load). */
export function wasmRawBlockDecoderLazy(fallback: RawBlockDecoder): RawBlockDecoder {
  return {
    name: hysnappyDecoderName,
    uncompress: (block, length) => (wasmRawBlockDecoder() ?? fallback).uncompress(block, length),
  };
}
