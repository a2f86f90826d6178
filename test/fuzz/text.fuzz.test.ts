// Fuzzing the text decoders: JSON lines, shipped CSV, and tableOpen's detection on top of them
// (mutations of the genText fixtures, plus JSON-ish and CSV-ish random text).
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { byteSourceFromBytes } from '../../core/bytes/byteSource';
import { jsonLinesTable } from '../../core/formats/jsonLines';
import { shippedCsvTable } from '../../core/formats/shippedCsv';
import type { CsvDialect } from '../../core/model/csvDialect';
import { tableOpen } from '../../core/formats/tableOpen';
import type { TableReader } from '../../core/formats/table';
import { fixtureBytes, fixturesEnsure, textDir, textNames } from '../unit/core/formats/fixtureFiles';
import { fuzzRuns, fuzzTally, fuzzTallyReport, fuzzVerdict, mutate, mutationsArb } from './fuzzHarness';
import type { FuzzTally } from './fuzzHarness';

fixturesEnsure('genText');
const tallies: FuzzTally[] = [];
afterAll(() => tallies.forEach(fuzzTallyReport));

const json = fixtureBytes(textDir, textNames.json);
const jsonMessy = fixtureBytes(textDir, textNames.jsonMessy);
const csv = fixtureBytes(textDir, textNames.csv);
const utf8 = new TextDecoder();

/** First page, last page and every export batch: the reads a user triggers. */
async function readerExercise(reader: TableReader): Promise<void> {
  const rows = reader.numRows ?? 0;
  await reader.readRows(0, 100);
  await reader.readRows(Math.max(0, rows - 3), 3);
  for await (const batch of reader.rowBatches()) expect(batch.every((r) => r.length === reader.columns.length)).toBe(true);
}

// JSON-looking text: fragments that stress the parser and the column union.
const jsonishArb = fc
  .array(
    fc.oneof(
      fc.json(),
      fc.constantFrom(
        '{',
        '}',
        '"__time__":',
        '"__proto__":1',
        '{"constructor":{}}',
        '\n',
        '\r\n',
        '\uFEFF',
        '\\u0000',
        '"\\ud800"',
        ',',
        '[]',
        'null',
        '1e999',
        '-0',
      ),
      fc.string({ maxLength: 20 }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

const dialectArb: fc.Arbitrary<CsvDialect> = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t', '|', '"', ''),
  quote: fc.constantFrom('"', "'", ','),
  header: fc.boolean(),
  nullValue: fc.constantFrom('', 'null', '-'),
  columns: fc.option(fc.array(fc.string({ maxLength: 5 }), { maxLength: 4 }), { nil: undefined }),
});

describe('text decoders fuzz', () => {
  it('JSON lines: mutated fixtures and JSON-ish text end in a table (bad lines as warnings) or a typed error', async () => {
    const tally = fuzzTally('json lines');
    tallies.push(tally);
    const seeds = [json, jsonMessy];
    await fc.assert(
      fc.asyncProperty(fc.nat(1), mutationsArb, jsonishArb, fc.boolean(), async (which, mutations, text, useText) => {
        const input = useText ? new TextEncoder().encode(text) : mutate(seeds[which] as Uint8Array, mutations);
        await fuzzVerdict(tally, async () => readerExercise(jsonLinesTable(input, { maxLineBytes: 4096, maxWarnings: 10 }).reader));
      }),
      { numRuns: fuzzRuns(300) },
    );
  });

  it('shipped CSV: mutated fixtures with any dialect end in a table or a typed error', async () => {
    const tally = fuzzTally('shipped csv');
    tallies.push(tally);
    await fc.assert(
      fc.asyncProperty(mutationsArb, dialectArb, fc.string({ maxLength: 200 }), fc.boolean(), async (mutations, dialect, text, useText) => {
        const input = useText ? text : utf8.decode(mutate(csv, mutations));
        await fuzzVerdict(tally, async () => readerExercise(shippedCsvTable(input, dialect, { maxWarnings: 10 }).reader));
      }),
      { numRuns: fuzzRuns(300) },
    );
  });

  it('tableOpen: any bytes under any shipped name end in a table or a typed error', async () => {
    const tally = fuzzTally('tableOpen (detect + decode)');
    tallies.push(tally);
    const names = [
      '19_1484913043351525351_2850008',
      'a_1_2.snappy',
      'a_1_2.csv',
      'a_1_2.snappy.csv',
      'a_1_2.parquet',
      'a_1_2.snappy.parquet',
      'x.json',
      'noext',
    ];
    const seeds = [json, csv, fixtureBytes(textDir, textNames.jsonSnappy), fixtureBytes(textDir, textNames.csvSnappy)];
    await fc.assert(
      fc.asyncProperty(fc.nat(seeds.length - 1), fc.nat(names.length - 1), mutationsArb, async (which, name, mutations) => {
        const input = mutate(seeds[which] as Uint8Array, mutations);
        const traced = new Uint8Array([...new TextEncoder().encode(`${names[name]}\n`), ...input]);
        await fuzzVerdict(
          tally,
          async () => {
            const opened = await tableOpen(byteSourceFromBytes(input, names[name]), {
              maxDecodeBytes: 1024 * 1024,
              maxLineBytes: 64 * 1024,
            });
            if (opened.text) expect(opened.text.length).toBeLessThanOrEqual(1024 * 1024);
            await readerExercise(opened.reader);
          },
          traced,
        );
      }),
      { numRuns: fuzzRuns(300) },
    );
  });
});
