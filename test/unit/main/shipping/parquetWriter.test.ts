import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import type { ParquetColumn } from '../../../../core/model/rule';
import { parquetWriteLite } from '../../../../main/shipping/parquetWriter';

function arrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

describe('parquetWriteLite', () => {
  const columns: ParquetColumn[] = [
    { name: 'n', type: 'int64' },
    { name: 'constructor', type: 'string' },
    { name: '列', type: 'float' },
  ];

  it('keeps int64 beyond 2^53 exact and writes odd column names as data', async () => {
    const bytes = await parquetWriteLite(
      columns,
      [
        [9007199254740993n, 'a', 1.5],
        [-(2n ** 63n) + 1n, null, null],
        [null, '', -0.25],
      ],
      { codec: 'SNAPPY' },
    );
    const rows = await parquetReadObjects({ file: arrayBuffer(bytes) });
    expect(rows.map((r) => [r.n, r['constructor'], r['列']])).toEqual([
      [9007199254740993n, 'a', 1.5],
      [-(2n ** 63n) + 1n, null, null],
      [null, '', -0.25],
    ]);
    expect(Object.keys(rows[0]!)).toEqual(['n', 'constructor', '列']);
  });

  it('writes one row group of DATA_PAGE v1 pages with the requested codec', async () => {
    for (const codec of ['SNAPPY', 'UNCOMPRESSED'] as const) {
      const rows = Array.from({ length: 5000 }, (_, i) => [BigInt(i), `s${i}`, i / 2]);
      const meta = parquetMetadata(arrayBuffer(await parquetWriteLite(columns, rows, { codec })));
      expect(meta.num_rows).toBe(5000n);
      expect(meta.row_groups).toHaveLength(1);
      expect(meta.row_groups[0]!.columns.map((c) => c.meta_data?.codec)).toEqual([codec, codec, codec]);
      expect(meta.schema.slice(1).map((s) => [s.name, s.type, s.repetition_type, s.converted_type])).toEqual([
        ['n', 'INT64', 'OPTIONAL', undefined],
        ['constructor', 'BYTE_ARRAY', 'OPTIONAL', 'UTF8'],
        ['列', 'FLOAT', 'OPTIONAL', undefined],
      ]);
    }
  });

  it('refuses a column named __proto__ with RULE_INVALID', async () => {
    await expect(parquetWriteLite([{ name: '__proto__', type: 'string' }], [], { codec: 'SNAPPY' })).rejects.toMatchObject({
      code: 'RULE_INVALID',
    });
  });

  it("leaves the library's own int64 conversion alone for non-bigint input", async () => {
    const types = (await import('parquetjs-lite/lib/types.js')).default;
    await parquetWriteLite(columns, [[1n, 'x', 1]], { codec: 'UNCOMPRESSED' });
    expect(types.PARQUET_LOGICAL_TYPES.INT64!.toPrimitive('42')).toBe(42);
    expect(types.PARQUET_LOGICAL_TYPES.INT64!.toPrimitive(7n)).toBe(7n);
  });
});
