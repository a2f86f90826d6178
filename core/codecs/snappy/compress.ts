/**
 * Raw block compression (the simulator writes SLS-style `.snappy` objects with it).
 */
import { compress } from 'snappyjs';

/** Compress all of `bytes` into one raw snappy block, as SLS does for JSON/CSV (SPEC §2). */
export function snappyCompressRaw(bytes: Uint8Array): Uint8Array {
  // snappyjs returns a Buffer for a Buffer input; hand back a plain view either way.
  const out = compress(bytes);
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}
