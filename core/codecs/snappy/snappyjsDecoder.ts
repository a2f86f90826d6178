/**
 * The pure-JS raw block decoder: snappyjs (runs in Node, workers and the browser).
 */
import { SnappyDecompressor } from 'snappyjs/snappy_decompressor';
import type { IntoRawBlockDecoder } from './rawBlock';
import { rawHeaderRead, rawTagsScan } from './rawScan';
import { snappyError } from './snappyError';

/** Decode into our own buffer so the length is checked and allocated by us, not by snappyjs. */
function uncompressInto(block: Uint8Array, headerSize: number, out: Uint8Array): boolean {
  const decompressor = new SnappyDecompressor(block);
  decompressor.pos = headerSize;
  return decompressor.uncompressToBuffer(out);
}

/** snappyjs as a RawBlockDecoder (the default of snappyDecode). */
export const snappyjsRawDecoder: IntoRawBlockDecoder = {
  name: 'snappyjs',
  uncompressInto,
  uncompress(block, uncompressedLength) {
    const header = rawHeaderRead(block);
    if (!header || header.size < 0 || header.length !== uncompressedLength) {
      throw snappyError('SNAPPY_BAD_LENGTH', 'The snappy block header does not match its expected length.');
    }
    const fault = rawTagsScan(block, header.size, block.length, uncompressedLength, false);
    if (fault) throw snappyError(fault.fault, `The snappy block is corrupt at byte ${fault.at}.`);
    const out = new Uint8Array(uncompressedLength);
    if (!uncompressInto(block, header.size, out)) throw snappyError('SNAPPY_BAD_LENGTH', 'snappyjs could not decode the block.');
    return out;
  },
};
