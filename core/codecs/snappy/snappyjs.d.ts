// Types for snappyjs 0.7 (the package ships none). Only what core/codecs/snappy uses.
declare module 'snappyjs' {
  export function compress(uncompressed: Uint8Array): Uint8Array;
  export function uncompress(compressed: Uint8Array, maxLength?: number): Uint8Array;
}

declare module 'snappyjs/snappy_decompressor' {
  export class SnappyDecompressor {
    constructor(compressed: Uint8Array);
    /** Position in the compressed array (after the varint once the length was read). */
    pos: number;
    readUncompressedLength(): number;
    /** Decode the tag stream from `pos` into `out`; false on a bad offset or truncated tag. */
    uncompressToBuffer(out: Uint8Array): boolean;
  }
}
