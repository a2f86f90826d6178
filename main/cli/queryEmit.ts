/**
 * `shiplens query … --emit <engine>`: the scale-out hand-off texts for a planned range.
 */
import { ShiplensError } from '../../core/errors';
import type { RangePlan } from '../range/rangePlan';
import type { CliContext } from './cliOptions';
import type { QueryFlags } from './queryCommand';

/** Print the hand-off text for `engine`. */
export async function queryEmit(engine: NonNullable<QueryFlags['emit']>, location: string, plan: RangePlan, flags: QueryFlags, ctx: CliContext): Promise<void> {
  void plan;
  void flags;
  void ctx;
  throw new ShiplensError('INVALID_ARGUMENT', `--emit ${engine} is not available yet.`, { source: location });
}
