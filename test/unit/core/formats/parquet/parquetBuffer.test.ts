import { describe, expect, it } from 'vitest';
import { byteSourceFromBytes } from '../../../../../core/bytes/byteSource';
import { parquetBufferFrom } from '../../../../../core/formats/parquet';
import { countingSource } from '../fixtureFiles';

const bytes = Uint8Array.from({ length: 100 }, (_v, i) => i);

describe('parquetBufferFrom', () => {
  it('returns exact slices as ArrayBuffers and serves repeats from its cache', async () => {
    const source = countingSource(byteSourceFromBytes(bytes, 'b.parquet'));
    const buffer = parquetBufferFrom(source);
    expect(buffer.byteLength).toBe(100);
    expect([...new Uint8Array(await buffer.slice(10, 14))]).toEqual([10, 11, 12, 13]);
    expect([...new Uint8Array(await buffer.slice(98))]).toEqual([98, 99]);
    await buffer.slice(10, 14);
    expect(source.reads).toBe(2);
  });

  it('evicts the least recently used slices beyond its byte budget', async () => {
    const source = countingSource(byteSourceFromBytes(bytes, 'b.parquet'));
    const buffer = parquetBufferFrom(source, { cacheBytes: 40 });
    await buffer.slice(0, 20);
    await buffer.slice(20, 40);
    await buffer.slice(40, 60); // evicts 0–20
    await buffer.slice(20, 40);
    expect(source.reads).toBe(3);
    await buffer.slice(0, 20);
    expect(source.reads).toBe(4);
  });

  it('reports a range outside the file as PARQUET_CORRUPT', async () => {
    const buffer = parquetBufferFrom(byteSourceFromBytes(bytes, 'b.parquet'));
    await expect(buffer.slice(90, 120)).rejects.toMatchObject({ code: 'PARQUET_CORRUPT', source: 'b.parquet' });
    await expect(buffer.slice(-1, 3)).rejects.toMatchObject({ code: 'PARQUET_CORRUPT' });
  });
});
