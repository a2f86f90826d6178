// Issue 14: files from other writers that are odd but valid read as DuckDB reads them; files that
// are damaged are refused in Parquet terms (row group, column, page offset, what is wrong there),
// never with JavaScript engine text ("Cannot read properties of undefined (reading 'push')",
// "Offset is outside the bounds of the DataView").
import { beforeAll, describe, expect, it } from 'vitest';
import { byteSourceFromBytes } from '../../../../../core/bytes/byteSource';
import { isShiplensError } from '../../../../../core/errors';
import { parquetSchemaRead, parquetTable } from '../../../../../core/formats/parquet';
import type { Cell } from '../../../../../core/model/cells';
import { fixtureBytes, fixtureJson, fixturesEnsure, parquetEdgeDir } from '../fixtureFiles';

beforeAll(() => fixturesEnsure('genParquetEdge'));

interface ByteWritten {
  expected: (string | null)[][] | null;
  duckdbError: string | null;
  written: (string | null)[];
}

async function read(
  name: string,
  bytes = fixtureBytes(parquetEdgeDir, name),
): Promise<Cell[][] | { code: string; message: string; source?: string }> {
  try {
    const reader = await parquetTable(byteSourceFromBytes(bytes, name));
    const rows = await reader.readRows(0, 1000);
    const batched: Cell[][] = [];
    for await (const batch of reader.rowBatches()) batched.push(...batch);
    expect(batched).toEqual(rows);
    return rows;
  } catch (error) {
    if (!isShiplensError(error)) return { code: `untyped ${String(error)}`, message: '' };
    return { code: error.code, message: error.message, source: error.source };
  }
}

async function schemaOf(name: string, bytes: Uint8Array): Promise<{ code: string; message: string } | { ok: true }> {
  try {
    await parquetSchemaRead(byteSourceFromBytes(bytes, name));
    return { ok: true };
  } catch (error) {
    return isShiplensError(error) ? { code: error.code, message: error.message } : { code: `untyped ${String(error)}`, message: '' };
  }
}

function corrupted(name: string, at: number, value: number): Uint8Array {
  const bytes = fixtureBytes(parquetEdgeDir, name).slice();
  bytes[at] = value;
  return bytes;
}

describe('odd but valid files read as DuckDB reads them', () => {
  it('an all-null column with an empty dictionary page (0 entries) reads as nulls', async () => {
    const { expected } = fixtureJson<ByteWritten>(parquetEdgeDir, 'dictEmpty.parquet.json');
    expect(expected).toEqual([
      ['1', null],
      ['2', null],
      ['3', null],
      ['4', null],
    ]);
    expect(await read('dictEmpty.parquet')).toEqual([
      [1, null],
      [2, null],
      [3, null],
      [4, null],
    ]);
  });

  it.each(['repeatedPrimitive.parquet', 'twoLevelList.parquet', 'arrayGroupList.parquet'])(
    'legacy list layout %s (repeated int32 under the root, 2-level LIST, LIST of a repeated "array" group) reads as DuckDB to_json gives it',
    async (name) => {
      const { expected } = fixtureJson<ByteWritten>(parquetEdgeDir, `${name}.json`);
      expect(expected?.[0]).toEqual(['[1,2]']);
      expect(await read(name)).toEqual(expected);
    },
  );

  it('a repeated group with no LIST annotation (parquet-testing repeated_no_annotation layout) reads as DuckDB to_json gives it', async () => {
    const { expected } = fixtureJson<ByteWritten>(parquetEdgeDir, 'repeatedNoAnnotation.parquet.json');
    expect(expected?.[3]?.[1]).toBe('{"phone":[{"number":1111111111,"kind":"home"},{"number":2222222222,"kind":"mobile"}]}');
    expect(await read('repeatedNoAnnotation.parquet')).toEqual(expected?.map(([id, json]) => [Number(id), json]));
  });

  it('a dictionary-encoded page with no dictionary page is refused, as DuckDB refuses it, naming the page', async () => {
    const { duckdbError } = fixtureJson<ByteWritten>(parquetEdgeDir, 'dictAllNullNoPage.parquet.json');
    expect(duckdbError).toContain('missing dictionary');
    expect(await read('dictAllNullNoPage.parquet')).toEqual({
      code: 'PARQUET_CORRUPT',
      message:
        'Parquet rows cannot be decoded: Row group 0, column "word", data page at byte 37: dictionary-encoded page without a dictionary page.',
      source: 'dictAllNullNoPage.parquet',
    });
  });
});

