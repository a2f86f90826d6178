/**
 * Raw block or Hadoop stream? Settled with all the bytes in hand, before anything is decoded.
 *
 * Neither container has a magic, and a short raw block's first bytes can read as Hadoop
 * lengths (snappySniff cannot tell blocks under 128 bytes apart from 64 bytes). Log Service
 * ships every JSON/CSV + snappy object as one raw block (SPEC §2), so a raw block must never
 * be lost to a Hadoop guess: the guess is checked structurally, which costs one step per
 * Hadoop sub-block and a few bytes of the raw block, not a decode.
 */
import { hadoopMaxLength, readUint32BE } from './containers';
import { rawHeaderRead, rawMaxExpansion, rawMinExpansion, rawTagsScan } from './rawScan';
import { snappySniffBytes } from './sniff';
import type { SnappyVariant } from './types';

/**
 * True when the bytes walk as a Hadoop block stream: each block's BE uncompressed length, then
 * BE sub-block lengths whose raw headers add up to it exactly, landing on the last byte.
 */
export function hadoopWalk(bytes: Uint8Array): boolean {
  let pos = 0;
  while (pos < bytes.length) {
    if (pos + 4 > bytes.length) return false;
    let remaining = readUint32BE(bytes, pos);
    if (remaining > hadoopMaxLength) return false;
    pos += 4;
    while (remaining > 0) {
      if (pos + 4 > bytes.length) return false;
      const subLength = readUint32BE(bytes, pos);
      const start = pos + 4;
      const end = start + subLength;
      if (subLength === 0 || end > bytes.length) return false;
      const header = rawHeaderRead(bytes.subarray(start, end));
      if (!header || header.size < 0 || header.length > remaining) return false;
      if (header.length > rawMaxExpansion(subLength - header.size)) return false;
      remaining -= header.length;
      pos = end;
    }
  }
  return true;
}

/**
 * True when the whole input can be one raw block: a varint header whose length this many
 * bytes can expand to (between 1/5 and 64/3 per input byte), then a literal first tag (a copy
 * has nothing before it to copy) and well-formed tags over the first bytes.
 */
export function rawBlockWholePlausible(bytes: Uint8Array): boolean {
  const header = rawHeaderRead(bytes);
  if (!header || header.size < 0) return false;
  const body = bytes.length - header.size;
  if (header.length === 0) return body === 0;
  if (body === 0 || header.length > rawMaxExpansion(body) || header.length < rawMinExpansion(body)) return false;
  if (((bytes[header.size] as number) & 3) !== 0) return false;
  return rawTagsScan(bytes, header.size, Math.min(bytes.length, snappySniffBytes), header.length, true) === null;
}

/**
 * The variants to try, most plausible first, for a sniffed guess (its error is the one to report).
 *
 * Only a Hadoop guess is in doubt: one that does not walk while the bytes hold a plausible raw
 * block is raw. Both valid (astronomically unlikely, and impossible while Hadoop lengths stay
 * under 2^31): raw first for an object presented as snappy by a Log Service name, else Hadoop
 * (its walk landed exactly on the end), each with the other as fallback.
 */
export function snappyVariantOrder(bytes: Uint8Array, sniffed: SnappyVariant, presentedAsSnappy: boolean): SnappyVariant[] {
  if (sniffed !== 'hadoop') return [sniffed];
  const hadoop = hadoopWalk(bytes);
  const raw = rawBlockWholePlausible(bytes);
  if (hadoop && raw) return presentedAsSnappy ? ['raw', 'hadoop'] : ['hadoop', 'raw'];
  return raw && !hadoop ? ['raw'] : ['hadoop'];
}
