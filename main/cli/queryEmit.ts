/**
 * `shiplens query … --emit <engine>`: the scale-out hand-off texts for a planned range (see
 * main/range/rangeEmit.ts). Reads at most the first planned object, for JSON's log keys
 * (main/range/rangeEmitColumns.ts, shared with the API's range.emit).
 */
import path from 'node:path';
import { rangeEmit } from '../range/rangeEmit';
import { rangeEmitColumns } from '../range/rangeEmitColumns';
import type { RangeEmitTarget } from '../range/rangeEmit';
import type { RangePlan } from '../range/rangePlan';
import type { Storage } from '../storage/storage';
import type { CliContext } from './cliOptions';
import { ruleRead } from './cliRule';
import type { CliConnectionOptions } from './cliSources';
import { cliLocationParse } from './cliSources';
import type { QueryFlags } from './queryFlags';

/** Print the hand-off text for `engine`. */
export async function queryEmit(
  engine: NonNullable<QueryFlags['emit']>,
  location: string,
  storage: Storage,
  plan: RangePlan,
  flags: QueryFlags,
  connection: CliConnectionOptions,
  ctx: CliContext,
): Promise<void> {
  const parsed = cliLocationParse(location, ctx.io.cwd);
  const rule =
    parsed.kind === 'local' && flags.rule !== undefined ? await ruleRead(path.resolve(ctx.io.cwd, flags.rule), flags.rule) : null;
  const target: RangeEmitTarget = {
    bucket: parsed.kind === 'oss' ? parsed.bucket : rule?.bucket || '<bucket>',
    prefix: parsed.kind === 'oss' ? parsed.key.replace(/\/+$/, '') : (rule?.prefix ?? ''),
    endpoint: connection.endpoint,
    region: connection.region,
    columns: await rangeEmitColumns(storage, plan),
  };
  await ctx.io.stdout.write(rangeEmit(engine, plan, target, flags.sql ?? 'SELECT count(*) FROM logs'));
}
