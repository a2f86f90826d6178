/**
 * The raw block decoder of the decode worker: every block lands in an output the worker
 * allocated itself, so the output's ArrayBuffer can be transferred to the parent, not cloned.
 */
import type { IntoRawBlockDecoder, RawBlockDecoder } from '../../core/codecs';
import { snappyjsRawDecoder } from '../../core/codecs';

/** Output size from which blocks decode straight into the worker's buffer (snappyjs). */
export const workerIntoFromBytes = 16 * 1024 * 1024;

/**
 * Native `snappy` returns external buffers, which postMessage cannot detach: it clones them
 * (a 256 MB object peaked at input + 3× output). Big blocks therefore decode with snappyjs
 * into one buffer of ours (its pre-scan runs in rawBlockDecodeInto); small stream chunks keep
 * the faster `native` decoder (the engine's choice) and are copied into the stream's single output.
 */
export function workerRawDecoder(native: RawBlockDecoder | null, intoFromBytes = workerIntoFromBytes): IntoRawBlockDecoder {
  return {
    name: native ? `${native.name} < ${intoFromBytes} B ≤ snappyjs` : 'snappyjs',
    uncompress: (block, length) => (native && length < intoFromBytes ? native : snappyjsRawDecoder).uncompress(block, length),
    uncompressInto(block, headerSize, out) {
      if (!native || out.length >= intoFromBytes) return snappyjsRawDecoder.uncompressInto(block, headerSize, out);
      try {
        out.set(native.uncompress(block, out.length));
        return true;
      } catch {
        return false;
      }
    },
  };
}
