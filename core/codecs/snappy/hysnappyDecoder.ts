/**
 * hysnappy (the C++ snappy decoder compiled to WebAssembly) as a RawBlockDecoder, for workers
 * and the browser where the native addon cannot load: ~0.8× C++ against snappyjs's ~0.3×.
 * Injected like the native one; callers fall back to snappyjs when this returns null.
 *
 * The package is given, not imported: loading it costs ~15 ms of CPU (an ES module compiled
 * from CommonJS, then its WASM), which `shiplens --version` and a big decode on the native
 * addon should not pay just for importing core/codecs (main/codecs/wasmSnappy.ts loads it on
 * first use; core/formats' Parquet reader, which needs it anyway, imports it).
 */
import { rawHeaderRead } from './rawScan';
import type { RawBlockDecoder } from './types';

type Uncompress = (input: Uint8Array, outputLength: number) => Uint8Array;

/** hysnappy's `snappyUncompressor`: one WASM instance per call. */
export type HysnappyUncompressor = () => Uncompress;

/** The name hysnappy decoders report. */
export const hysnappyDecoderName = 'hysnappy (wasm)';

// A WebAssembly memory never shrinks: once a big block has grown it, the next small block gets
// a fresh instance, so a 200 MB object does not pin 250 MB of wasm memory while pages of
// Parquet are decoded; consecutive big blocks reuse the grown memory (no new page faults).
const keepBytes = 64 * 1024 * 1024;

interface Instance {
  uncompress: Uncompress;
  /** Largest input + output seen: the wasm memory grew to about this. */
  grown: number;
}

function instanceMake(snappyUncompressor: HysnappyUncompressor): Instance | null {
  try {
    return { uncompress: snappyUncompressor(), grown: 0 };
  } catch {
    // No WebAssembly here (or a CSP without 'wasm-unsafe-eval'): the caller uses snappyjs.
    return null;
  }
}

/** A hysnappy decoder over the package's `snappyUncompressor` (keep it: it holds its own instance), or null when WebAssembly cannot be compiled here. */
export function hysnappyRawDecoder(snappyUncompressor: HysnappyUncompressor): RawBlockDecoder | null {
  let shared = instanceMake(snappyUncompressor);
  if (!shared) return null;
  return {
    name: hysnappyDecoderName,
    uncompress(block, uncompressedLength) {
      // hysnappy sizes its output from the block's own header: check it against ours first.
      const header = rawHeaderRead(block);
      if (!header || header.size < 0 || header.length !== uncompressedLength) {
        throw new Error(`the block header declares ${header?.length ?? 'no'} bytes, expected ${uncompressedLength}`);
      }
      const need = block.length + uncompressedLength;
      if (!shared || (shared.grown > keepBytes && need <= keepBytes)) shared = instanceMake(snappyUncompressor);
      if (!shared) throw new Error('WebAssembly is unavailable');
      shared.grown = Math.max(shared.grown, need);
      return shared.uncompress(block, uncompressedLength);
    },
  };
}

/**
 * Route blocks by size: `small` below `bigFromBytes` of output, else `big`. Measured on 2
 * cores: for Parquet pages (≤ ~16 MB) warm hysnappy is steady (~11 ms for a 10.5 MB first row
 * group) where the native addon is bimodal (8–45 ms, kernel time); for whole 200 MB objects
 * the native addon is the fastest.
 */
export function rawDecoderBySize(
  small: RawBlockDecoder | null,
  big: RawBlockDecoder | null,
  bigFromBytes = 16 * 1024 * 1024,
): RawBlockDecoder | null {
  if (!small || !big) return small ?? big;
  return {
    name: `${small.name} < ${bigFromBytes} B ≤ ${big.name}`,
    uncompress: (block, length) => (length < bigFromBytes ? small : big).uncompress(block, length),
  };
}
