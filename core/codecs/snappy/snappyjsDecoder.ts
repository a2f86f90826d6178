/**
 * The pure-JS raw block decoder: snappyjs (runs in Node, workers and the browser).
 */
import { SnappyDecompressor } from 'snappyjs/snappy_decompressor';
import { rawHeaderRead, rawTagsScan } from './rawScan';
import { snappyError } from './snappyError';
import type { IntoRawBlockDecoder } from './types';

/** Decode into our own buffer so the length is checked and allocated by us, not by snappyjs. */
function uncompressInto(block: Uint8Array, headerSize: number, out: Uint8Array): boolean {
  const decompressor = new SnappyDecompressor(block);
  decompressor.pos = headerSize;
  return decompressor.uncompressToBuffer(out);
}

// An 8-byte literal appended to the tag stream lands right after the block's own output.
const sentinel = [0x1c, 0x53, 0x4c, 0x53, 0x00, 0xff, 0x7e, 0x01, 0xa5];
const sentinelBytes = sentinel.length - 1;

/**
 * Decode a whole block in one pass, or return null when it is (or may be) corrupt.
 *
 * snappyjs silently drops writes past the buffer and leaves a short output zero-filled, so
 * a sentinel literal is appended: it appears exactly at `length` only when the block's tags
 * yield exactly `length` bytes (a longer yield would need the overflow to spell the
 * sentinel). This replaces a separate validation pass over large SLS blocks; the caller
 * scans the block to explain a null. The result is a view of the first `length` bytes: its
 * `buffer` is 8 bytes longer (a full-pass check would cost ~15-20% of the decode time).
 */
function uncompressWhole(block: Uint8Array, headerSize: number, length: number): Uint8Array | null {
  // snappyjs reads a 4-byte literal length as a signed int: a length ≥ 2^31 moves its read
  // position backwards and it can loop forever (16 bytes suffice; snappyRegression). The tag
  // scan costs one pass over the tags; main injects WASM/native decoders for speed anyway.
  if (rawTagsScan(block, headerSize, block.length, length, false) !== null) return null;
  const input = new Uint8Array(block.length + sentinel.length);
  input.set(block);
  input.set(sentinel, block.length);
  const out = new Uint8Array(length + sentinelBytes);
  if (!uncompressInto(input, headerSize, out)) return null;
  for (let i = 0; i < sentinelBytes; i++) if (out[length + i] !== sentinel[i + 1]) return null;
  return out.subarray(0, length);
}

/** snappyjs as a RawBlockDecoder (the default of snappyDecode), with both optional capabilities. */
export const snappyjsRawDecoder: IntoRawBlockDecoder & Required<Pick<IntoRawBlockDecoder, 'uncompressWhole'>> = {
  name: 'snappyjs',
  uncompressInto,
  uncompressWhole,
  uncompress(block, uncompressedLength) {
    const header = rawHeaderRead(block);
    if (!header || header.size < 0 || header.length !== uncompressedLength) {
      throw snappyError('SNAPPY_BAD_LENGTH', 'The snappy block header does not match its expected length.');
    }
    const out = uncompressWhole(block, header.size, uncompressedLength);
    if (out) return out;
    const fault = rawTagsScan(block, header.size, block.length, uncompressedLength, false);
    throw snappyError(fault?.fault ?? 'SNAPPY_BAD_LENGTH', `The snappy block is corrupt at byte ${fault?.at ?? 0}.`);
  },
};
