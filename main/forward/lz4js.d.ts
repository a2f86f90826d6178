// Types for lz4js 0.2 (the package ships none). Only the raw block functions shiplens uses.
declare module 'lz4js' {
  /** Decode the LZ4 block src[sIndex, sIndex+sLength) into dst from dIndex; returns the end index in dst. */
  export function decompressBlock(src: Uint8Array, dst: Uint8Array, sIndex: number, sLength: number, dIndex: number): number;
  export function compressBound(n: number): number;
  /** Encode src[sIndex, sIndex+sLength) as one LZ4 block into dst; returns its length (0: incompressible). */
  export function compressBlock(src: Uint8Array, dst: Uint8Array, sIndex: number, sLength: number, hashTable: Uint32Array): number;
}
