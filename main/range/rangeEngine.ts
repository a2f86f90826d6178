/**
 * A range end to end, shared by the CLI and the API: plan → fetch + decode into the cache →
 * a DuckDB session over the cached files. The faces only parse arguments and show results.
 */
import path from 'node:path';
import { engineShared } from '../engine';
import { DecodeRunner } from '../services/decodeRunner';
import type { Storage } from '../storage/storage';
import { RangeCache, rangeCacheBudgetDefault, rangeCacheFolder } from './rangeCache';
import { rangeFetch } from './rangeFetch';
import type { RangeDecode, RangeFetchProgress, RangeFetchResult, RangeFile } from './rangeFetch';
import type { RangePlan } from './rangePlan';
import { RangeSession, rangeFilesRequire } from './rangeQuery';
import { RangeSampleAhead } from './rangeSampleAhead';

/** What a range needs from its host: the cache, a decoder and the decode cap. */
export interface RangeDeps {
  cache: RangeCache;
  decode: RangeDecode;
  maxDecodeBytes: number;
}

/** The range deps of a process: cache under the data folder, a DecodeRunner over the engine (its decoder; worker for big objects). */
export function rangeDepsCreate(options: {
  dataDir: string;
  workerPath: string | null;
  maxDecodeBytes: number;
  cacheBudgetBytes?: number;
}): RangeDeps {
  const runner = new DecodeRunner(engineShared(), options.workerPath);
  return {
    cache: new RangeCache(path.join(options.dataDir, rangeCacheFolder), options.cacheBudgetBytes ?? rangeCacheBudgetDefault),
    decode: (bytes, o) => runner.decode(bytes, o),
    maxDecodeBytes: options.maxDecodeBytes,
  };
}

/** Options of `rangeOpen`. */
export interface RangeOpenOptions {
  onError?: 'stop' | 'skip';
  signal?: AbortSignal;
  onProgress?: (progress: RangeFetchProgress) => void;
  concurrency?: number;
  /** Folders the SQL may write to besides the cache (an export's folder). */
  allowedDirs?: string[];
}

/** An open range: its fetch result and a session over it; `close` releases both. */
export interface RangeOpened {
  fetched: RangeFetchResult;
  session: RangeSession;
  close(): void;
}

/** Fetch the plan's objects (cache first) and open `logs` over them. */
export async function rangeOpen(storage: Storage, plan: RangePlan, deps: RangeDeps, options: RangeOpenOptions = {}): Promise<RangeOpened> {
  // DuckDB starts (library, instance, ICU, locked folders) while the objects are fetched: its
  // 0.1–0.2 s no longer wait for the last object. Every entry lives in the cache folder.
  const creating = RangeSession.create(plan.spec, { tempDir: path.join(deps.cache.dir, 'spill'), allowedDirs: options.allowedDirs }, [
    deps.cache.dir,
  ]);
  // Settled below on every path; until then a failure must not count as unhandled.
  creating.catch(() => undefined);
  const ahead = plan.spec.rule.format === 'json' ? new RangeSampleAhead(creating, plan.objects.length) : null;
  try {
    const fetched = await rangeFetch(storage, plan, {
      cache: deps.cache,
      decode: deps.decode,
      maxDecodeBytes: deps.maxDecodeBytes,
      ...options,
      ...(ahead ? { onReady: (index: number, file: RangeFile | null) => ahead.ready(index, file) } : {}),
    });
    rangeFilesRequire(fetched.files);
    const session = await creating;
    try {
      await session.attach(fetched.files, await ahead?.columns(fetched.files));
    } catch (error) {
      session.close();
      throw error;
    }
    return {
      fetched,
      session,
      close: () => {
        session.close();
        deps.cache.release();
      },
    };
  } catch (error) {
    // A describe of the sample may still be running on the connection: close after it.
    creating.then(
      (session) => void (ahead?.settled() ?? Promise.resolve()).then(() => session.close()),
      () => undefined,
    );
    deps.cache.release();
    throw error;
  }
}
