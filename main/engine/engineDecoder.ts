/**
 * The one raw-block decoder choice, the same in the app, the CLI, ranges, forwarding and the
 * workers: pages and small objects on WASM snappy (steady), big objects on the native addon
 * (fastest). WASM loads on the first small block, so a big decode never loads it. Its own file
 * so the worker bundles take the choice without the engine's readers.
 */
import type { RawBlockDecoder } from '../../core/codecs';
import { rawDecoderBySize } from '../../core/codecs';
import { nativeRawBlockDecoder } from '../codecs/nativeSnappy';
import { wasmRawBlockDecoder, wasmRawBlockDecoderLazy } from '../codecs/wasmSnappy';

/** The engine's raw-block decoder (undefined: core's snappyjs default). */
export function engineRawDecoder(): RawBlockDecoder | undefined {
  const native = nativeRawBlockDecoder();
  if (!native) return wasmRawBlockDecoder() ?? undefined;
  return rawDecoderBySize(wasmRawBlockDecoderLazy(native), native) ?? undefined;
}
