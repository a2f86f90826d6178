/**
 * snappyDecode: sniff the container, check sizes before allocating, decode.
 */
import { throwIfCancelled, toShiplensError } from '../../errors';
import { snappyVariantOrder } from './ambiguity';
import { chunksDecode } from './chunks';
import type { ChunkReader, StreamContext } from './chunks';
import { framingReader, hadoopReader, snappyJavaReader } from './containers';
import { rawBlockDecode, rawDeclaredLengthCheck, rawHeaderCheck } from './rawBlock';
import { rawHeaderRead, rawMaxExpansion, rawMinExpansion } from './rawScan';
import type { RawHeader } from './rawScan';
import { snappyError } from './snappyError';
import { snappyjsRawDecoder } from './snappyjsDecoder';
import { snappySniff } from './sniff';
import { maxDecodeBytesDefault } from '../../model/decodeCap';
import type { SnappyDecodeOptions, SnappyDecodeResult, SnappyVariant } from './types';

const notSnappyHint =
  'If it was renamed, open it as plain JSON/CSV (compression "none"), or check that the download completed; ' +
  'a .snappy.parquet file is Parquet, not a snappy stream.';

/** The declared uncompressed length of a raw block (its varint header). */
export function snappyRawUncompressedLength(bytes: Uint8Array): number {
  if (bytes.length === 0) throw snappyError('EMPTY_INPUT', 'The snappy block is empty (0 bytes).');
  const header = rawHeaderRead(bytes);
  if (header === null) throw snappyError('TRUNCATED', 'The snappy block ends inside its length header.');
  if (header.size < 0) throw snappyError('SNAPPY_BAD_LENGTH', 'The snappy block has a length header over 32 bits.');
  return header.length;
}

function notSnappy(source: string | undefined): never {
  throw snappyError(
    'NOT_SNAPPY',
    'This is not snappy data: not a raw snappy block, nor a framing, snappy-java or Hadoop snappy stream.',
    source,
    notSnappyHint,
  );
}

/**
 * No container fits. An object presented as snappy that starts with a raw length header no
 * input of its size can satisfy (over 32 bits, or more than it can expand to) gets that
 * specific error, as the same header would after a successful sniff; anything else, and every
 * object merely sniffed, is NOT_SNAPPY (a header merely over the limit is no reason: the tags
 * after it did not look like snappy, so raising the limit would not help).
 */
function noContainer(bytes: Uint8Array, options: SnappyDecodeOptions, max: number): never {
  const header = options.presentedAsSnappy ? rawHeaderRead(bytes) : null;
  if (header && (header.size < 0 || header.length > rawMaxExpansion(bytes.length - header.size))) {
    rawDeclaredLengthCheck(bytes, header, { source: options.source, at: 0, maxDecodeBytes: max });
  }
  notSnappy(options.source);
}

/**
 * The header of `bytes` when snappyDecode would decode them as one raw block of that length
 * (sniffed raw, header valid and within `maxDecodeBytes`, the input not too long for it), else
 * null. A caller that decodes such blocks its own way (in place: main/codecs/wasmSnappyInPlace.ts)
 * leaves every other case, and every error, to snappyDecode.
 */
export function snappyRawHeaderIfPlain(bytes: Uint8Array, maxDecodeBytes: number): RawHeader | null {
  if (bytes.length === 0 || snappySniff(bytes) !== 'raw') return null;
  try {
    const header = rawHeaderCheck(bytes, { at: 0, maxDecodeBytes });
    return header.length < rawMinExpansion(bytes.length - header.size) ? null : header;
  } catch {
    return null;
  }
}

function rawDecode(bytes: Uint8Array, options: SnappyDecodeOptions, sniffed: boolean, max: number): Uint8Array {
  const ctx = { source: options.source, at: 0, maxDecodeBytes: max };
  const header = rawHeaderCheck(bytes, ctx);
  // A raw block needs at most 5 input bytes per output byte; far more input means it is not one.
  if (sniffed && header.length < rawMinExpansion(bytes.length - header.size)) notSnappy(options.source);
  options.onProgress?.(0, header.length);
  const output = rawBlockDecode(bytes, header, options.rawDecoder ?? snappyjsRawDecoder, ctx);
  options.onProgress?.(output.length, output.length);
  return output;
}

const readers: Record<Exclude<SnappyVariant, 'raw'>, (bytes: Uint8Array, ctx: StreamContext) => ChunkReader> = {
  framing: framingReader,
  'snappy-java': snappyJavaReader,
  hadoop: hadoopReader,
};

async function decodeAs(variant: SnappyVariant, bytes: Uint8Array, options: SnappyDecodeOptions, max: number): Promise<Uint8Array> {
  if (variant === 'raw') return rawDecode(bytes, options, options.variant === undefined, max);
  const ctx: StreamContext = {
    source: options.source,
    maxDecodeBytes: max,
    decoder: options.rawDecoder ?? snappyjsRawDecoder,
    signal: options.signal,
    onProgress: options.onProgress,
  };
  return chunksDecode(bytes, () => readers[variant](bytes, ctx), ctx);
}

/** Try each variant in order; the first one's error is reported when all fail. */
async function decodeFirstOf(
  order: SnappyVariant[],
  bytes: Uint8Array,
  options: SnappyDecodeOptions,
  max: number,
): Promise<SnappyDecodeResult> {
  let firstError: unknown;
  for (const variant of order) {
    try {
      return { variant, output: await decodeAs(variant, bytes, options, max) };
    } catch (error) {
      throwIfCancelled(options.signal);
      firstError ??= error;
    }
  }
  throw firstError;
}

/**
 * Decode a snappy file of any variant (sniffed unless `options.variant` says which).
 *
 * A sniffed Hadoop guess is checked against all the bytes first (snappyVariantOrder), so a
 * raw block whose head reads as Hadoop lengths is decoded as the raw block it is.
 */
export async function snappyDecode(bytes: Uint8Array, options: SnappyDecodeOptions = {}): Promise<SnappyDecodeResult> {
  const { source } = options;
  try {
    throwIfCancelled(options.signal);
    if (bytes.length === 0) throw snappyError('EMPTY_INPUT', 'The file is empty (0 bytes), so there is nothing to decompress.', source);
    const max = options.maxDecodeBytes ?? maxDecodeBytesDefault;
    const variant = options.variant ?? snappySniff(bytes);
    if (variant === null) noContainer(bytes, options, max);
    const order = options.variant ? [variant] : snappyVariantOrder(bytes, variant, options.presentedAsSnappy === true);
    return await decodeFirstOf(order, bytes, options, max);
  } catch (error) {
    throw toShiplensError(error, source);
  }
}
