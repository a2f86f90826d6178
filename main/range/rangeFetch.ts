/**
 * Fetch and decode the objects of a plan into the range cache, a few at a time.
 *
 * Each object is read whole through the Storage interface and stored as one cache entry. A raw
 * snappy object up to 16 MiB from a source that reads into a caller's buffer (a local file) is
 * read into and decoded in the memory of its slot's WebAssembly decoder (wasmSnappyInPlace.ts:
 * no fresh buffers, ~3× faster over a day of 1.5 MB objects); every other object, and any
 * block that decoder leaves, goes to the app's DecodeRunner (the engine's decoder; a worker
 * thread for big objects, so a 200 MB object never blocks the main thread), which also names
 * every fault. A cached object is not read again. A corrupt object
 * is reported with its key: the range stops, or (`onError: 'skip'`) it is left out and listed
 * in `failed` — never silently.
 */
import { ShiplensError, isShiplensError, throwIfCancelled, toShiplensError } from '../../core/errors';
import type { ErrorInfo } from '../../core/errors';
import { SnappyInPlace } from '../codecs/wasmSnappyInPlace';
import type { Storage } from '../storage/storage';
import { RangeCache } from './rangeCache';
import type { RangeColumnar } from './rangeCache';
import type { RangePlan, RangeObject } from './rangePlan';

/** Decodes one object's snappy bytes (DecodeRunner.decode in the app and the CLI). */
export type RangeDecode = (
  bytes: Uint8Array,
  options: { maxDecodeBytes: number; signal?: AbortSignal; source: string; transferInput: boolean },
) => Promise<{ output: Uint8Array }>;

/** Progress after each object. */
export interface RangeFetchProgress {
  done: number;
  total: number;
  /** Bytes read from storage (cache hits read none). */
  bytesRead: number;
  /** Bytes of decoded entries ready for the query. */
  bytesReady: number;
  key: string;
}

/** Options of `rangeFetch`. */
export interface RangeFetchOptions {
  cache: RangeCache;
  decode: RangeDecode;
  /** Per-object cap on decoded bytes (the app's maxDecodeBytes setting). */
  maxDecodeBytes: number;
  /** Objects in flight at once (2–4; default 3). */
  concurrency?: number;
  onError?: 'stop' | 'skip';
  signal?: AbortSignal;
  onProgress?: (progress: RangeFetchProgress) => void;
  /** Each object as it settles, by plan index: its file, or null when it failed and was skipped. */
  onReady?: (index: number, file: RangeFile | null) => void;
  /**
   * Stop early without an error (a query that has its rows): objects in flight are abandoned
   * (their part files removed), what is done is returned.
   */
  until?: AbortSignal;
}

/** One object ready to query: its cache entry (and the entry's columnar form, if written). */
export interface RangeFile {
  object: RangeObject;
  file: string;
  fromCache: boolean;
  columnar?: RangeColumnar;
}

/** What `rangeFetch` produced: ready files in plan order, failures, storage reads. */
export interface RangeFetchResult {
  files: RangeFile[];
  failed: { key: string; error: ErrorInfo }[];
  /** Objects read from storage (0 when every object was cached). */
  reads: number;
  bytesRead: number;
}

const extOf = { json: 'ndjson', csv: 'csv', parquet: 'parquet' } as const;

/** Decoded bytes of an entry, from its name (`<stem>-<bytes>.<ext>`). */
function entryBytes(file: string): number {
  return Number(/-(\d+)\.\w+$/.exec(file)?.[1] ?? 0);
}

/**
 * Objects (compressed) and outputs up to this size are read and decoded in place
 * (main/codecs/wasmSnappyInPlace.ts); bigger ones go to the DecodeRunner (a worker).
 */
const inPlaceMaxBytes = 16 * 1024 * 1024;

/** What one of rangeFetch's concurrent slots owns: its in-place decoder, made on first use. */
interface FetchSlot {
  inPlace(): SnappyInPlace | null;
}

function fetchSlotCreate(): FetchSlot {
  let decoder: SnappyInPlace | null | undefined;
  return { inPlace: () => (decoder === undefined ? (decoder = SnappyInPlace.create()) : decoder) };
}

