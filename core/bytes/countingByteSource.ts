/**
 * A ByteSource decorator that counts reads and bytes (tests assert what a call costs).
 */
import type { ByteSource } from './byteSource';

/** A ByteSource that records how many reads reached it and how many bytes they asked for. */
export interface CountingByteSource extends ByteSource {
  readonly reads: number;
  readonly bytes: number;
  /** Every read as [offset, length], in call order. */
  readonly log: readonly (readonly [number, number])[];
  reset(): void;
}

/** Wrap `source` so its reads are counted (modelled on hyparquet's test countingBuffer). */
export function countingByteSource(source: ByteSource): CountingByteSource {
  let reads = 0;
  let bytes = 0;
  let log: [number, number][] = [];
  return {
    size: source.size,
    name: source.name,
    get reads() {
      return reads;
    },
    get bytes() {
      return bytes;
    },
    get log() {
      return log;
    },
    reset() {
      reads = 0;
      bytes = 0;
      log = [];
    },
    read(offset, length, signal) {
      reads++;
      bytes += length;
      log.push([offset, length]);
      return source.read(offset, length, signal);
    },
  };
}
