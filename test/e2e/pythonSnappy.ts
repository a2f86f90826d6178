/** Expected decodes from Debian's python3-snappy: an independent decoder of what Log Service ships. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

/** Decode every file of `dir` (raw block snappy) into `into`; returns name → decoded bytes in name order. */
export function pythonDecoded(dir: string, into: string): Map<string, Buffer> {
  mkdirSync(into, { recursive: true });
  const script = [
    'import os, sys, snappy',
    'src, dst = sys.argv[1], sys.argv[2]',
    'for name in sorted(os.listdir(src)):',
    '    data = open(os.path.join(src, name), "rb").read()',
    '    open(os.path.join(dst, name), "wb").write(snappy.uncompress(data))',
  ].join('\n');
  execFileSync('/usr/bin/python3', ['-c', script, dir, into]);
  const names = readdirSync(into).sort();
  return new Map(names.map((name) => [name, readFileSync(join(into, name))]));
}

/** The output name of a shipped `X.snappy.csv`: `X.csv`. */
export function csvOutputName(objectName: string): string {
  return objectName.replace(/\.snappy\.csv$/, '.csv');
}

/** `dir` holds exactly the files of `outputs` (name → bytes), each with exactly its bytes. */
export function outputsExpect(dir: string, outputs: [string, Buffer][]): void {
  expect(readdirSync(dir).sort()).toEqual(outputs.map(([name]) => name).sort());
  for (const [name, bytes] of outputs) expect(Buffer.compare(readFileSync(join(dir, name)), bytes), name).toBe(0);
}
