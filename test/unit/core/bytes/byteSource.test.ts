import { describe, expect, it } from 'vitest';
import { byteSourceFromBytes, byteSourceReadAll } from '../../../../core/bytes/byteSource';
import { ShiplensError } from '../../../../core/errors';

describe('byteSourceFromBytes', () => {
  it('returns a view of the requested range', async () => {
    const bytes = new Uint8Array([1, 2, 3, 4, 5]);
    const src = byteSourceFromBytes(bytes, 'x');
    const part = await src.read(1, 3);
    expect([...part]).toEqual([2, 3, 4]);
    expect(part.buffer).toBe(bytes.buffer);
  });

  it('rejects a range past the end with TRUNCATED', async () => {
    const src = byteSourceFromBytes(new Uint8Array(4), 'obj.parquet');
    await expect(src.read(2, 3)).rejects.toMatchObject({ code: 'TRUNCATED', source: 'obj.parquet' });
  });
});

describe('byteSourceReadAll', () => {
  it('refuses a source over the limit before reading', async () => {
    const src = { size: 10, read: () => Promise.reject(new Error('must not read')) };
    const err = await byteSourceReadAll(src, 5).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ShiplensError);
    expect((err as ShiplensError).code).toBe('TOO_LARGE');
  });
});
