// The shipped range the forward tests replay: objects written by genRange.py (independently of
// shiplens), the logs it wrote to expected.jsonl, and the CLI arguments of a window over it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from './cliHelpers';

/** Write `objects` raw-snappy objects of `perObject` logs under `bucket`; the logs in object then line order. */
export function forwardRangeGenerate(bucket: string, objects: number, perObject: number): Record<string, unknown>[] {
  execFileSync('/usr/bin/python3', [join(repoRoot, 'test/fixtures/forward/genRange.py'), bucket, String(objects), String(perObject)]);
  return readFileSync(join(dirname(bucket), 'expected.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** `--from … --to-time …` and the range's partition format and zone. */
export function forwardWindowArgs(from: string, toTime: string): string[] {
  return ['--from', from, '--to-time', toTime, '--partition-format', '%Y/%m/%d/%H/%M', '--time-zone', '+08:00'];
}
