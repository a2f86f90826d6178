// Test helper: make sure the generated fixtures exist, and open them as ByteSources.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ByteSource } from '../../../../core/bytes/byteSource';
import { byteSourceFromBytes } from '../../../../core/bytes/byteSource';
import { countingByteSource } from '../../../../core/bytes/countingByteSource';

const fixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
export const parquetDir = join(fixtures, 'generated', 'parquet');
export const textDir = join(fixtures, 'generated', 'text');
/** Written by the codecs helper's genSnappy.mjs (python3-snappy, snappy-java). */
export const snappyDir = join(fixtures, 'generated', 'snappy');

/** Written by genParquetEdge.mjs (Parquet from other writers, issue 14). */
export const parquetEdgeDir = join(fixtures, 'generated', 'parquetEdge');

const doneMarker = {
  genParquetEdge: join(parquetEdgeDir, '.done'),
  genParquet: join(parquetDir, '.done'),
  genText: join(textDir, '.done'),
  genSnappy: join(snappyDir, 'manifest.json'),
};

/** Run a generator (it skips work when its outputs are up to date). */
export function fixturesEnsure(generator: 'genParquet' | 'genParquetEdge' | 'genText' | 'genSnappy'): void {
  if (!existsSync(doneMarker[generator])) {
    execFileSync(process.execPath, ['-e', `import(${JSON.stringify(join(fixtures, `${generator}.mjs`))}).then((m) => m.generate())`], {
      stdio: 'inherit',
    });
  }
}

export function fixtureBytes(dir: string, name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(dir, name)));
}

export function fixtureSource(dir: string, name: string): ByteSource {
  return byteSourceFromBytes(fixtureBytes(dir, name), name);
}

export function fixtureJson<T>(dir: string, name: string): T {
  return JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;
}

/** The codecs helper's counting decorator (reads + bytes), re-exported for these tests. */
export const countingSource = countingByteSource;

// Same names as test/fixtures/genParquet.mjs and genText.mjs (kept in step by the tests failing).
export const parquetNames = {
  typesSnappy: '19_1484913043351525351_2850008.snappy.parquet',
  typesPlain: '19_1484913043351525351_2850009.parquet',
  multiGroup: '20_1484913043351525351_2850010.snappy.parquet',
  empty: '21_1484913043351525351_2850011.snappy.parquet',
  typesZstd: '22_1484913043351525351_2850013.parquet',
  typesGzip: '22_1484913043351525351_2850014.parquet',
  multiPage: '23_1484913043351525351_2850015.snappy.parquet',
  truncated: 'truncated_1484913043351525351_1.snappy.parquet',
  footerPastEnd: 'footerPastEnd_1484913043351525351_2.snappy.parquet',
  badMagic: 'badMagic_1484913043351525351_3.snappy.parquet',
  notParquet: 'notParquet_1484913043351525351_4.parquet',
  tiny: 'tiny_1484913043351525351_5.parquet',
  badPage: 'badPage_1484913043351525351_6.snappy.parquet',
};

export const textNames = {
  json: '19_1484913043351525351_2850008',
  jsonSnappy: '19_1484913043351525351_2850008.snappy',
  jsonMessy: '19_1484913043351525351_2850012',
  csv: '19_1484913043351525351_2850008.csv',
  csvSnappy: '19_1484913043351525351_2850008.snappy.csv',
};

/** What DuckDB read back from a Parquet fixture (genParquet.mjs). */
export interface ParquetExpected {
  columns: string[];
  rows: (string | number | boolean | null)[][];
  /** DuckDB's VARCHAR text of every value (genParquet). */
  text: (string | null)[][];
  schema: { name: string; type: string; repetition_type: string; converted_type: string | null; logical_type: string | null }[];
  rowGroups: { rows: number; compression: string }[];
  keyValueMetadata: { key: string; value: string }[];
  file: { created_by: string; num_rows: string; num_row_groups: string };
}

/**
 * DuckDB's rows as shiplens cells: INT64 as bigint, FLOAT as the number DuckDB prints
 * (float32's shortest digits: 0.1, not 0.10000000149011612).
 */
export function parquetExpectedCells(expected: ParquetExpected): (string | number | boolean | bigint | null)[][] {
  const types = expected.schema.map((c) => c.type);
  return expected.rows.map((row, r) =>
    row.map((v, i) => {
      if (v === null) return v;
      if (types[i] === 'INT64') return BigInt(v as string);
      if (types[i] === 'FLOAT') return Number(expected.text[r]?.[i]);
      return v;
    }),
  );
}
