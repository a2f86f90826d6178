// Fixtures of the range-query tests: a day of shipped objects written by python3-snappy
// (test/fixtures/range/genRangeDay.py) with the generator's own tally and row list.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { repoRoot } from './cliHelpers';

/** The generator's tally (tally.json). */
export interface DayTally {
  total: number;
  bytesSum: number;
  byStatus: Record<string, number>;
  byHour: Record<string, number>;
  objects: string[];
}

/** One generated row: log time (s), status, bytes, object key. */
export interface DayRow {
  time: number;
  status: string;
  bytes: number;
  key: string;
}

/** A generated day: its folder (the location), tally and rows. */
export interface Day {
  dir: string;
  tally: DayTally;
  rows: DayRow[];
}

/** Generate a day (`--format json|csv`, `--objects`, `--rows`) into a fresh temp folder. */
export function dayGenerate(args: string[] = []): Day {
  const dir = mkdtempSync(join(tmpdir(), 'range-day-'));
  const rowsFile = join(dir, 'rows.tsv');
  execFileSync('/usr/bin/python3', [join(repoRoot, 'test', 'fixtures', 'range', 'genRangeDay.py'), dir, '--rows-out', rowsFile, ...args]);
  const tally = JSON.parse(readFileSync(join(dir, 'tally.json'), 'utf8')) as DayTally;
  const rows = readFileSync(rowsFile, 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const [time, status, bytes, key] = line.split('\t');
      return { time: Number(time), status: status as string, bytes: Number(bytes), key: key as string };
    });
  return { dir, tally, rows };
}

/** Unix seconds of a wall time in UTC+8 (the generator's default zone). */
export function cst(text: string): number {
  return Date.parse(`${text}+08:00`) / 1000;
}

/**
 * A maker of temp folders for one test file, all removed after its tests; `keep` adds a
 * folder made elsewhere (a generated day) to the same clean-up.
 */
export function tempFolders(): { fresh: (name: string) => string; keep: (dir: string) => void } {
  const made: string[] = [];
  afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
  return {
    fresh: (name) => {
      const dir = mkdtempSync(join(tmpdir(), name));
      made.push(dir);
      return dir;
    },
    keep: (dir) => void made.push(dir),
  };
}
