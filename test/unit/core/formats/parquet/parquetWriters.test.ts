// Issue 14: Parquet written by others, read side by side with DuckDB. Every expectation is
// DuckDB's text of the value (genParquetEdge.mjs) or, where DuckDB cannot say (INT96 past
// microseconds, Hadoop LZ4), what the byte writer wrote.
import { parquetHeader } from '../../../../../core/formats/parquet/hyparquetInternals';
import { beforeAll, describe, expect, it } from 'vitest';
import { parquetSchemaRead, parquetTable } from '../../../../../core/formats/parquet';
import { tableOpen } from '../../../../../core/formats/tableOpen';
import type { Cell, TableWarning } from '../../../../../core/model/cells';
import { fixtureBytes, fixtureJson, fixtureSource, fixturesEnsure, parquetEdgeDir } from '../fixtureFiles';

beforeAll(() => fixturesEnsure('genParquetEdge'));

type Kind = 'int' | 'bigint' | 'float' | 'text';
interface EdgeExpected {
  kinds: Kind[];
  expected: (string | null)[][] | null;
  zones?: Record<string, (string | null)[][]>;
  written?: (string | null)[];
  duckdbError?: string | null;
  footerRows?: string;
}

const names = {
  flat: 'flat.snappy.parquet',
  flatV2: 'flatV2.snappy.parquet',
  flatLz4Raw: 'flatLz4Raw.parquet',
  nested: 'nested.snappy.parquet',
  nestedZoned: 'nestedZoned.snappy.parquet',
  footerZeroRows: 'footerZeroRows.snappy.parquet',
  int96: 'int96.parquet',
  hadoopLz4: 'hadoopLz4.parquet',
  dictOffsetZero: 'dictOffsetZero.parquet',
  dictNoOffset: 'dictNoOffset.parquet',
  dictSingleValue: 'dictSingleValue.parquet',
  dictFallback: 'dictFallback.snappy.parquet',
  floats: 'floats.snappy.parquet',
};

function expectation(name: string): EdgeExpected {
  return fixtureJson<EdgeExpected>(parquetEdgeDir, `${name}.json`);
}

/** DuckDB's text → the cell shiplens gives (numbers as numbers, FLOAT as the number DuckDB prints). */
function cells(rows: (string | null)[][], kinds: Kind[]): Cell[][] {
  return rows.map((row) =>
    row.map((text, i) => {
      if (text === null) return null;
      const kind = kinds[i];
      if (kind === 'int' || kind === 'float') return Number(text);
      return kind === 'bigint' ? BigInt(text) : text;
    }),
  );
}

async function allRows(name: string, options: Parameters<typeof parquetTable>[1] = {}): Promise<{ paged: Cell[][]; batched: Cell[][] }> {
  const reader = await parquetTable(fixtureSource(parquetEdgeDir, name), options);
  const paged = await reader.readRows(0, 100_000);
  const batched: Cell[][] = [];
  for await (const batch of reader.rowBatches()) batched.push(...batch);
  return { paged, batched };
}

