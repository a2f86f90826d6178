/**
 * Public types of the snappy codec (INTERFACES.md: core/codecs/snappy).
 */

/** The snappy containers shiplens reads (SPEC §2). */
export type SnappyVariant = 'raw' | 'framing' | 'snappy-java' | 'hadoop';

/**
 * A raw-block decoder; main/ injects the native `snappy` package, core defaults to snappyjs.
 *
 * Besides `uncompress`, a decoder may declare optional capabilities; rawBlock.ts uses the best
 * one a decoder has (whole, then into, then uncompress) by testing for it, never by identity.
 */
export interface RawBlockDecoder {
  name: string;
  /** Decode one whole raw block whose varint header declares `uncompressedLength`. */
  uncompress(block: Uint8Array, uncompressedLength: number): Uint8Array;
  /** Decode the tags after the header into `out`, allocated by the caller; false when the block is corrupt (the caller scans first). */
  uncompressInto?(block: Uint8Array, headerSize: number, out: Uint8Array): boolean;
  /** Decode a whole block in one checked pass, allocating the output itself; null when it is (or may be) corrupt. */
  uncompressWhole?(block: Uint8Array, headerSize: number, length: number): Uint8Array | null;
}

/** A RawBlockDecoder that can decode into a caller's buffer. */
export type IntoRawBlockDecoder = RawBlockDecoder & Required<Pick<RawBlockDecoder, 'uncompressInto'>>;

/** Options of snappyDecode. */
export interface SnappyDecodeOptions {
  /** Refuse outputs larger than this (default maxDecodeBytesDefault, 1 GiB), checked before allocating. */
  maxDecodeBytes?: number;
  rawDecoder?: RawBlockDecoder;
  /** Skip sniffing and decode as this variant. */
  variant?: SnappyVariant;
  /**
   * The object is presented as snappy (its `.snappy` name or a hint), not merely sniffed: a
   * raw length header that declares too much is then reported as such instead of NOT_SNAPPY.
   */
  presentedAsSnappy?: boolean;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number | null) => void;
  /** File name or object key, named in errors. */
  source?: string;
}

/** The decoded bytes and the container they came in. */
export interface SnappyDecodeResult {
  variant: SnappyVariant;
  output: Uint8Array;
}
