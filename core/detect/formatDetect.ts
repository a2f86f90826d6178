/**
 * Format + compression of an object: its name's suffix, confirmed (or corrected) by content.
 */
import type { ByteSource } from '../bytes/byteSource';
import { snappyRawUncompressedLength, snappySniff } from '../codecs/snappy';
import type { SnappyVariant } from '../codecs/snappy';
import type { Compression, StorageFormat } from '../model/rule';
import type { FormatDetection } from '../model/detection';
import { formatFromName } from './formatFromName';

/** What the caller already knows (flags, the user's choice); each wins over the name. */
export interface FormatHints {
  format?: StorageFormat;
  compression?: Compression;
}

const headBytes = 64;

interface Content {
  head: Uint8Array;
  parquet: boolean;
  json: boolean;
  snappy: SnappyVariant | null;
}

/** `PAR1` at the start and at the end. */
function hasParquetMagic(head: Uint8Array, tail: Uint8Array): boolean {
  const magic = (b: Uint8Array, at: number) => b[at] === 0x50 && b[at + 1] === 0x41 && b[at + 2] === 0x52 && b[at + 3] === 0x31;
  return head.length >= 4 && tail.length >= 4 && magic(head, 0) && magic(tail, tail.length - 4);
}

/** JSON lines start with `{` (after an optional UTF-8 BOM and blank space); else it is CSV. */
export function looksLikeJson(head: Uint8Array): boolean {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x0a || head[i] === 0x0d || head[i] === 0x09)) i++;
  return head[i] === 0x7b;
}

/**
 * Whether a sniffed raw/Hadoop header fits the object's size.
 *
 * The sniffer sees only the first bytes, and short text can look like a raw block or a Hadoop
 * header ("200,OK" reads as a raw block of 50 bytes). Snappy output is at most ~7/6 of its
 * input plus a little, and one tag expands at most ~22×, so a declared length far from the
 * object size means plain text. Magic-led variants (framing, snappy-java) need no check.
 */
function sniffFitsSize(variant: SnappyVariant | null, head: Uint8Array, size: number): boolean {
  if (variant === 'raw') {
    try {
      const declared = snappyRawUncompressedLength(head);
      return declared <= size * 24 + 64 && (declared * 7) / 6 + 64 >= size;
    } catch {
      return false;
    }
  }
  if (variant === 'hadoop') {
    if (head.length < 8) return false;
    const first = new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(0, false);
    return first <= size * 24 + 64;
  }
  return variant !== null;
}

async function contentRead(source: ByteSource, signal?: AbortSignal): Promise<Content> {
  const head = await source.read(0, Math.min(source.size, headBytes), signal);
  const tail = source.size >= 12 ? await source.read(source.size - 4, 4, signal) : new Uint8Array(0);
  const sniffed = head.length > 0 ? snappySniff(head) : null;
  const snappy = sniffFitsSize(sniffed, head, source.size) ? sniffed : null;
  return { head, parquet: hasParquetMagic(head, tail), json: looksLikeJson(head), snappy };
}

function withSnappy(result: FormatDetection, variant: SnappyVariant | null, head: Uint8Array): FormatDetection {
  if (result.compression !== 'snappy' || !variant) return result;
  result.snappyVariant = variant;
  if (variant === 'raw') {
    try {
      result.uncompressedSize = snappyRawUncompressedLength(head);
    } catch {
      // A bad preamble is reported by the decoder with its own code; detection stays quiet.
    }
  }
  return result;
}

/** What the bytes say when they contradict the name, or null when they agree / are unclear. */
function contentCorrection(named: { format: StorageFormat; compression: Compression }, c: Content): FormatDetection | null {
  if (c.parquet) {
    return named.format === 'parquet' ? null : { format: 'parquet', compression: 'none', detectedBy: 'content' };
  }
  if (named.format === 'parquet') {
    if (c.json) return { format: 'json', compression: 'none', detectedBy: 'content' };
    return null; // not identifiable: the Parquet reader reports NOT_PARQUET / TRUNCATED
  }
  if (named.compression === 'snappy') {
    if (c.snappy) return null;
    if (c.json) return { format: 'json', compression: 'none', detectedBy: 'content' };
    return null; // the snappy decoder reports NOT_SNAPPY with its reason
  }
  // Named uncompressed JSON/CSV: a snappy magic (or a raw block that is not plain JSON) means snappy.
  const strongMagic = c.snappy === 'framing' || c.snappy === 'snappy-java';
  if (strongMagic || (c.snappy && !c.json && named.format === 'json')) {
    return { format: named.format, compression: 'snappy', detectedBy: 'content' };
  }
  if (named.format === 'json' && !c.json && c.head.length > 0) return { format: 'csv', compression: 'none', detectedBy: 'content' };
  return null;
}

/**
 * Decide format and compression: hints win, else the name's suffix confirmed by content.
 *
 * Content checks: `PAR1` at both ends for Parquet, the snappy sniffer for compression, `{`
 * for JSON lines, anything else CSV. A contradiction gives `detectedBy: 'content'` and a note.
 */
export async function formatDetect(source: ByteSource, hints: FormatHints = {}, signal?: AbortSignal): Promise<FormatDetection> {
  const named = formatFromName(source.name ?? '');
  const content = await contentRead(source, signal);
  if (hints.format || hints.compression) {
    const format = hints.format ?? (content.parquet ? 'parquet' : named.format);
    const compression = hints.compression ?? (format === 'parquet' ? 'none' : named.compression);
    const hinted: FormatDetection = { format, compression, detectedBy: 'hint' };
    return format === 'parquet' ? hinted : withSnappy(hinted, content.snappy, content.head);
  }
  const corrected = contentCorrection(named, content);
  if (corrected) {
    corrected.note = `The name says ${named.format}${named.compression === 'snappy' ? ' + snappy' : ''}, but the content is ${corrected.format}${corrected.compression === 'snappy' ? ' + snappy' : ''}.`;
    return withSnappy(corrected, content.snappy, content.head);
  }
  // Parquet's snappy is per column chunk inside the file; the object itself is not a snappy stream.
  const result: FormatDetection = { format: named.format, compression: named.compression, detectedBy: 'suffix' };
  return named.format === 'parquet' ? result : withSnappy(result, content.snappy, content.head);
}
