/**
 * A partition decompress job's result as the UI keeps it: a re-run of some keys (to overwrite
 * the existing outputs the user consented to replace) replaces those keys' outcomes.
 */
import type { ObjectDecompressOutcome, ObjectsDecompressResult } from '../../../main/api/contract';

/** The result with `next`'s outcomes in place of the same keys' in `previous`, counts redone. */
export function partitionResultMerge(previous: ObjectsDecompressResult, next: ObjectsDecompressResult): ObjectsDecompressResult {
  const byKey = new Map(next.results.map((outcome) => [outcome.key, outcome]));
  const results = previous.results.map((outcome) => byKey.get(outcome.key) ?? outcome);
  return { ...partitionCounts(results), outDir: next.outDir, total: previous.total, cancelled: previous.cancelled || next.cancelled };
}

/** Counts and bytes of a list of outcomes. */
export function partitionCounts(
  results: ObjectDecompressOutcome[],
): Pick<ObjectsDecompressResult, 'results' | 'decoded' | 'skipped' | 'failed' | 'bytes'> {
  let decoded = 0;
  let skipped = 0;
  let failed = 0;
  let bytes = 0;
  for (const outcome of results) {
    if (outcome.status === 'ok') decoded++;
    else if (outcome.status === 'skipped') skipped++;
    else failed++;
    bytes += outcome.bytes ?? 0;
  }
  return { results, decoded, skipped, failed, bytes };
}

/** Keys whose output already existed (skipped without consent to overwrite). */
export function partitionExistingKeys(result: ObjectsDecompressResult | null): string[] {
  return result ? result.results.filter((outcome) => outcome.reason === 'exists').map((outcome) => outcome.key) : [];
}
