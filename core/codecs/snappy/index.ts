/**
 * Snappy codec: raw block (what SLS ships), framing, snappy-java and Hadoop streams.
 */
export type { RawBlockDecoder, SnappyDecodeOptions, SnappyDecodeResult, SnappyVariant } from './types';
export { snappyDecode, snappyRawUncompressedLength } from './decode';
export { snappySniff, snappySniffBytes } from './sniff';
export { snappyCompressRaw } from './compress';
export { snappyjsRawDecoder } from './snappyjsDecoder';
export { crc32c, crc32cMasked } from './crc32c';
