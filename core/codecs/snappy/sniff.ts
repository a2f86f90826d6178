/**
 * Which snappy container a file is, from its first bytes (SPEC §2).
 */
import { framingMagic, hadoopMaxLength, magicAt, readUint32BE, snappyJavaMagic } from './containers';
import { rawHeaderRead, rawMaxExpansion, rawTagsScan } from './rawScan';
import type { SnappyVariant } from './types';

/** How many leading bytes snappySniff looks at. */
export const snappySniffBytes = 64;

/** True when bytes[start, end) could begin a raw block: a sane header, then well-formed tags. */
function rawBlockPlausible(head: Uint8Array, start: number, end: number, blockLength: number | null): boolean {
  const header = rawHeaderRead(head.subarray(start, end));
  if (!header || header.size < 0) return false;
  const bodyStart = start + header.size;
  if (header.length === 0) return bodyStart === end && (blockLength === null || blockLength === header.size);
  if (bodyStart >= end) return false;
  if (blockLength !== null && header.length > rawMaxExpansion(blockLength - header.size)) return false;
  return rawTagsScan(head, bodyStart, end, header.length, true) === null;
}

/** A Hadoop block stream: BE block length U, BE sub-block length C, then a raw block ≤ U. */
function hadoopPlausible(head: Uint8Array): boolean {
  if (head.length < 9) return false;
  const blockLength = readUint32BE(head, 0);
  const subLength = readUint32BE(head, 4);
  if (blockLength === 0 || blockLength > hadoopMaxLength || subLength === 0 || subLength > hadoopMaxLength) return false;
  const header = rawHeaderRead(head, 8);
  if (!header || header.size < 0 || header.length > blockLength) return false;
  return rawBlockPlausible(head, 8, Math.min(head.length, 8 + subLength), subLength);
}

/**
 * The variant the first bytes (≤ 64) suggest, or null when they are none of them.
 *
 * Raw and Hadoop have no magic, and SLS ships every JSON/CSV + snappy object as one raw block
 * (SPEC §2), so the order matters. A raw block of 128 bytes or more has a multi-byte varint
 * (first byte ≥ 0x80) and, to scan as plausible, a literal first tag (`{"__time__"…`): read
 * as Hadoop, that first byte makes a block length ≥ 2^31, which Hadoop's Java int cannot be,
 * so such a head is raw. Only raw blocks under 128 bytes stay ambiguous from 64 bytes;
 * snappyDecode settles those with all the bytes (hadoopWalk). Otherwise Hadoop goes first:
 * its first byte is usually 0, which as a raw block means "empty".
 */
export function snappySniff(head: Uint8Array): SnappyVariant | null {
  const bytes = head.subarray(0, snappySniffBytes);
  if (bytes.length === 0) return null;
  if (magicAt(bytes, framingMagic)) return 'framing';
  if (magicAt(bytes, snappyJavaMagic)) return 'snappy-java';
  const raw = rawBlockPlausible(bytes, 0, bytes.length, null);
  if (raw && (bytes[0] as number) >= 0x80) return 'raw';
  if (hadoopPlausible(bytes)) return 'hadoop';
  return raw ? 'raw' : null;
}
