/**
 * The sizing figures of the Log Service document's SIEM chapter, for the Forward view: one
 * consumer per shard, each consumer handles about 10 MB/s of raw logs, and logs travel
 * compressed about 5:1, so the network carries a fifth of the raw volume.
 */

/** Raw log bytes per second one consumer handles (the document's ≈10 MB/s). */
export const forwardConsumerRawBytesPerSec = 10 * 1024 * 1024;
/** Raw : compressed ratio of the pulled data (the document's 5:1). */
export const forwardCompressionRatio = 5;

/** What a daily volume needs. */
export interface ForwardSizing {
  /** Average raw bytes per second over a day. */
  rawBytesPerSec: number;
  /** Consumers (= shards) needed at ≈10 MB/s each for the average rate (at least 1). */
  consumersNeeded: number;
  /** Raw bytes per second the given shards can consume. */
  capacityBytesPerSec: number;
  /** Network bandwidth of the compressed pull, bits per second. */
  bandwidthBitsPerSec: number;
  /** True when the given shards keep up with the average rate. */
  enough: boolean;
}

/** Sizing for `dailyRawBytes` of logs a day read by one consumer on each of `shards` shards. */
export function forwardSizing(dailyRawBytes: number, shards: number): ForwardSizing {
  const rawBytesPerSec = Math.max(0, dailyRawBytes) / 86_400;
  const capacityBytesPerSec = Math.max(0, Math.floor(shards)) * forwardConsumerRawBytesPerSec;
  return {
    rawBytesPerSec,
    consumersNeeded: Math.max(1, Math.ceil(rawBytesPerSec / forwardConsumerRawBytesPerSec)),
    capacityBytesPerSec,
    bandwidthBitsPerSec: (rawBytesPerSec / forwardCompressionRatio) * 8,
    enough: capacityBytesPerSec >= rawBytesPerSec,
  };
}
