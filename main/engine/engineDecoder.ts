/**
 * The one raw-block decoder choice, the same in the app, the CLI, ranges, forwarding and the
 * workers: pages and small objects on WASM snappy (steady), big objects on the native addon
 * (fastest). Its own file so the worker bundles take the choice without the engine's readers.
 */
import type { RawBlockDecoder } from '../../core/codecs';
import { hysnappyRawDecoder, rawDecoderBySize } from '../../core/codecs';
import { nativeRawBlockDecoder } from '../codecs/nativeSnappy';

/** The engine's raw-block decoder (undefined: core's snappyjs default). */
export function engineRawDecoder(): RawBlockDecoder | undefined {
  return rawDecoderBySize(hysnappyRawDecoder(), nativeRawBlockDecoder()) ?? undefined;
}
