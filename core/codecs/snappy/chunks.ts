/**
 * The shared two-pass decoder of chunked snappy streams (framing, snappy-java, Hadoop).
 *
 * Pass 1 walks the container and sums the declared chunk lengths, so the total is checked
 * against the limit and the output allocated once (peak memory: input + output). Pass 2
 * decodes each chunk into its place, yielding to the event loop so a cancel can land.
 */
import { throwIfCancelled } from '../../errors';
import { rawBlockDecodeInto, rawHeaderCheck } from './rawBlock';
import type { BlockContext } from './rawBlock';
import { maxDecodeBytesHint } from '../../model/decodeCap';
import { bytesText, outputAllocate, snappyError } from './snappyError';
import { crc32cMasked } from './crc32c';
import type { RawBlockDecoder } from './types';

/** One data chunk of a stream: a raw block or stored bytes at [start, end). */
export interface Chunk {
  kind: 'raw' | 'stored';
  start: number;
  end: number;
  /** Uncompressed length (the raw block's header, or end - start). */
  length: number;
  /** Masked CRC-32C of the uncompressed data (framing format), else null. */
  crc: number | null;
}

/** Yields the chunks of one container in order; throws typed errors on a malformed container. */
export type ChunkReader = () => Chunk | null;

/** What a container decode needs besides the bytes. */
export interface StreamContext {
  source?: string;
  maxDecodeBytes: number;
  decoder: RawBlockDecoder;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number | null) => void;
}

const yieldEvery = 4 * 1024 * 1024;
const progressEvery = 1024 * 1024;

function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The header length of a raw chunk, checked against its size and the stream limit. */
export function rawChunkLength(bytes: Uint8Array, start: number, end: number, ctx: { source?: string; maxDecodeBytes: number }): number {
  const blockCtx: BlockContext = { source: ctx.source, at: start, maxDecodeBytes: ctx.maxDecodeBytes };
  return rawHeaderCheck(bytes.subarray(start, end), blockCtx).length;
}

function totalLength(read: ChunkReader, ctx: StreamContext): number {
  let total = 0;
  for (let chunk = read(); chunk; chunk = read()) {
    total += chunk.length;
    if (total > ctx.maxDecodeBytes) {
      throw snappyError(
        'TOO_LARGE',
        `The snappy stream decodes to more than the ${bytesText(ctx.maxDecodeBytes)} limit.`,
        ctx.source,
        maxDecodeBytesHint,
      );
    }
  }
  return total;
}

function chunkDecode(bytes: Uint8Array, chunk: Chunk, target: Uint8Array, ctx: StreamContext): void {
  const block = bytes.subarray(chunk.start, chunk.end);
  if (chunk.kind === 'stored') target.set(block);
  else {
    const blockCtx: BlockContext = { source: ctx.source, at: chunk.start, maxDecodeBytes: ctx.maxDecodeBytes };
    rawBlockDecodeInto(block, rawHeaderCheck(block, blockCtx), ctx.decoder, blockCtx, target);
  }
  if (chunk.crc !== null && crc32cMasked(target) !== chunk.crc) {
    throw snappyError('CHECKSUM_MISMATCH', `The chunk at byte ${chunk.start} fails its CRC-32C check.`, ctx.source);
  }
}

/** Decode every chunk a reader yields (the reader factory is called once per pass). */
export async function chunksDecode(bytes: Uint8Array, reader: () => ChunkReader, ctx: StreamContext): Promise<Uint8Array> {
  const total = totalLength(reader(), ctx);
  const output = outputAllocate(total, ctx.source, () => new Uint8Array(total));
  const read = reader();
  let done = 0;
  let reported = 0;
  let yielded = 0;
  ctx.onProgress?.(0, total);
  for (let chunk = read(); chunk; chunk = read()) {
    chunkDecode(bytes, chunk, output.subarray(done, done + chunk.length), ctx);
    done += chunk.length;
    if (done - reported >= progressEvery) {
      reported = done;
      ctx.onProgress?.(done, total);
    }
    if (done - yielded >= yieldEvery) {
      yielded = done;
      await yieldToLoop();
    }
    throwIfCancelled(ctx.signal);
  }
  ctx.onProgress?.(done, total);
  return output;
}