describe('Parquet from other writers reads as DuckDB reads it', () => {
  it.each([names.flat, names.flatV2, names.flatLz4Raw])(
    '%s: timestamps µs/ns/ms exact, UTC-adjusted with +00, DATE, FLOAT 117.9, DECIMAL text, non-UTF-8 BLOB as 0x hex',
    async (name) => {
      const { kinds, expected } = expectation(name);
      const want = cells(expected ?? [], kinds);
      expect(want[0]).toEqual([
        1,
        '2024-01-02 03:04:05.123456',
        '2024-01-02 03:04:05.123456789',
        '2024-01-02 03:04:05.123',
        '2024-01-02 03:04:05.123456+00',
        '2024-01-02',
        117.9,
        '123.456',
        '12345678901234567890.1234567890',
        '1.50',
        '0xff00c3',
      ]);
      const { paged, batched } = await allRows(name);
      expect(paged).toEqual(want);
      expect(batched).toEqual(want);
      const reader = await parquetTable(fixtureSource(parquetEdgeDir, name));
      expect(reader.columns.map((c) => c.type)).toEqual([
        'int32',
        'timestamp',
        'timestamp',
        'timestamp',
        'timestamp',
        'date',
        'float',
        'decimal',
        'decimal',
        'decimal',
        'string',
      ]);
      expect(await reader.readRows(3, 2)).toEqual(want.slice(3, 5));
    },
  );

  it.each(['Asia/Shanghai', 'Asia/Kolkata', 'America/New_York'])(
    'UTC-adjusted timestamps in %s with the zone shown, as DuckDB with SET TimeZone',
    async (zone) => {
      const { kinds, zones } = expectation(names.flat);
      const want = cells(zones?.[zone] ?? [], kinds);
      expect(want[0]?.[4]).toBe(
        {
          'Asia/Shanghai': '2024-01-02 11:04:05.123456+08',
          'Asia/Kolkata': '2024-01-02 08:34:05.123456+05:30',
          'America/New_York': '2024-01-01 22:04:05.123456-05',
        }[zone],
      );
      const { paged, batched } = await allRows(names.flat, { timeZone: zone });
      expect(paged).toEqual(want);
      expect(batched).toEqual(want);
    },
  );

  it('lists and structs are JSON with integers unquoted and FLOAT at float32 digits (DuckDB to_json), top-level DECIMAL and TIMESTAMP exact', async () => {
    const { kinds, expected } = expectation(names.nested);
    const want = cells(expected ?? [], kinds);
    expect(want[0]).toEqual([
      1,
      '[1,2,3]',
      '{"a":1,"b":9007199254740993}',
      '[[1,-2],[],null]',
      '123.456',
      '2024-01-02 03:04:05.123456',
      '[117.9, 0.1, NULL]',
      '{"k":9007199254740993,"z":-1}',
      '2024-01-02 03:04:05.123456+00',
    ]);
    // The FLOAT list: DuckDB's list text (`[117.9, 0.1, NULL]`) and shiplens' JSON hold the same numbers.
    const floats = (rows: Cell[][]): unknown[] =>
      rows.map((row) => (row[6] === null ? null : (JSON.parse(String(row[6]).replace(/NULL/g, 'null')) as unknown)));
    const { paged, batched } = await allRows(names.nested);
    expect(paged.map((row) => row.slice(0, 6))).toEqual(want.map((row) => row.slice(0, 6)));
    expect(floats(paged)).toEqual(floats(want));
    expect(paged[0]?.[6]).toBe('[117.9,0.1,null]');
    expect(paged.map((row) => row.slice(7))).toEqual(want.map((row) => row.slice(7)));
    // A top-level UTC-adjusted timestamp of a nested file is shown in the zone too.
    const { zones } = expectation(names.nested);
    const shanghai = await allRows(names.nested, { timeZone: 'Asia/Shanghai' });
    expect(shanghai.paged.map((row) => row[8])).toEqual(zones?.['Asia/Shanghai']?.map((row) => row[8]));
    expect(shanghai.paged[0]?.[8]).toBe('2024-01-02 11:04:05.123456+08');
    expect(batched).toEqual(paged);
  });

  it('timestamps inside structs, lists and maps: UTC-adjusted ones in the zone, local ones as stored, as DuckDB', async () => {
    const { kinds, expected, zones } = expectation(names.nestedZoned);
    const utc = await allRows(names.nestedZoned);
    expect(utc.paged).toEqual(cells(expected ?? [], kinds));
    expect(utc.batched).toEqual(utc.paged);
    for (const zone of ['Asia/Shanghai', 'Asia/Kolkata', 'America/New_York']) {
      const { paged, batched } = await allRows(names.nestedZoned, { timeZone: zone });
      expect(paged, zone).toEqual(cells(zones?.[zone] ?? [], kinds));
      expect(batched).toEqual(paged);
    }
    const kolkata = await allRows(names.nestedZoned, { timeZone: 'Asia/Kolkata' });
    expect(kolkata.paged[0]?.[1]).toBe('{"t":"2024-01-02 08:34:05.123456+05:30","l":"2024-01-02 03:04:05.123456"}');
  });

  it('tableOpen passes the zone and reports the footer warning (the path the API and CLI take)', async () => {
    const { kinds, zones } = expectation(names.flat);
    const opened = await tableOpen(fixtureSource(parquetEdgeDir, names.flat), { timeZone: 'Asia/Kolkata' });
    expect(await opened.reader.readRows(0, 10)).toEqual(cells(zones?.['Asia/Kolkata'] ?? [], kinds));
    const zero = await tableOpen(fixtureSource(parquetEdgeDir, names.footerZeroRows));
    expect([zero.reader.numRows, zero.warnings]).toEqual([
      6,
      [{ message: 'The Parquet footer declares 0 rows, but its row group holds 6; read 6 rows.' }],
    ]);
  });

  it('a footer saying 0 rows while its row group holds 6: the 6 rows, with a warning (DuckDB reads them too)', async () => {
    const { kinds, expected, footerRows } = expectation(names.footerZeroRows);
    expect(footerRows).toBe('0');
    const warnings: TableWarning[] = [];
    const reader = await parquetTable(fixtureSource(parquetEdgeDir, names.footerZeroRows), { warnings });
    expect(reader.numRows).toBe(6);
    expect(warnings).toEqual([{ message: 'The Parquet footer declares 0 rows, but its row group holds 6; read 6 rows.' }]);
    expect(await reader.readRows(0, 100)).toEqual(cells(expected ?? [], kinds));
    const schema = await parquetSchemaRead(fixtureSource(parquetEdgeDir, names.footerZeroRows));
    expect([schema.numRows, schema.warnings]).toEqual([6, ['The Parquet footer declares 0 rows, but its row group holds 6; read 6 rows.']]);
  });

  it('INT96 (Impala/Spark) at full nanosecond precision; DuckDB agrees to the microsecond', async () => {
    const { expected, written } = expectation(names.int96);
    const { paged, batched } = await allRows(names.int96);
    const want = (written ?? []).map((ts, i) => [i + 1, ts]);
    expect(paged).toEqual(want);
    expect(batched).toEqual(want);
    expect(paged[3]).toEqual([4, '2024-01-02 03:04:05.123456789']);
    // DuckDB truncates INT96 to microseconds: every other row is the same text.
    (expected ?? []).forEach(([, duck], i) => {
      if (i === 3) expect(duck).toBe('2024-01-02 03:04:05.123456');
      else expect(duck).toBe(written?.[i]);
    });
  });

  it('Hadoop-framed LZ4 pages (parquet-mr codec LZ4) read; DuckDB refuses the codec', async () => {
    const { written, duckdbError } = expectation(names.hadoopLz4);
    expect(duckdbError).toContain('Unsupported compression codec "LZ4"');
    const { paged, batched } = await allRows(names.hadoopLz4);
    expect(paged).toEqual((written ?? []).map((word, i) => [i + 1, word]));
    expect(batched).toEqual(paged);
  });

  it.each([names.dictOffsetZero, names.dictNoOffset, names.dictSingleValue])(
    'dictionary edge case %s reads as DuckDB reads it',
    async (name) => {
      const { kinds, expected, written } = expectation(name);
      expect(expected?.map((row) => row[0])).toEqual(written);
      const { paged, batched } = await allRows(name);
      expect(paged).toEqual(cells(expected ?? [], kinds));
      expect(batched).toEqual(paged);
    },
  );

  it('dictionary pages falling back to PLAIN within one column chunk (arrow-rs) read as DuckDB reads them', async () => {
    const bytes = fixtureBytes(parquetEdgeDir, names.dictFallback);
    // The file really mixes encodings: hyparquet's header parser over the first chunk's pages.
    const reader = { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 4 };
    const encodings = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const header = parquetHeader(reader);
      encodings.add(header.type === 'DICTIONARY_PAGE' ? 'dictionary' : String(header.data_page_header?.encoding));
      reader.offset += header.compressed_page_size;
    }
    expect([...encodings].sort()).toEqual(['PLAIN', 'RLE_DICTIONARY', 'dictionary']);
    const { kinds, expected } = expectation(names.dictFallback);
    const want = cells(expected ?? [], kinds);
    expect(want).toHaveLength(3000);
    const { paged, batched } = await allRows(names.dictFallback);
    expect(paged).toEqual(want);
    expect(batched).toEqual(want);
    const table = await parquetTable(fixtureSource(parquetEdgeDir, names.dictFallback));
    expect(await table.readRows(1234, 600)).toEqual(want.slice(1234, 1834));
  });

  // DuckDB's FLOAT text is shortest for most values but not all (-930624832 where -930624830
  // reads back the same): every value must be the same float32 as DuckDB's text, never
  // longer, and equal to it in the vast majority.
  it('20,000 FLOATs across magnitudes: the same float32 as DuckDB prints, in as few digits or fewer', async () => {
    const { expected } = expectation(names.floats);
    const duck = (expected ?? []).map((row) => row[1] ?? null);
    expect(duck.slice(0, 3)).toEqual(['0.0', '1.5777218e-30', '0.02']);
    const { paged, batched } = await allRows(names.floats);
    expect(batched).toEqual(paged);
    const digits = (n: number): number => n.toExponential().replace(/e.*$/, '').replace(/[-.]/g, '').replace(/^0+/, '').length;
    let same = 0;
    paged.forEach((row, i) => {
      const text = duck[i] ?? null;
      const ours = row[1] as number | null;
      if (text === null || ours === null) {
        expect(ours).toBe(text);
        return;
      }
      const theirs = Number(text);
      expect(Math.fround(ours)).toBe(Math.fround(theirs));
      expect(digits(ours)).toBeLessThanOrEqual(digits(theirs));
      if (ours === theirs) same++;
    });
    expect(same).toBeGreaterThan(19_700);
  });

  it('the schema shows DECIMAL precision/scale, timestamp unit and UTC flag, INT96, and how binary is shown', async () => {
    const flat = await parquetSchemaRead(fixtureSource(parquetEdgeDir, names.flat));
    expect(flat.columns.map((c) => `${c.name} ${c.physicalType} ${c.logicalType ?? '-'}${c.shownAs ? ` [${c.shownAs}]` : ''}`)).toEqual([
      'id INT32 INT_32',
      'ts_us INT64 TIMESTAMP(MICROS,local)',
      'ts_ns INT64 TIMESTAMP(NANOS,local)',
      'ts_ms INT64 TIMESTAMP(MILLIS,local)',
      'tz INT64 TIMESTAMP(MICROS,UTC)',
      'd INT32 DATE',
      'f FLOAT -',
      'dec3 INT64 DECIMAL(18,3)',
      'big FIXED_LEN_BYTE_ARRAY DECIMAL(38,10)',
      'small INT32 DECIMAL(4,2)',
      'b BYTE_ARRAY - [UTF-8 text; values that are not UTF-8 as 0x hex]',
    ]);
    const int96 = await parquetSchemaRead(fixtureSource(parquetEdgeDir, names.int96));
    expect(int96.columns.map((c) => c.logicalType)).toEqual([undefined, 'TIMESTAMP(INT96)']);
  });
});
