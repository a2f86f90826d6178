/**
 * The codecs Parquet pages are decompressed with: SNAPPY through an injected or WASM raw
 * decoder, the others from hyparquet-compressors. The reader imports hysnappy anyway (through
 * hyparquet-compressors), so the WASM default costs nothing that reading Parquet does not pay.
 */
import { snappyUncompress } from 'hyparquet';
import type { Compressors } from 'hyparquet';
import { decompressBrotli, decompressGzip, decompressLz4, decompressLz4Raw, decompressZstd } from 'hyparquet-compressors';
import { snappyUncompressor } from 'hysnappy';
import type { RawBlockDecoder } from '../../codecs/snappy';
import { hysnappyRawDecoder } from '../../codecs/snappy/hysnappyDecoder';

let wasm: RawBlockDecoder | null | undefined;

/** hysnappy, made once for the first table given no decoder; null where WebAssembly cannot be compiled. */
function wasmDefault(): RawBlockDecoder | null {
  if (wasm === undefined) wasm = hysnappyRawDecoder(snappyUncompressor);
  return wasm;
}

/** Codecs for a table: `rawDecoder` for SNAPPY, `compressors` replacing any default. */
export function parquetCompressorsFor(options: { rawDecoder?: RawBlockDecoder; compressors?: Compressors }): Compressors {
  // Injected (main: the engine's choice), else WASM snappy where it compiles.
  const decoder = options.rawDecoder ?? wasmDefault() ?? undefined;
  const snappy = decoder
    ? (input: Uint8Array, length: number) => decoder.uncompress(input, length)
    : (input: Uint8Array, length: number) => {
        const output = new Uint8Array(length);
        snappyUncompress(input, output);
        return output;
      };
  // Log Service writes SNAPPY (SPEC §3); the others serve Parquet files users bring along.
  const others: Compressors = {
    GZIP: decompressGzip,
    ZSTD: (input: Uint8Array) => decompressZstd(input),
    BROTLI: decompressBrotli,
    LZ4: decompressLz4,
    LZ4_RAW: decompressLz4Raw,
  };
  return { ...others, SNAPPY: snappy, ...options.compressors };
}
