/**
 * A ByteSource decorator that turns many small range reads into few aligned block reads.
 *
 * Readers (Parquet footers, sniffing, row pages) ask for many small, nearby ranges; against OSS
 * each is a round trip. Reads are rounded out to aligned blocks, contiguous missing blocks are
 * fetched in one read, blocks stay in an LRU, and concurrent reads of the same block or range
 * share one fetch. Large reads bypass the cache so a full decode does not flush it.
 */
import type { ShiplensError } from '../errors';
import { toShiplensError } from '../errors';
import { abortRace, cancelledError } from './abort';
import { lruCacheCreate } from './lruCache';
import type { LruCache } from './lruCache';
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
  return cancelledError('The read was cancelled.', name);
}

interface CacheState {
  source: ByteSource;
  blockSize: number;
  /** The LRU of blocks by index. */
  blocks: LruCache<number, Uint8Array>;
  pendingBlocks: Map<number, Promise<Uint8Array>>;
  pendingRanges: Map<string, Promise<Uint8Array>>;
}

/** Fetch blocks [first, last] in one read and hand each waiter its block. */
function runFetch(state: CacheState, first: number, last: number): void {
  const { blockSize, source } = state;
  const start = first * blockSize;
  const run = source.read(start, Math.min(source.size, (last + 1) * blockSize) - start);
  for (let index = first; index <= last; index++) {
    const from = (index - first) * blockSize;
    const block = run.then((bytes) => {
      const part = bytes.subarray(from, Math.min(bytes.length, from + blockSize));
      state.blocks.set(index, part);
      return part;
    });
    block.catch(() => undefined).finally(() => state.pendingBlocks.delete(index));
    state.pendingBlocks.set(index, block);
  }
}

/** The blocks first..last, fetching the missing ones in contiguous runs. */
function blocksGet(state: CacheState, first: number, last: number): Promise<Uint8Array>[] {
  let runStart = -1;
  for (let index = first; index <= last + 1; index++) {
    const missing = index <= last && !state.blocks.has(index) && !state.pendingBlocks.has(index);
    if (missing && runStart < 0) runStart = index;
    if (!missing && runStart >= 0) {
      runFetch(state, runStart, index - 1);
      runStart = -1;
    }
  }
  const out: Promise<Uint8Array>[] = [];
  for (let index = first; index <= last; index++) {
    const block = state.blocks.get(index);
    out.push(block ? Promise.resolve(block) : (state.pendingBlocks.get(index) as Promise<Uint8Array>));
  }
  return out;
}

/** A small read through the block cache: a view within one block, else a copy. */
async function blocksRead(state: CacheState, offset: number, length: number): Promise<Uint8Array> {
  const first = Math.floor(offset / state.blockSize);
  const last = Math.floor((offset + length - 1) / state.blockSize);
  const parts = await Promise.all(blocksGet(state, first, last));
  const skip = offset - first * state.blockSize;
  if (parts.length === 1) return (parts[0] as Uint8Array).subarray(skip, skip + length);
  const out = new Uint8Array(length);
  let written = 0;
  for (const [i, part] of parts.entries()) {
    const from = i === 0 ? skip : 0;
    const piece = part.subarray(from, Math.min(part.length, from + length - written));
    out.set(piece, written);
    written += piece.length;
  }
  return out;
}

/** A large read goes straight to the source; identical concurrent ones share it. */
async function directRead(state: CacheState, offset: number, length: number, signal: AbortSignal | undefined): Promise<Uint8Array> {
  const key = `${offset}:${length}`;
  const shared = state.pendingRanges.get(key);
  if (shared) {
    try {
      return await abortRace(shared, signal, () => cancelled(state.source.name));
    } catch (error) {
      // The first reader cancelled the shared fetch; this one did not, so read again.
      if (toShiplensError(error).code !== 'CANCELLED' || signal?.aborted) throw error;
    }
  }
  const fetch = state.source.read(offset, length, signal);
  state.pendingRanges.set(key, fetch);
  fetch.catch(() => undefined).finally(() => state.pendingRanges.get(key) === fetch && state.pendingRanges.delete(key));
  return fetch;
}

/** Wrap `source` with block coalescing, an LRU of blocks and shared in-flight reads. */
export function cachedByteSource(source: ByteSource, options: CachedByteSourceOptions = {}): ByteSource {
  const blockSize = options.blockSize ?? 64 * 1024;
  const maxBlocks = Math.max(1, options.maxBlocks ?? 64);
  const state: CacheState = {
    source,
    blockSize,
    blocks: lruCacheCreate({ maxCost: maxBlocks }),
    pendingBlocks: new Map(),
    pendingRanges: new Map(),
  };
  // Reads over half the cache would only evict what other readers need.
  const bypassBytes = Math.max(blockSize, (maxBlocks * blockSize) / 2);
  return {
    size: source.size,
    name: source.name,
    async read(offset, length, signal) {
      byteRangeCheck(source.size, offset, length, source.name);
      if (signal?.aborted) throw cancelled(source.name);
      if (length === 0) return new Uint8Array(0);
      if (length > bypassBytes) return directRead(state, offset, length, signal);
      return abortRace(blocksRead(state, offset, length), signal, () => cancelled(source.name));
    },
  };
}
