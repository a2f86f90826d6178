/**
 * The answers the app keeps for range.rows (main/range/rangeResultSpool.ts): the last few of
 * each app, older ones removed as new ones come, so the spool files stay a handful.
 */
import path from 'node:path';
import { ShiplensError } from '../../../core/errors';
import { rangeCacheFolder } from '../../range/rangeCache';
import { RangeResultSpool } from '../../range/rangeResultSpool';
import type { ApiServices } from '../../services/types';

/** Answers kept per app (a second view of an older answer is rare: run it again). */
const kept = 3;

const spoolsOf = new WeakMap<ApiServices, RangeResultSpool[]>();

/** A new spool in the cache's `results` folder (cleared with the cache). */
export function rangeResultStart(services: ApiServices): Promise<RangeResultSpool> {
  return RangeResultSpool.create(path.join(services.dataDir, rangeCacheFolder, 'results'));
}

/** Keep a committed answer; the oldest beyond `kept` are removed. */
export async function rangeResultKeep(services: ApiServices, spool: RangeResultSpool): Promise<void> {
  const spools = spoolsOf.get(services) ?? [];
  spools.push(spool);
  spoolsOf.set(services, spools);
  while (spools.length > kept) await spools.shift()?.discard();
}

/** The kept answer `id`, or NOT_FOUND. */
export function rangeResultGet(services: ApiServices, id: string): RangeResultSpool {
  const spool = spoolsOf.get(services)?.find((s) => s.id === id);
  if (!spool)
    throw new ShiplensError('NOT_FOUND', 'This answer is no longer kept.', { hint: 'Run the query again to scroll through its rows.' });
  return spool;
}
