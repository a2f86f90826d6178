import { describe, expect, it } from 'vitest';
import { byteSourceFromBytes } from '../../../../core/bytes/byteSource';
import { countingByteSource } from '../../../../core/bytes/countingByteSource';

const data = Uint8Array.from({ length: 1000 }, (_, i) => i & 0xff);

describe('countingByteSource', () => {
  it('counts reads and bytes and logs ranges', async () => {
    const counted = countingByteSource(byteSourceFromBytes(data));
    await counted.read(0, 10);
    await counted.read(100, 5);
    expect([counted.reads, counted.bytes]).toEqual([2, 15]);
    expect(counted.log).toEqual([
      [0, 10],
      [100, 5],
    ]);
    counted.reset();
    expect([counted.reads, counted.bytes, counted.log.length]).toEqual([0, 0, 0]);
  });
});

describe('countingByteSource passthrough', () => {
  it('keeps size and name and returns the inner bytes', async () => {
    const counted = countingByteSource(byteSourceFromBytes(data, 'obj'));
    expect([counted.size, counted.name]).toEqual([1000, 'obj']);
    expect([...(await counted.read(250, 3))]).toEqual([250, 251, 252]);
    await expect(counted.read(999, 2)).rejects.toMatchObject({ code: 'TRUNCATED' });
    expect(counted.reads).toBe(2);
  });
});
