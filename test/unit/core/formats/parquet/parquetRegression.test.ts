// Regression tests for defects found by fuzzing (test/fuzz/parquet.fuzz.test.ts): a corrupt
// Parquet file must fail as a typed error, never as an unhandled rejection (which ends Node).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { byteSourceFromBytes } from '../../../../../core/bytes/byteSource';
import { isShiplensError } from '../../../../../core/errors';
import { parquetBufferFrom, parquetTable } from '../../../../../core/formats/parquet';
import { fixtureBytes, fixturesEnsure, parquetDir, parquetNames } from '../fixtureFiles';

fixturesEnsure('genParquet');

let leaked: unknown[] = [];
const onLeak = (reason: unknown): void => {
  leaked.push(reason);
};
beforeEach(() => {
  leaked = [];
  process.on('unhandledRejection', onLeak);
});
afterEach(() => {
  process.off('unhandledRejection', onLeak);
});

async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** Replace the last occurrence of `from` (the column chunk's path_in_schema) by `to`. */
function renameLast(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const text = Buffer.from(bytes).toString('latin1');
  const at = text.lastIndexOf(from);
  expect(at).toBeGreaterThan(0);
  const out = bytes.slice();
  out.set(Buffer.from(to, 'latin1'), at);
  return out;
}

async function codeOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return 'value';
  } catch (error) {
    return isShiplensError(error) ? error.code : `untyped ${String(error)}`;
  }
}

describe('Parquet regressions (fuzz findings)', () => {
  it('parquetRegression: a column chunk naming no schema leaf is PARQUET_CORRUPT with no unhandled rejection', async () => {
    const bytes = renameLast(fixtureBytes(parquetDir, parquetNames.typesPlain), 'ratio', 'ratiO');
    bytes[4] = 0xff; // and the first page header is corrupt: a chunk read fails
    const code = await codeOf(async () => (await parquetTable(byteSourceFromBytes(bytes, 'x.parquet'))).readRows(0, 10));
    await settle();
    expect(code).toBe('PARQUET_CORRUPT');
    expect(leaked).toEqual([]);
  });

  it('parquetRegression: a prefetched slice outside the file that nobody awaits does not leak a rejection', async () => {
    const file = parquetBufferFrom(byteSourceFromBytes(new Uint8Array(16)));
    void file.slice(Number.NaN, Number.NaN);
    void file.slice(8, 64);
    await settle();
    expect(leaked).toEqual([]);
    await expect(file.slice(8, 64)).rejects.toMatchObject({ code: 'PARQUET_CORRUPT' });
  });
});
