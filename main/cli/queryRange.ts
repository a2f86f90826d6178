/**
 * The range of a `shiplens query` line: the location (folder or oss://bucket/prefix the
 * partition format is rendered under), the rule (file or flags) and the window.
 */
import path from 'node:path';
import { rangeRuleFromOptions, rangeRuleFromShippingRule, rangeSpecCreate } from '../range/rangeSpec';
import type { RangeRule, RangeSpec } from '../range/rangeSpec';
import type { Storage } from '../storage/storage';
import type { CliContext } from './cliOptions';
import { ruleRead } from './cliRule';
import { cliLocationParse, cliStorageOpen } from './cliSources';
import type { CliConnectionOptions } from './cliSources';
import { cliTimeMs, cliZoneCheck } from './cliTime';
import type { QueryFlags } from './queryFlags';

async function ruleOf(flags: QueryFlags, ctx: CliContext): Promise<RangeRule> {
  const zone = flags.timeZone === undefined ? undefined : cliZoneCheck(flags.timeZone);
  if (flags.rule !== undefined) {
    const rule = await ruleRead(path.resolve(ctx.io.cwd, flags.rule), flags.rule);
    return rangeRuleFromShippingRule(zone ? { ...rule, timeZone: zone } : rule, flags.rule);
  }
  return rangeRuleFromOptions({
    partitionFormat: flags.partitionFormat as string,
    storage: flags.storage,
    compression: flags.compression,
    timeZone: zone,
  });
}

/** Storage + range of the command line. */
export async function queryRangeResolve(
  location: string,
  flags: QueryFlags,
  connection: CliConnectionOptions,
  ctx: CliContext,
): Promise<{ storage: Storage; spec: RangeSpec }> {
  const rule = await ruleOf(flags, ctx);
  const now = ctx.io.now();
  const fromMs = cliTimeMs(flags.from, rule.timeZone, now);
  const toMs = cliTimeMs(flags.to, rule.timeZone, now);
  const { storage, prefix } = await cliStorageOpen(cliLocationParse(location, ctx.io.cwd), connection, ctx.io);
  return { storage, spec: rangeSpecCreate({ prefix, rule, fromMs, toMs }) };
}
