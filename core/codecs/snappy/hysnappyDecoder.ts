/**
 * hysnappy (the C++ snappy decoder compiled to WebAssembly) as a RawBlockDecoder, for workers
 * and the browser where the native addon cannot load: ~0.8× C++ against snappyjs's ~0.3×.
 * Injected like the native one; callers fall back to snappyjs when this returns null.
 */
import { snappyUncompressor } from 'hysnappy';
import { rawHeaderRead } from './rawScan';
import type { RawBlockDecoder } from './types';

type Uncompress = (input: Uint8Array, outputLength: number) => Uint8Array;

// A WebAssembly memory never shrinks: blocks above this get a throw-away instance, so a 200 MB
// object does not pin 250 MB of wasm memory for the life of the page; page-sized blocks share one.
const sharedLimitBytes = 16 * 1024 * 1024;

let shared: Uncompress | null | undefined;

function uncompressorMake(): Uncompress | null {
  try {
    return snappyUncompressor();
  } catch {
    // No WebAssembly here (or a CSP without 'wasm-unsafe-eval'): the caller uses snappyjs.
    return null;
  }
}

/** The hysnappy decoder, or null when WebAssembly cannot be compiled in this context. */
export function hysnappyRawDecoder(): RawBlockDecoder | null {
  if (shared === undefined) shared = uncompressorMake();
  if (!shared) return null;
  const small = shared;
  return {
    name: 'hysnappy (wasm)',
    uncompress(block, uncompressedLength) {
      // hysnappy sizes its output from the block's own header: check it against ours first.
      const header = rawHeaderRead(block);
      if (!header || header.size < 0 || header.length !== uncompressedLength) {
        throw new Error(`the block header declares ${header?.length ?? 'no'} bytes, expected ${uncompressedLength}`);
      }
      const big = block.length + uncompressedLength > sharedLimitBytes;
      const uncompress = big ? uncompressorMake() : small;
      if (!uncompress) throw new Error('WebAssembly is unavailable');
      return uncompress(block, uncompressedLength);
    },
  };
}
