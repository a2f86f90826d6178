/**
 * Chunk readers of the three snappy stream containers (the parsing is ours; blocks go to
 * the raw decoder). Each returns a fresh ChunkReader per pass.
 */
import { rawChunkLength } from './chunks';
import type { Chunk, ChunkReader } from './chunks';
import { snappyError } from './snappyError';

interface ReaderContext {
  source?: string;
  maxDecodeBytes: number;
}

/** Framing format stream identifier chunk: type 0xff, length 6, "sNaPpY". */
export const framingMagic = [0xff, 0x06, 0x00, 0x00, 0x73, 0x4e, 0x61, 0x50, 0x70, 0x59];
/** snappy-java SnappyOutputStream header: 0x82 "SNAPPY" 0x00, then two BE int32 versions. */
export const snappyJavaMagic = [0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00];
const snappyJavaHeaderSize = 16;
/** Hadoop writes its lengths with Java's `writeInt`: a positive int, so the top bit is clear. */
export const hadoopMaxLength = 0x7fffffff;
/** The framing format caps a chunk's uncompressed data at 65,536 bytes. */
const framingMaxChunk = 65536;

/** True when `bytes` holds `magic` at `at`. */
export function magicAt(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  return magic.every((b, i) => bytes[at + i] === b);
}

/** Big-endian uint32 at `at` (caller checks bounds). */
export function readUint32BE(bytes: Uint8Array, at: number): number {
  return (
    (bytes[at] as number) * 0x1000000 + (((bytes[at + 1] as number) << 16) | ((bytes[at + 2] as number) << 8) | (bytes[at + 3] as number))
  );
}

function readUint32LE(bytes: Uint8Array, at: number): number {
  return (
    (bytes[at + 3] as number) * 0x1000000 + (((bytes[at + 2] as number) << 16) | ((bytes[at + 1] as number) << 8) | (bytes[at] as number))
  );
}

function truncated(what: string, at: number, ctx: ReaderContext): never {
  throw snappyError('TRUNCATED', `The snappy stream ends inside ${what} at byte ${at}.`, ctx.source);
}

function framingDataChunk(bytes: Uint8Array, type: number, start: number, end: number, ctx: ReaderContext): Chunk {
  if (end - start < 4)
    throw snappyError('SNAPPY_BAD_LENGTH', `The framing chunk at byte ${start - 4} is too short to hold its checksum.`, ctx.source);
  const crc = readUint32LE(bytes, start);
  const length = type === 0x00 ? rawChunkLength(bytes, start + 4, end, ctx) : end - start - 4;
  if (length > framingMaxChunk) {
    throw snappyError(
      'SNAPPY_BAD_LENGTH',
      `The framing chunk at byte ${start - 4} holds ${length} bytes, over the format's 65,536.`,
      ctx.source,
    );
  }
  return { kind: type === 0x00 ? 'raw' : 'stored', start: start + 4, end, length, crc };
}

/** Chunks of a framing-format stream (github.com/google/snappy framing_format.txt). */
export function framingReader(bytes: Uint8Array, ctx: ReaderContext): ChunkReader {
  if (!magicAt(bytes, framingMagic)) {
    throw snappyError('NOT_SNAPPY', 'The file does not start with the snappy framing stream identifier (ff 06 00 00 sNaPpY).', ctx.source);
  }
  let pos = 0;
  let dataChunks = 0;
  return () => {
    while (pos < bytes.length) {
      if (pos + 4 > bytes.length) truncated('a chunk header', pos, ctx);
      const type = bytes[pos] as number;
      const start = pos + 4;
      const end = start + ((bytes[pos + 1] as number) | ((bytes[pos + 2] as number) << 8) | ((bytes[pos + 3] as number) << 16));
      if (end > bytes.length) truncated(`the chunk that starts`, pos, ctx);
      const at = pos;
      pos = end;
      if (type === 0x00 || type === 0x01) {
        dataChunks++;
        return framingDataChunk(bytes, type, start, end, ctx);
      }
      if (type === 0xff && !magicAt(bytes, framingMagic, at)) {
        throw snappyError('NOT_SNAPPY', `The framing stream identifier at byte ${at} is malformed.`, ctx.source);
      }
      if (type >= 0x02 && type <= 0x7f) {
        throw snappyError(
          'UNSUPPORTED_FORMAT',
          `The framing stream has a reserved, unskippable chunk of type 0x${type.toString(16)} at byte ${at}.`,
          ctx.source,
          'The file is corrupt or was written by a newer snappy framing version.',
        );
      }
      // 0xff stream identifier (streams may be concatenated), 0xfe padding, 0x80-0xfd skippable.
    }
    // A stream with no data chunk at all is what a copy cut right after its header looks like:
    // never report it as a complete, empty decode (issue 12 §12).
    if (dataChunks === 0) {
      throw snappyError(
        'TRUNCATED',
        `The snappy framing stream holds no data after its stream identifier (${bytes.length} bytes): the copy was cut right after the header, or an empty input was compressed.`,
        ctx.source,
      );
    }
    return null;
  };
}

/** Chunks of a snappy-java SnappyOutputStream: BE int32 length + raw block, repeated. */
export function snappyJavaReader(bytes: Uint8Array, ctx: ReaderContext): ChunkReader {
  if (!magicAt(bytes, snappyJavaMagic))
    throw snappyError('NOT_SNAPPY', 'The file does not start with the snappy-java header (82 SNAPPY 00).', ctx.source);
  let pos = 0;
  return () => {
    while (pos < bytes.length) {
      if (magicAt(bytes, snappyJavaMagic, pos)) {
        // The header starts the stream and each concatenated stream after it.
        if (pos + snappyJavaHeaderSize > bytes.length) truncated('the snappy-java header', pos, ctx);
        pos += snappyJavaHeaderSize;
        continue;
      }
      if (pos + 4 > bytes.length) truncated('a chunk length', pos, ctx);
      const start = pos + 4;
      const end = start + readUint32BE(bytes, pos);
      if (end > bytes.length) truncated('the chunk that starts', pos, ctx);
      pos = end;
      return { kind: 'raw', start, end, length: rawChunkLength(bytes, start, end, ctx), crc: null };
    }
    return null;
  };
}

/** Chunks of a Hadoop block stream: BE uncompressed block length, then (BE length + raw block)+. */
export function hadoopReader(bytes: Uint8Array, ctx: ReaderContext): ChunkReader {
  let pos = 0;
  let remaining = 0;
  let blockAt = 0;
  return () => {
    for (;;) {
      if (remaining === 0) {
        if (pos >= bytes.length) return null;
        if (pos + 4 > bytes.length) truncated('a block header', pos, ctx);
        blockAt = pos;
        remaining = readUint32BE(bytes, pos);
        pos += 4;
        continue;
      }
      if (pos + 4 > bytes.length) {
        throw snappyError(
          'TRUNCATED',
          `The Hadoop block at byte ${blockAt} ends ${remaining} uncompressed bytes short of its declared length.`,
          ctx.source,
        );
      }
      const start = pos + 4;
      const end = start + readUint32BE(bytes, pos);
      if (end > bytes.length) truncated('the sub-block that starts', pos, ctx);
      pos = end;
      const length = rawChunkLength(bytes, start, end, ctx);
      if (length > remaining) {
        throw snappyError('SNAPPY_BAD_LENGTH', `The Hadoop block at byte ${blockAt} holds more data than its header declares.`, ctx.source);
      }
      remaining -= length;
      return { kind: 'raw', start, end, length, crc: null };
    }
  };
}
