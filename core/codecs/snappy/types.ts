/**
 * Public types of the snappy codec (INTERFACES.md: core/codecs/snappy).
 */

/** The snappy containers shiplens reads (SPEC §2). */
export type SnappyVariant = 'raw' | 'framing' | 'snappy-java' | 'hadoop';

/** A raw-block decoder; main/ injects the native `snappy` package, core defaults to snappyjs. */
export interface RawBlockDecoder {
  name: string;
  /** Decode one whole raw block whose varint header declares `uncompressedLength`. */
  uncompress(block: Uint8Array, uncompressedLength: number): Uint8Array;
}

/** Options of snappyDecode. */
export interface SnappyDecodeOptions {
  /** Refuse outputs larger than this (default 1 GiB), checked before allocating. */
  maxOutputBytes?: number;
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

/** Default limit on decoded bytes (DESIGN rule 4). */
export const snappyDefaultMaxOutputBytes = 1024 * 1024 * 1024;
