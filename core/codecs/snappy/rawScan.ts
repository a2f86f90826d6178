/**
 * Cheap structural checks of a raw snappy block, without decoding it.
 *
 * snappyjs neither bounds its writes to the declared length nor says why a block is bad, and
 * a lying header could make any decoder allocate gigabytes. These checks run first: the varint
 * header, the expansion bounds, and a walk of the tag stream (no copying) that finds the exact
 * fault. Format facts: github.com/google/snappy/blob/main/format_description.txt.
 */
import type { RawBlockFault } from './snappyError';

/** The varint header of a raw block: declared uncompressed length and the header's size. */
export interface RawHeader {
  length: number;
  size: number;
}

/** Read the varint header (≤ 5 bytes, < 2^32); null when truncated, -1 size when overlong. */
export function rawHeaderRead(bytes: Uint8Array, start = 0): RawHeader | null {
  let value = 0;
  for (let i = 0; i < 5; i++) {
    const b = bytes[start + i];
    if (b === undefined) return null;
    // Multiply, not shift: the 5th group would overflow a signed 32-bit shift.
    value += (b & 0x7f) * 2 ** (7 * i);
    if (b < 0x80) return i === 4 && b > 0x0f ? { length: value, size: -1 } : { length: value, size: i + 1 };
  }
  return { length: value, size: -1 };
}

/** Most bytes a tag stream of `bodyBytes` can produce: a 3-byte copy emits at most 64 bytes. */
export function rawMaxExpansion(bodyBytes: number): number {
  return Math.floor((bodyBytes * 64) / 3);
}

/** Fewest bytes a tag stream of `bodyBytes` must produce: a 5-byte copy emits at least 1. */
export function rawMinExpansion(bodyBytes: number): number {
  return Math.ceil(bodyBytes / 5);
}

/** A fault found by rawTagsScan, with the input position it was found at. */
export interface RawScanFault {
  fault: RawBlockFault;
  at: number;
  produced: number;
}

/**
 * Walk the tags of bytes[start, end) that should produce `declared` bytes.
 *
 * Returns null when the stream is well formed. With `partial`, running out of input is not a
 * fault (used to sniff the first bytes of a file).
 */
export function rawTagsScan(bytes: Uint8Array, start: number, end: number, declared: number, partial: boolean): RawScanFault | null {
  let pos = start;
  let out = 0;
  while (pos < end) {
    const tag = bytes[pos] as number;
    const at = pos;
    let len: number;
    if ((tag & 3) === 0) {
      len = (tag >>> 2) + 1;
      pos += 1;
      if (len > 60) {
        const extra = len - 60;
        if (pos + extra > end) return partial ? null : { fault: 'TRUNCATED', at, produced: out };
        len = 0;
        for (let i = extra - 1; i >= 0; i--) len = len * 256 + (bytes[pos + i] as number);
        len += 1;
        pos += extra;
      }
      pos += len;
      if (pos > end && !partial) return { fault: 'TRUNCATED', at, produced: out };
    } else {
      let offset: number;
      const kind = tag & 3;
      const size = kind === 1 ? 2 : kind === 2 ? 3 : 5;
      if (pos + size > end) return partial ? null : { fault: 'TRUNCATED', at, produced: out };
      if (kind === 1) {
        len = ((tag >>> 2) & 7) + 4;
        offset = ((tag >>> 5) << 8) | (bytes[pos + 1] as number);
      } else {
        len = (tag >>> 2) + 1;
        offset = (bytes[pos + 1] as number) | ((bytes[pos + 2] as number) << 8);
        if (kind === 3) offset += (bytes[pos + 3] as number) * 0x10000 + (bytes[pos + 4] as number) * 0x1000000;
      }
      pos += size;
      if (offset === 0 || offset > out) return { fault: 'SNAPPY_BAD_OFFSET', at, produced: out };
    }
    out += len;
    if (out > declared) return { fault: 'SNAPPY_BAD_LENGTH', at, produced: out };
  }
  if (!partial && out !== declared) return { fault: 'TRUNCATED', at: end, produced: out };
  return null;
}