async function fetchOne(
  storage: Storage,
  object: RangeObject,
  options: RangeFetchOptions,
  slot: FetchSlot,
): Promise<{ file: string; read: boolean; columnar?: RangeColumnar }> {
  const stem = RangeCache.stem({
    storage: `${storage.kind}:${storage.label}`,
    key: object.key,
    size: object.size,
    lastModified: object.lastModified,
  });
  const cached = await options.cache.get(stem);
  if (cached) return { file: cached, read: false, columnar: (await options.cache.columnar(stem)) ?? undefined };
  const source = await storage.open(object.key, options.signal);
  const snappy = object.compression === 'snappy' && object.format !== 'parquet';
  const inPlace = snappy && source.readInto && source.size <= inPlaceMaxBytes ? slot.inPlace() : null;
  const input = inPlace?.input(source.size);
  let bytes: Uint8Array;
  if (inPlace && input && source.readInto) {
    await source.readInto(0, input, options.signal);
    // A view of the decoder's memory: this slot decodes nothing else until the entry is written.
    // Null (not a plain raw block within the cap, or corrupt): the runner decodes or names the fault.
    const output = inPlace.decode(Math.min(options.maxDecodeBytes, inPlaceMaxBytes));
    bytes = output ?? (await decoded(inPlace.inputCopy()));
  } else {
    bytes = await source.read(0, source.size, options.signal);
    if (snappy) bytes = await decoded(bytes);
  }
  throwIfCancelled(options.signal);
  return { file: await options.cache.put(stem, extOf[object.format], bytes, options.signal), read: true };

  async function decoded(input: Uint8Array): Promise<Uint8Array> {
    // A read may be a view of a shared pool: the runner copies it unless it owns the whole buffer.
    const result = await options.decode(input, {
      maxDecodeBytes: options.maxDecodeBytes,
      signal: options.signal,
      source: object.key,
      transferInput: true,
    });
    return result.output;
  }
}

function keyed(error: unknown, key: string): ShiplensError {
  const typed = toShiplensError(error, key);
  if (typed.code === 'CANCELLED') return typed;
  // Name the object even when the reader reported a cache path or nothing.
  return isShiplensError(error) && error.source === key
    ? typed
    : new ShiplensError(typed.code, typed.message, { source: key, hint: typed.hint, cause: error });
}

/** Fetch and decode every object of the plan (cache first), bounded concurrency. */
export async function rangeFetch(
  storage: Storage,
  plan: Pick<RangePlan, 'objects'>,
  options: RangeFetchOptions,
): Promise<RangeFetchResult> {
  const objects = plan.objects;
  const slots: (RangeFile | null)[] = new Array<RangeFile | null>(objects.length).fill(null);
  const failed: RangeFetchResult['failed'] = [];
  const state = { next: 0, done: 0, reads: 0, bytesRead: 0, bytesReady: 0 };
  const inner = new AbortController();
  const signal = AbortSignal.any([options.signal, options.until, inner.signal].filter((s): s is AbortSignal => s !== undefined));
  const stopped = (): boolean => options.until?.aborted === true && options.signal?.aborted !== true;
  const worker = async (): Promise<void> => {
    const slot = fetchSlotCreate();
    while (state.next < objects.length) {
      if (stopped()) return;
      throwIfCancelled(signal);
      const index = state.next++;
      const object = objects[index] as RangeObject;
      try {
        const { file, read, columnar } = await fetchOne(storage, object, { ...options, signal }, slot);
        const ready: RangeFile = { object, file, fromCache: !read, ...(columnar ? { columnar } : {}) };
        slots[index] = ready;
        state.bytesReady += entryBytes(file);
        if (read) {
          state.reads++;
          state.bytesRead += object.size;
        }
        options.onReady?.(index, ready);
      } catch (error) {
        // An object abandoned by the stop: its error is the stop's.
        if (stopped()) return;
        const typed = keyed(error, object.key);
        if (typed.code === 'CANCELLED' || options.onError !== 'skip') {
          inner.abort(typed);
          throw typed;
        }
        failed.push({ key: object.key, error: typed.toInfo() });
        options.onReady?.(index, null);
      }
      state.done++;
      options.onProgress?.({
        done: state.done,
        total: objects.length,
        bytesRead: state.bytesRead,
        bytesReady: state.bytesReady,
        key: object.key,
      });
    }
  };
  const concurrency = Math.min(4, Math.max(1, options.concurrency ?? 3));
  const results = await Promise.allSettled(Array.from({ length: Math.min(concurrency, objects.length) }, worker));
  const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  // The first failure wins (others are the cancel it caused).
  if (rejected) throw (inner.signal.reason as unknown) ?? rejected.reason;
  return { files: slots.filter((s): s is RangeFile => s !== null), failed, reads: state.reads, bytesRead: state.bytesRead };
}
