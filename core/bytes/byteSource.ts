/**
 * The one I/O boundary of core/: a sized source of bytes read by range.
 *
 * Modelled on hyparquet's AsyncBuffer. Local files, OSS objects and in-memory buffers all
 * implement it, so every reader in core/ works on all of them with range reads only.
 */
import { ShiplensError } from '../errors';
import { maxDecodeBytesHint } from '../model/decodeCap';

export interface ByteSource {
  /** Total size in bytes. */
  readonly size: number;
  /** A display name for errors (file path or object key). */
  readonly name?: string;
  /** Read `length` bytes at `offset`; the result may be shorter only at end of source. */
  read(offset: number, length: number, signal?: AbortSignal): Promise<Uint8Array>;
  /**
   * Fill `target` with the bytes at `offset` (exactly its length; TRUNCATED when the source
   * ends first). Optional: a local file offers it, so a caller can read into memory it reuses.
   */
  readInto?(offset: number, target: Uint8Array, signal?: AbortSignal): Promise<void>;
}

/** Check a requested range against the source size before any read or allocation. */
export function byteRangeCheck(size: number, offset: number, length: number, name?: string): void {
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0) {
    throw new ShiplensError('INVALID_ARGUMENT', `Invalid byte range ${offset}+${length}.`, { source: name });
  }
  if (offset + length > size) {
    throw new ShiplensError('TRUNCATED', `Read of ${length} bytes at ${offset} is past the end (${size} bytes).`, {
      source: name,
      hint: 'The object is shorter than its header says; it may be truncated.',
    });
  }
}

/** A ByteSource over bytes already in memory (reads are views, not copies). */
export function byteSourceFromBytes(bytes: Uint8Array, name?: string): ByteSource {
  return {
    size: bytes.length,
    name,
    async read(offset, length) {
      byteRangeCheck(bytes.length, offset, length, name);
      return bytes.subarray(offset, offset + length);
    },
  };
}

/** Read a whole source into memory, refusing sources over the decode cap `maxDecodeBytes`. */
export async function byteSourceReadAll(source: ByteSource, maxDecodeBytes: number, signal?: AbortSignal): Promise<Uint8Array> {
  if (source.size > maxDecodeBytes) {
    throw new ShiplensError('TOO_LARGE', `The object is ${source.size} bytes, over the ${maxDecodeBytes}-byte limit.`, {
      source: source.name,
      hint: maxDecodeBytesHint,
    });
  }
  return source.read(0, source.size, signal);
}
