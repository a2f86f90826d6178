/**
 * A ByteSource decorator that turns many small range reads into few aligned block reads.
 *
 * Readers (Parquet footers, sniffing, row pages) ask for many small, nearby ranges; against OSS
 * each is a round trip. Reads are rounded out to aligned blocks, contiguous missing blocks are
 * fetched in one read, blocks stay in an LRU, and concurrent reads of the same block or range
 * share one fetch. Large reads bypass the cache so a full decode does not flush it.
 */
import { ShiplensError, toShiplensError } from '../errors';
import { byteRangeCheck } from './byteSource';
import type { ByteSource } from './byteSource';

/** Options of cachedByteSource. */
export interface CachedByteSourceOptions {
  /** Block size in bytes (default 64 KiB). */
  blockSize?: number;
  /** Blocks kept (default 64, so 4 MiB by default). */
  maxBlocks?: number;
}

function cancelled(name: string | undefined): ShiplensError {
  return new ShiplensError('CANCELLED', 'The read was cancelled.', { source: name });
}

/** Settle with `promise`, or reject CANCELLED as soon as `signal` aborts (the fetch may go on for others). */
function raceSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined, name: string | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(cancelled(name));
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(cancelled(name));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => (signal.removeEventListener('abort', onAbort), resolve(value)),
      (error: unknown) => (signal.removeEventListener('abort', onAbort), reject(error)),
    );
  });
}

/** Wrap `source` with block coalescing, an LRU of blocks and shared in-flight reads. */
export function cachedByteSource(source: ByteSource, options: CachedByteSourceOptions = {}): ByteSource {
  const blockSize = options.blockSize ?? 64 * 1024;
  const maxBlocks = Math.max(1, options.maxBlocks ?? 64);
  const bypassBytes = Math.max(blockSize, (maxBlocks * blockSize) / 2);
  const blocks = new Map<number, Uint8Array>(); // insertion order = recency (oldest first)
  const pendingBlocks = new Map<number, Promise<Uint8Array>>();
  const pendingRanges = new Map<string, Promise<Uint8Array>>();
  const name = source.name;

  function remember(index: number, block: Uint8Array): void {
    blocks.delete(index);
    blocks.set(index, block);
    while (blocks.size > maxBlocks) blocks.delete(blocks.keys().next().value as number);
  }

  function cachedBlock(index: number): Uint8Array | undefined {
    const block = blocks.get(index);
    if (block) remember(index, block);
    return block;
  }

  /** Fetch blocks [first, last] in one read and hand each waiter its block. */
  function fetchRun(first: number, last: number): void {
    const start = first * blockSize;
    const end = Math.min(source.size, (last + 1) * blockSize);
    const run = source.read(start, end - start);
    for (let index = first; index <= last; index++) {
      const from = (index - first) * blockSize;
      const block = run.then((bytes) => {
        const part = bytes.subarray(from, Math.min(bytes.length, from + blockSize));
        remember(index, part);
        return part;
      });
      block.catch(() => undefined).finally(() => pendingBlocks.delete(index));
      pendingBlocks.set(index, block);
    }
  }

  /** The blocks first..last, fetching the missing ones in contiguous runs. */
  function blocksGet(first: number, last: number): Promise<Uint8Array>[] {
    let runStart = -1;
    for (let index = first; index <= last + 1; index++) {
      const missing = index <= last && !blocks.has(index) && !pendingBlocks.has(index);
      if (missing && runStart < 0) runStart = index;
      if (!missing && runStart >= 0) {
        fetchRun(runStart, index - 1);
        runStart = -1;
      }
    }
    const out: Promise<Uint8Array>[] = [];
    for (let index = first; index <= last; index++) {
      const block = cachedBlock(index);
      out.push(block ? Promise.resolve(block) : (pendingBlocks.get(index) as Promise<Uint8Array>));
    }
    return out;
  }

  async function readBlocks(offset: number, length: number): Promise<Uint8Array> {
    const first = Math.floor(offset / blockSize);
    const last = Math.floor((offset + length - 1) / blockSize);
    const parts = await Promise.all(blocksGet(first, last));
    const skip = offset - first * blockSize;
    if (parts.length === 1) return (parts[0] as Uint8Array).subarray(skip, skip + length);
    const out = new Uint8Array(length);
    let written = 0;
    for (const [i, part] of parts.entries()) {
      const piece = part.subarray(i === 0 ? skip : 0, Math.min(part.length, (i === 0 ? skip : 0) + length - written));
      out.set(piece, written);
      written += piece.length;
    }
    return out;
  }

  /** A large read goes straight to the source; identical concurrent ones share it. */
  async function readDirect(offset: number, length: number, signal: AbortSignal | undefined): Promise<Uint8Array> {
    const key = `${offset}:${length}`;
    const shared = pendingRanges.get(key);
    if (shared) {
      try {
        return await raceSignal(shared, signal, name);
      } catch (error) {
        // The first reader cancelled the shared fetch; this one did not, so read again.
        if (toShiplensError(error).code !== 'CANCELLED' || signal?.aborted) throw error;
      }
    }
    const fetch = source.read(offset, length, signal);
    pendingRanges.set(key, fetch);
    fetch.catch(() => undefined).finally(() => pendingRanges.get(key) === fetch && pendingRanges.delete(key));
    return fetch;
  }

  return {
    size: source.size,
    name,
    async read(offset, length, signal) {
      byteRangeCheck(source.size, offset, length, name);
      if (signal?.aborted) throw cancelled(name);
      if (length === 0) return new Uint8Array(0);
      if (length > bypassBytes) return readDirect(offset, length, signal);
      return raceSignal(readBlocks(offset, length), signal, name);
    },
  };
}