describe('damaged files are refused in Parquet terms', () => {
  it.each([
    [
      'int96.parquet',
      64,
      0xff,
      'Row group 0, column "ts", data page at byte 45: its bytes end before what its header declares (truncated, or a wrong length or offset).',
    ],
    ['int96.parquet', 45, 0x00, 'Row group 0, column "ts", page headers: page at 45 runs past its column chunk.'],
    ['int96.parquet', 68, 0x00, 'Row group 0, column "ts", data page at byte 45: RLE run of 92436 values is longer than the page\'s 6.'],
    [
      'flat.snappy.parquet',
      440,
      0xff,
      'Row group 0, column "dec3", data page at byte 421: its SNAPPY data does not decompress (missing eof marker).',
    ],
    // Was "Cannot read properties of undefined (reading 'at')" from hyparquet's nested assembly.
    [
      'nested.snappy.parquet',
      70,
      0xff,
      'Row group 0: its structure does not follow the Parquet format (a header or level field is missing or of the wrong kind).',
    ],
  ])('%s with byte %i set to %i', async (name, at, value, where) => {
    expect(await read(name, corrupted(name, at, value))).toEqual({
      code: 'PARQUET_CORRUPT',
      message: `Parquet rows cannot be decoded: ${where}`,
      source: name,
    });
  });

  // Every single-byte change of the data pages: the exact rows, or a typed refusal whose
  // message has no engine text.
  const engineText =
    /Cannot read|outside the bounds|is not a function|is not iterable|Invalid (typed )?array length|undefined|Maximum call stack|RangeError|TypeError/;
  it.each([
    ['int96.parquet', [0x00, 0x7f, 0xff]],
    ['hadoopLz4.parquet', [0x00, 0xff]],
    ['dictOffsetZero.parquet', [0x00, 0x7f, 0xff]],
    ['nested.snappy.parquet', [0xff]],
  ])('no single-byte corruption of the pages of %s gives engine text', async (name, values) => {
    const good = fixtureBytes(parquetEdgeDir, name);
    const footer = new DataView(good.buffer, good.byteOffset, good.byteLength).getUint32(good.length - 8, true);
    const seen = new Set<string>();
    for (let at = 4; at < good.length - 8 - footer; at++) {
      for (const value of values) {
        const result = await read(name, corrupted(name, at, value));
        if (Array.isArray(result)) continue;
        seen.add(result.code);
        expect(`${result.code} ${result.message}`).not.toMatch(engineText);
        expect(result.source).toBe(name);
      }
    }
    expect([...seen].every((code) => code === 'PARQUET_CORRUPT' || code === 'UNSUPPORTED_FORMAT')).toBe(true);
    expect(seen.has('PARQUET_CORRUPT')).toBe(true);
  });

  it.each(['int96.parquet', 'flat.snappy.parquet'])(
    'no single-byte corruption of the footer of %s gives engine text or "undefined"',
    async (name) => {
      const good = fixtureBytes(parquetEdgeDir, name);
      const footer = new DataView(good.buffer, good.byteOffset, good.byteLength).getUint32(good.length - 8, true);
      const codes = new Set<string>();
      for (let at = good.length - 8 - footer; at < good.length - 8; at++) {
        for (const value of [0x00, 0xff]) {
          const bytes = corrupted(name, at, value);
          for (const result of [await schemaOf(name, bytes), await read(name, bytes)]) {
            if (Array.isArray(result) || !('code' in result)) continue;
            codes.add(result.code);
            expect(`${result.code} ${result.message}`).not.toMatch(engineText);
          }
        }
      }
      expect([...codes].sort()).toEqual(['PARQUET_CORRUPT']);
    },
  );
});
