import { beforeAll, describe, expect, it } from 'vitest';
import { byteSourceFromBytes } from '../../../../../core/bytes/byteSource';
import { parquetSchemaRead } from '../../../../../core/formats/parquet';
import type { ParquetExpected } from '../fixtureFiles';
import { countingSource, fixtureJson, fixtureSource, fixturesEnsure, parquetDir, parquetNames } from '../fixtureFiles';

beforeAll(() => fixturesEnsure('genParquet'));

describe('parquetSchemaRead', () => {
  it.each([
    parquetNames.typesSnappy,
    parquetNames.typesPlain,
    parquetNames.typesZstd,
    parquetNames.typesGzip,
    parquetNames.multiGroup,
    parquetNames.empty,
  ])('matches what DuckDB says of %s', async (name) => {
    const expected = fixtureJson<ParquetExpected>(parquetDir, `${name}.json`);
    const schema = await parquetSchemaRead(fixtureSource(parquetDir, name));
    expect(schema.numRows).toBe(Number(expected.file.num_rows));
    expect(schema.rowGroups).toBe(Number(expected.file.num_row_groups));
    expect(schema.createdBy).toBe(expected.file.created_by);
    expect(schema.codecs).toEqual(expected.rowGroups.length ? [...new Set(expected.rowGroups.map((g) => g.compression))] : []);
    expect(schema.keyValueMetadata).toEqual(expected.keyValueMetadata);
    expect(schema.columns).toEqual(
      expected.schema.map((c) => {
        const column: Record<string, string> = { name: c.name, path: c.name, physicalType: c.type, repetition: c.repetition_type };
        if (c.converted_type) column.logicalType = c.converted_type;
        if (c.type === 'BYTE_ARRAY' && !c.converted_type && !c.logical_type)
          column.shownAs = 'UTF-8 text; values that are not UTF-8 as 0x hex';
        if (expected.rowGroups.length) column.codec = expected.rowGroups[0]!.compression;
        return column;
      }),
    );
  });

  it('describes the SPEC §3 types of the snappy fixture', async () => {
    const schema = await parquetSchemaRead(fixtureSource(parquetDir, parquetNames.typesSnappy));
    expect(schema.columns.map((c) => `${c.repetition} ${c.physicalType}${c.logicalType ? `(${c.logicalType})` : ''} ${c.name}`)).toEqual([
      'OPTIONAL INT32(INT_32) __time__',
      'OPTIONAL BYTE_ARRAY(UTF8) __topic__',
      'OPTIONAL BYTE_ARRAY(UTF8) ip',
      'OPTIONAL BOOLEAN ua',
      'OPTIONAL INT64(INT_64) status',
      'OPTIONAL DOUBLE seq',
      'OPTIONAL FLOAT ratio',
      'OPTIONAL BYTE_ARRAY raw',
    ]);
    expect(schema.keyValueMetadata).toContainEqual({ key: 'creator', value: 'parquet-cpp version 1.0.0' });
  });

  it('costs one read of the whole small file, and ≤ 2 reads of about the footer for a large one', async () => {
    const small = countingSource(fixtureSource(parquetDir, parquetNames.typesSnappy));
    await parquetSchemaRead(small);
    expect(small.reads).toBe(1);
    expect(small.bytes).toBe(small.size);
    const large = countingSource(fixtureSource(parquetDir, parquetNames.multiGroup));
    await parquetSchemaRead(large, { initialFetchBytes: 1024 });
    expect(large.reads).toBe(2);
    expect(large.bytes).toBeLessThan(8 * 1024);
    const once = countingSource(fixtureSource(parquetDir, parquetNames.multiGroup));
    await parquetSchemaRead(once);
    expect(once.reads).toBe(1);
    expect(once.bytes).toBe(64 * 1024);
  });

  const corrupt = [
    { name: parquetNames.truncated, code: 'TRUNCATED' },
    { name: parquetNames.footerPastEnd, code: 'PARQUET_CORRUPT' },
    { name: parquetNames.badMagic, code: 'NOT_PARQUET' },
    { name: parquetNames.notParquet, code: 'NOT_PARQUET' },
    { name: parquetNames.tiny, code: 'NOT_PARQUET' },
  ];
  it.each(corrupt)('rejects $name with $code', async ({ name, code }) => {
    await expect(parquetSchemaRead(fixtureSource(parquetDir, name))).rejects.toMatchObject({ code, source: name });
  });

  it('rejects an empty file with EMPTY_INPUT and a garbled footer with PARQUET_CORRUPT', async () => {
    await expect(parquetSchemaRead(byteSourceFromBytes(new Uint8Array(0), 'e.parquet'))).rejects.toMatchObject({ code: 'EMPTY_INPUT' });
    const garbled = new Uint8Array([0x50, 0x41, 0x52, 0x31, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 4, 0, 0, 0, 0x50, 0x41, 0x52, 0x31]);
    await expect(parquetSchemaRead(byteSourceFromBytes(garbled, 'g.parquet'))).rejects.toMatchObject({ code: 'PARQUET_CORRUPT' });
  });
});
