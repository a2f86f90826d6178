/**
 * Which snappy container a file is, from its first bytes (SPEC §2).
 */
import { framingMagic, magicAt, readUint32BE, snappyJavaMagic } from './containers';
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
  if (blockLength === 0 || subLength === 0 || subLength > 0x7fffffff) return false;
  const header = rawHeaderRead(head, 8);
  if (!header || header.size < 0 || header.length > blockLength) return false;
  return rawBlockPlausible(head, 8, Math.min(head.length, 8 + subLength), subLength);
}

/** The variant the first bytes (≤ 64) suggest, or null when they are none of them. */
export function snappySniff(head: Uint8Array): SnappyVariant | null {
  const bytes = head.subarray(0, snappySniffBytes);
  if (bytes.length === 0) return null;
  if (magicAt(bytes, framingMagic)) return 'framing';
  if (magicAt(bytes, snappyJavaMagic)) return 'snappy-java';
  // Hadoop before raw: its first byte is usually 0, which as a raw block means "empty".
  if (hadoopPlausible(bytes)) return 'hadoop';
  if (rawBlockPlausible(bytes, 0, bytes.length, null)) return 'raw';
  return null;
}
