/**
 * One raw snappy block (what SLS ships for JSON/CSV, SPEC §2): header checks, then decode.
 */
import { isShiplensError } from '../../errors';
import type { ShiplensError } from '../../errors';
import { maxDecodeBytesHint } from '../../model/decodeCap';
import { bytesText, outputAllocate, snappyError } from './snappyError';
import { rawHeaderRead, rawMaxExpansion, rawTagsScan } from './rawScan';
import type { RawHeader } from './rawScan';
import type { IntoRawBlockDecoder, RawBlockDecoder } from './types';

function hasInto(decoder: RawBlockDecoder): decoder is IntoRawBlockDecoder {
  return typeof decoder.uncompressInto === 'function';
}

/** Where a block sits, for messages: the file and, inside a stream, the chunk's offset. */
export interface BlockContext {
  source?: string;
  /** Offset of the block in the file (0 for a whole-file raw block). */
  at: number;
  maxDecodeBytes: number;
}

function where(ctx: BlockContext): string {
  return ctx.at === 0 ? 'The snappy block' : `The snappy block at byte ${ctx.at}`;
}

// Snappy's length header is a uint32 varint (format_description.txt).
const maxDeclared = 0xffffffff;

/** "declares X uncompressed but is only N bytes — …": the header cannot be right for this input. */
function impossibleText(block: Uint8Array, declared: number, ctx: BlockContext): string {
  const fits = declared <= rawMaxExpansion(block.length - Math.min(block.length, 5));
  const why = fits ? `, more than a snappy block can hold (${bytesText(maxDeclared)})` : ` but is only ${bytesText(block.length)}`;
  return `${where(ctx)} declares ${bytesText(declared)} uncompressed${why} — the header is corrupt or this is not a raw snappy block.`;
}

/** A length header that does not end within 5 bytes, or ends above 2^32 - 1. */
function overlongError(block: Uint8Array, header: RawHeader, ctx: BlockContext): ShiplensError {
  // A 5-byte varint that ends still says what it declares; one that runs on says nothing.
  const ended = block.length >= 5 && (block[4] as number) < 0x80;
  return ended
    ? snappyError('SNAPPY_BAD_LENGTH', impossibleText(block, header.length, ctx), ctx.source)
    : snappyError(
        'SNAPPY_BAD_LENGTH',
        `${where(ctx)} has a length header over 32 bits — the header is corrupt or this is not a raw snappy block.`,
        ctx.source,
      );
}

/**
 * Check a header's declared length before anything is allocated.
 *
 * Over 32 bits: SNAPPY_BAD_LENGTH. Over the limit: TOO_LARGE (saying so when no limit would
 * help because the input cannot expand that far). Under the limit but more than the input can
 * expand to: TRUNCATED (a cut download is the usual cause).
 */
export function rawDeclaredLengthCheck(block: Uint8Array, header: RawHeader, ctx: BlockContext): void {
  if (header.size < 0) throw overlongError(block, header, ctx);
  const max = rawMaxExpansion(block.length - header.size);
  if (header.length > ctx.maxDecodeBytes) {
    if (header.length > max) {
      throw snappyError(
        'TOO_LARGE',
        impossibleText(block, header.length, ctx),
        ctx.source,
        `No size limit helps: ${bytesText(block.length)} of snappy data expand to at most ${bytesText(max)}. Download the object again; if it still fails, open it without snappy (compression "none").`,
      );
    }
    throw snappyError(
      'TOO_LARGE',
      `${where(ctx)} declares ${bytesText(header.length)} uncompressed, over the ${bytesText(ctx.maxDecodeBytes)} limit.`,
      ctx.source,
      maxDecodeBytesHint,
    );
  }
  if (header.length > max) {
    throw snappyError(
      'TRUNCATED',
      `${where(ctx)} declares ${bytesText(header.length)} uncompressed, but its ${bytesText(block.length)} can expand to at most ${bytesText(max)}.`,
      ctx.source,
    );
  }
}

