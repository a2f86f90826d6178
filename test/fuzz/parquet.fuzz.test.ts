// Fuzzing the Parquet reader (footer, schema, pages) with mutations of DuckDB-written files.
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { byteSourceFromBytes } from '../../core/bytes/byteSource';
import { parquetSchemaRead, parquetTable } from '../../core/formats/parquet';
import { fixtureBytes, fixturesEnsure, parquetDir, parquetNames } from '../unit/core/formats/fixtureFiles';
import { fuzzRuns, fuzzTally, fuzzTallyReport, fuzzVerdict, mutate, mutateTail, mutationsArb } from './fuzzHarness';
import type { FuzzTally } from './fuzzHarness';

fixturesEnsure('genParquet');

const files = [parquetNames.typesSnappy, parquetNames.typesPlain, parquetNames.typesZstd, parquetNames.typesGzip, parquetNames.empty].map(
  (n) => fixtureBytes(parquetDir, n),
);
const tallies: FuzzTally[] = [];
afterAll(() => tallies.forEach(fuzzTallyReport));

/** Schema, first page, last page and one export batch: every read path a user triggers. */
async function parquetReadAll(bytes: Uint8Array): Promise<void> {
  const source = byteSourceFromBytes(bytes, 'fuzz.parquet');
  await parquetSchemaRead(source);
  const reader = await parquetTable(source, { cacheBytes: 1024 * 1024 });
  await reader.readRows(0, 50);
  const rows = reader.numRows ?? 0;
  if (rows > 0) await reader.readRows(Math.max(0, rows - 5), 5);
  for await (const batch of reader.rowBatches()) if (batch.length >= 0) break;
}

describe('Parquet fuzz (mutations of DuckDB fixtures)', () => {
  it('footer: mutations of the last 512 bytes end in a value or a typed error', async () => {
    const tally = fuzzTally('parquet footer');
    tallies.push(tally);
    await fc.assert(
      fc.asyncProperty(fc.nat(files.length - 1), mutationsArb, async (which, mutations) => {
        const input = mutateTail(files[which] as Uint8Array, mutations, 512);
        await fuzzVerdict(tally, () => parquetReadAll(input), input);
      }),
      { numRuns: fuzzRuns(300) },
    );
  });

  it('pages: mutations anywhere end in a value or a typed error', async () => {
    const tally = fuzzTally('parquet pages');
    tallies.push(tally);
    await fc.assert(
      fc.asyncProperty(fc.nat(files.length - 1), mutationsArb, async (which, mutations) => {
        const input = mutate(files[which] as Uint8Array, mutations);
        await fuzzVerdict(tally, () => parquetReadAll(input), input);
      }),
      { numRuns: fuzzRuns(300) },
    );
  });

  it('random bytes framed by PAR1 end in a value or a typed error', async () => {
    const tally = fuzzTally('parquet random');
    tallies.push(tally);
    const magic = [0x50, 0x41, 0x52, 0x31];
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.nat(400), async (body, footerLength) => {
        const bytes = Uint8Array.from([...magic, ...body, footerLength & 0xff, footerLength >> 8, 0, 0, ...magic]);
        await fuzzVerdict(tally, () => parquetReadAll(bytes), bytes);
      }),
      { numRuns: fuzzRuns(300) },
    );
  });
});
