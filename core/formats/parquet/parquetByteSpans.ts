/**
 * Byte ranges of one Parquet object fetched for the page reader: ranges near each other are
 * read in one request, and what arrived is kept in an LRU with a byte budget.
 */
import type { ByteSource } from '../../bytes/byteSource';
import { lruCacheCreate } from '../../bytes/lruCache';

/** Bytes [start, end) of the object. */
export interface ByteRange {
  start: number;
  end: number;
}

/** Fetched bytes of one object, reused across reads. */
export interface ParquetByteSpans {
  /** Fetch the ranges not cached or in flight, coalesced; resolves when all arrived. */
  fetchMissing(ranges: ByteRange[], signal?: AbortSignal): Promise<void>;
  /** Bytes [start, end): from the cache, an in-flight fetch, or a new read. */
  bytesOf(start: number, end: number, signal?: AbortSignal): Promise<Uint8Array>;
}

/** Ranges sorted and merged where fewer than `gap` unrequested bytes lie between them. */
export function parquetRangesCoalesce(ranges: ByteRange[], gap: number): ByteRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const out: ByteRange[] = [];
  for (const range of sorted) {
    const last = out.at(-1);
    if (last && range.start <= last.end + gap) last.end = Math.max(last.end, range.end);
    else out.push({ ...range });
  }
  return out;
}

/** Byte spans of `source` within `maxCost` bytes, gaps up to `gap` bytes read along. */
export function parquetByteSpans(source: ByteSource, maxCost: number, gap: number): ParquetByteSpans {
  const spans = lruCacheCreate<string, ByteRange & { bytes: Uint8Array }>({ maxCost });
  const pending: (ByteRange & { promise: Promise<Uint8Array> })[] = [];

  /** Bytes [start, end) from the cache or an in-flight fetch, else null. */
  function spanFind(start: number, end: number): Uint8Array | Promise<Uint8Array> | null {
    for (const span of spans.values())
      if (span.start <= start && end <= span.end) return span.bytes.subarray(start - span.start, end - span.start);
    const inFlight = pending.find((p) => p.start <= start && end <= p.end);
    return inFlight ? inFlight.promise.then((bytes) => bytes.subarray(start - inFlight.start, end - inFlight.start)) : null;
  }

  async function fetchMissing(ranges: ByteRange[], signal?: AbortSignal): Promise<void> {
    const missing = ranges.filter((r) => r.end > r.start && !spanFind(r.start, r.end));
    const waits = ranges.map((r) => spanFind(r.start, r.end)).filter((w): w is Promise<Uint8Array> => w instanceof Promise);
    for (const range of parquetRangesCoalesce(missing, gap)) {
      const promise = source.read(range.start, range.end - range.start, signal);
      const entry = { ...range, promise };
      pending.push(entry);
      waits.push(promise);
      promise
        .then(
          (bytes) => spans.set(`${range.start}:${range.end}`, { ...range, bytes }, bytes.length),
          () => undefined,
        )
        .finally(() => pending.splice(pending.indexOf(entry), 1));
    }
    await Promise.all(waits);
  }

  async function bytesOf(start: number, end: number, signal?: AbortSignal): Promise<Uint8Array> {
    const found = spanFind(start, end);
    if (found) return found;
    await fetchMissing([{ start, end }], signal);
    return (await spanFind(start, end)) ?? source.read(start, end - start, signal); // evicted at once: read again
  }

  return { fetchMissing, bytesOf };
}
