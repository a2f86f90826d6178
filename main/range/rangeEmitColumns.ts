/**
 * The log columns a hand-off text declares (issue 15 point 4), shared by `shiplens query
 * --emit` and the API's range.emit so both write the same text: a CSV rule's own column list,
 * or the JSON keys of the first planned object (its first 1,000 lines; JSON rules do not list
 * theirs). Parquet files carry their schema: nothing is read.
 */
import { snappyDecode } from '../../core/codecs';
import { engineRawDecoder } from '../engine';
import type { Storage } from '../storage/storage';
import type { RangePlan } from './rangePlan';

/** JSON log keys of the first planned object (first 1,000 lines), `__time__` first. */
async function jsonKeys(storage: Storage, plan: RangePlan): Promise<string[] | undefined> {
  const first = plan.objects[0];
  if (!first || plan.spec.rule.format !== 'json') return undefined;
  const source = await storage.open(first.key);
  let bytes = await source.read(0, Math.min(source.size, 64 << 20));
  if (first.compression === 'snappy') bytes = (await snappyDecode(bytes, { rawDecoder: engineRawDecoder(), source: first.key })).output;
  const keys = new Set<string>(['__time__']);
  for (const line of new TextDecoder().decode(bytes).split('\n').slice(0, 1000)) {
    try {
      for (const key of Object.keys(JSON.parse(line) as object)) keys.add(key);
    } catch {
      // A partial last line (the read was capped) or a bad line: the keys seen so far stand.
    }
  }
  return [...keys];
}

/** The columns for `RangeEmitTarget.columns`. */
export async function rangeEmitColumns(storage: Storage, plan: RangePlan): Promise<string[] | undefined> {
  return plan.spec.rule.format === 'csv' ? plan.spec.rule.csv?.columns : jsonKeys(storage, plan);
}