/** Read and check a block's header: too large, impossible for its size, or malformed. */
export function rawHeaderCheck(block: Uint8Array, ctx: BlockContext): RawHeader {
  if (block.length === 0) throw snappyError('TRUNCATED', `${where(ctx)} is empty.`, ctx.source);
  const header = rawHeaderRead(block);
  if (header === null) throw snappyError('TRUNCATED', `${where(ctx)} ends inside its length header.`, ctx.source);
  rawDeclaredLengthCheck(block, header, ctx);
  return header;
}

/** The typed error for a block a scan or a decoder found corrupt. */
export function rawBlockFaultError(block: Uint8Array, header: RawHeader, ctx: BlockContext, detail?: string): ShiplensError {
  const fault = rawTagsScan(block, header.size, block.length, header.length, false);
  const at = fault ? ctx.at + fault.at : ctx.at;
  if (!fault) return snappyError('SNAPPY_BAD_LENGTH', `${where(ctx)} could not be decoded${detail ? `: ${detail}` : ''}.`, ctx.source);
  const text = {
    TRUNCATED: `${where(ctx)} ends early: it declares ${bytesText(header.length)} but yields ${bytesText(fault.produced)} (input ends at byte ${at}).`,
    SNAPPY_BAD_OFFSET: `${where(ctx)} has a copy that reaches before the start of the data (bad copy offset at byte ${at}).`,
    SNAPPY_BAD_LENGTH: `${where(ctx)} yields more than the ${bytesText(header.length)} it declares (at byte ${at}).`,
  }[fault.fault];
  return snappyError(fault.fault, text, ctx.source);
}

/** Decode a whole raw block after rawHeaderCheck; the result has exactly the declared length. */
export function rawBlockDecode(block: Uint8Array, header: RawHeader, decoder: RawBlockDecoder, ctx: BlockContext): Uint8Array {
  if (decoder.uncompressWhole) {
    const whole = decoder.uncompressWhole.bind(decoder);
    const out = outputAllocate(header.length, ctx.source, () => whole(block, header.size, header.length));
    if (!out) throw rawBlockFaultError(block, header, ctx, `${decoder.name} failed`);
    return out;
  }
  if (hasInto(decoder)) {
    const out = outputAllocate(header.length, ctx.source, () => new Uint8Array(header.length));
    rawBlockDecodeInto(block, header, decoder, ctx, out);
    return out;
  }
  return callDecoder(block, header, decoder, ctx);
}

/** Decode a raw block into `out` (exactly header.length bytes long). */
export function rawBlockDecodeInto(
  block: Uint8Array,
  header: RawHeader,
  decoder: RawBlockDecoder,
  ctx: BlockContext,
  out: Uint8Array,
): void {
  if (hasInto(decoder)) {
    // snappyjs neither stops at the declared length nor explains a failure: scan first.
    if (rawTagsScan(block, header.size, block.length, header.length, false) !== null) throw rawBlockFaultError(block, header, ctx);
    if (!decoder.uncompressInto(block, header.size, out)) throw rawBlockFaultError(block, header, ctx, `${decoder.name} failed`);
    return;
  }
  out.set(callDecoder(block, header, decoder, ctx));
}

function callDecoder(block: Uint8Array, header: RawHeader, decoder: RawBlockDecoder, ctx: BlockContext): Uint8Array {
  let result: Uint8Array;
  try {
    result = decoder.uncompress(block, header.length);
  } catch (error) {
    if (isShiplensError(error)) throw error;
    throw rawBlockFaultError(block, header, ctx, `${decoder.name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (result.length !== header.length) {
    throw snappyError(
      'SNAPPY_BAD_LENGTH',
      `${where(ctx)} decoded to ${bytesText(result.length)}, not the ${bytesText(header.length)} it declares.`,
      ctx.source,
    );
  }
  return result;
}
