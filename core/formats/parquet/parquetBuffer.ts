/**
 * hyparquet's AsyncBuffer over our ByteSource, with a small cache and typed errors.
 */
import type { AsyncBuffer } from 'hyparquet';
import type { ByteSource } from '../../bytes/byteSource';
import { ShiplensError, isShiplensError } from '../../errors';

export interface ParquetBufferOptions {
  /** Bytes of recent slices kept (default 64 MiB): paging rows in one row group re-reads nothing. */
  cacheBytes?: number;
  signal?: AbortSignal;
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
  return bytes.slice().buffer as ArrayBuffer;
}

/**
 * Wrap a ByteSource as an AsyncBuffer (ranges clamped to the source; recent slices cached).
 *
 * A slice hyparquet asks for beyond the end means the file's own offsets are wrong: that is
 * PARQUET_CORRUPT, not a bug, so it is reported with the source name.
 */
export function parquetBufferFrom(source: ByteSource, options: ParquetBufferOptions = {}): AsyncBuffer {
  const limit = options.cacheBytes ?? 64 * 1024 * 1024;
  const cache = new Map<string, ArrayBuffer>();
  let cached = 0;
  return {
    byteLength: source.size,
    slice(start: number, end?: number): Promise<ArrayBuffer> {
      const result = sliceUnhandled(start, end);
      // hyparquet prefetches ranges it may never await (when another read fails first): a
      // rejection nobody awaits would end the Node process, so it is marked handled here;
      // callers that await the promise still get the error.
      result.catch(() => undefined);
      return result;
    },
  };

  async function sliceUnhandled(start: number, end?: number): Promise<ArrayBuffer> {
    const stop = end === undefined ? source.size : end;
    if (!(start >= 0) || !(stop >= start) || stop > source.size) {
      throw new ShiplensError(
        'PARQUET_CORRUPT',
        `The Parquet metadata points at bytes ${start}–${stop}, outside the ${source.size}-byte file.`,
        {
          source: source.name,
          hint: 'The file is damaged or truncated; download it again.',
        },
      );
    }
    const key = `${start}:${stop}`;
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit); // most recently used last
      return hit;
    }
    let bytes: Uint8Array;
    try {
      bytes = await source.read(start, stop - start, options.signal);
    } catch (error) {
      throw isShiplensError(error)
        ? error
        : new ShiplensError('IO', `Reading bytes ${start}–${stop} failed: ${String(error)}`, { source: source.name, cause: error });
    }
    const buffer = toArrayBuffer(bytes);
    if (buffer.byteLength <= limit / 2) {
      cache.set(key, buffer);
      cached += buffer.byteLength;
      for (const [k, v] of cache) {
        if (cached <= limit) break;
        cache.delete(k);
        cached -= v.byteLength;
      }
    }
    return buffer;
  }
}
