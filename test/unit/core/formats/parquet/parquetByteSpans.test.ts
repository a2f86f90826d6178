import { describe, expect, it } from 'vitest';
import { byteSourceFromBytes } from '../../../../../core/bytes/byteSource';
import { countingByteSource } from '../../../../../core/bytes/countingByteSource';
import { parquetByteSpans, parquetRangesCoalesce } from '../../../../../core/formats/parquet/parquetByteSpans';

describe('parquetRangesCoalesce', () => {
  it('sorts ranges and merges those at most `gap` bytes apart', () => {
    const ranges = [
      { start: 100, end: 120 },
      { start: 0, end: 10 },
      { start: 15, end: 30 },
    ];
    expect(parquetRangesCoalesce(ranges, 5)).toEqual([
      { start: 0, end: 30 },
      { start: 100, end: 120 },
    ]);
    expect(parquetRangesCoalesce(ranges, 4)).toEqual([
      { start: 0, end: 10 },
      { start: 15, end: 30 },
      { start: 100, end: 120 },
    ]);
  });

  it('keeps the farther end of a contained range and leaves its input unchanged', () => {
    const ranges = [
      { start: 0, end: 50 },
      { start: 10, end: 20 },
    ];
    expect(parquetRangesCoalesce(ranges, 0)).toEqual([{ start: 0, end: 50 }]);
    expect(ranges[0]).toEqual({ start: 0, end: 50 });
  });
});

describe('parquetByteSpans', () => {
  it('reads near ranges in one request and serves later reads from what arrived', async () => {
    const bytes = Uint8Array.from({ length: 200 }, (_, i) => i);
    const source = countingByteSource(byteSourceFromBytes(bytes, 'spans.parquet'));
    const spans = parquetByteSpans(source, 1024, 8);
    await spans.fetchMissing([
      { start: 10, end: 20 },
      { start: 25, end: 40 },
    ]);
    expect(source.log).toEqual([[10, 30]]);
    expect([...(await spans.bytesOf(30, 33))]).toEqual([30, 31, 32]);
    expect(source.reads).toBe(1);
  });
});
