/**
 * Decode to a file, the part every face shares: a whole snappy object read within the decode
 * cap, handed to the decoder, and its content sniffed for the output's name. The app's
 * `decompress.file` and `decompress.objects` decode with its runner (a worker thread for big
 * inputs), `shiplens decode` with the engine's own snappyDecode; the raw-block decoder is the
 * engine's choice either way (engineDecoder.ts). `sourceContent` is the same read for an object
 * as shipped, compressed or not (`shiplens decode`, a forward replay's JSON objects).
 */
import type { ByteSource } from '../../core/bytes';
import { byteSourceReadAll } from '../../core/bytes';
import type { SnappyDecodeResult, SnappyVariant } from '../../core/codecs';
import type { Compression } from '../../core/model';
import type { DecompressResult } from '../model';
import type { DecodeOptions } from '../services/decodeRunner';
import { contentFormatSniff } from './decodedName';

/** What decodes for a face: the app's runner or the engine's snappyDecode. */
export type SnappyDecoder = (bytes: Uint8Array, options: DecodeOptions) => Promise<SnappyDecodeResult>;

/** A decoded object: its bytes, the container they came in, the input's size and the content's format. */
export interface DecodedSource extends SnappyDecodeResult {
  inputBytes: number;
  contentFormat: DecompressResult['contentFormat'];
}

/** Read `source` whole (at most `maxDecodeBytes`), decode it (the input is given up, not copied) and sniff the result. */
export async function sourceDecode(
  source: ByteSource,
  decode: SnappyDecoder,
  options: Omit<DecodeOptions, 'transferInput'>,
): Promise<DecodedSource> {
  const input = await byteSourceReadAll(source, options.maxDecodeBytes, options.signal);
  const inputBytes = input.length;
  const { output, variant } = await decode(input, { ...options, transferInput: true });
  return { output, variant, inputBytes, contentFormat: contentFormatSniff(output) };
}

/**
 * An object's content as shipped: a snappy one decoded as `sourceDecode` does, an uncompressed
 * one read as it is (within the same cap); `variant` only when there was a container.
 */
export async function sourceContent(
  source: ByteSource,
  compression: Compression,
  decode: SnappyDecoder,
  options: Omit<DecodeOptions, 'transferInput'>,
): Promise<{ output: Uint8Array; variant?: SnappyVariant; contentFormat: DecodedSource['contentFormat'] }> {
  if (compression === 'snappy') return sourceDecode(source, decode, options);
  const output = await byteSourceReadAll(source, options.maxDecodeBytes, options.signal);
  return { output, contentFormat: contentFormatSniff(output) };
}
