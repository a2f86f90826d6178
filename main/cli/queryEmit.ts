/**
 * `shiplens query … --emit <engine>`: the scale-out hand-off texts for a planned range (see
 * main/range/rangeEmit.ts). Reads at most the first planned object, for JSON's log keys.
 */
import path from 'node:path';
import { snappyDecode } from '../../core/codecs/snappy';
import { nativeRawBlockDecoder } from '../codecs/nativeSnappy';
import { rangeEmit } from '../range/rangeEmit';
import type { RangeEmitTarget } from '../range/rangeEmit';
import type { RangePlan } from '../range/rangePlan';
import type { Storage } from '../storage/storage';
import type { CliContext } from './cliOptions';
import { ruleRead } from './cliRule';
import type { CliConnectionOptions } from './cliSources';
import { cliLocationParse } from './cliSources';
import type { QueryFlags } from './queryCommand';

/** JSON log keys of the first planned object (first 1,000 lines), `__time__` first. */
async function jsonKeys(storage: Storage, plan: RangePlan): Promise<string[] | undefined> {
  const first = plan.objects[0];
  if (!first || plan.spec.rule.format !== 'json') return undefined;
  const source = await storage.open(first.key);
  let bytes = await source.read(0, Math.min(source.size, 64 << 20));
  if (first.compression === 'snappy') bytes = (await snappyDecode(bytes, { rawDecoder: nativeRawBlockDecoder() ?? undefined, source: first.key })).output;
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

/** Print the hand-off text for `engine`. */
export async function queryEmit(engine: NonNullable<QueryFlags['emit']>, location: string, storage: Storage, plan: RangePlan, flags: QueryFlags, connection: CliConnectionOptions, ctx: CliContext): Promise<void> {
  const parsed = cliLocationParse(location, ctx.io.cwd);
  const rule = parsed.kind === 'local' && flags.rule !== undefined ? await ruleRead(path.resolve(ctx.io.cwd, flags.rule), flags.rule) : null;
  const target: RangeEmitTarget = {
    bucket: parsed.kind === 'oss' ? parsed.bucket : rule?.bucket || '<bucket>',
    prefix: parsed.kind === 'oss' ? parsed.key.replace(/\/+$/, '') : (rule?.prefix ?? ''),
    endpoint: connection.endpoint,
    region: connection.region,
    columns: plan.spec.rule.format === 'csv' ? plan.spec.rule.csv?.columns : await jsonKeys(storage, plan),
  };
  await ctx.io.stdout.write(rangeEmit(engine, plan, target, flags.sql ?? 'SELECT count(*) FROM logs'));
}
