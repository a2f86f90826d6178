import { describe, expect, it } from 'vitest';
import type { ObjectsDecompressResult } from '../../../../../main/api/contract';
import { partitionExistingKeys, partitionResultMerge } from '../../../../../renderer/views/decompress/partitionResult';
import { partitionPrefixNormalize } from '../../../../../renderer/views/decompress/PartitionDecompress';

const first: ObjectsDecompressResult = {
  outDir: '/out',
  total: 3,
  decoded: 1,
  skipped: 2,
  failed: 0,
  bytes: 10,
  cancelled: false,
  results: [
    { key: 'p/a.snappy', status: 'ok', path: '/out/a.json', bytes: 10 },
    { key: 'p/b.snappy', status: 'skipped', reason: 'exists', path: '/out/b.json' },
    { key: 'p/c.json', status: 'skipped', reason: 'not-compressed' },
  ],
};

describe('partition results', () => {
  it('lists the keys whose output existed', () => {
    expect(partitionExistingKeys(first)).toEqual(['p/b.snappy']);
    expect(partitionExistingKeys(null)).toEqual([]);
  });

  it('puts an overwrite re-run in place of the same keys and recounts', () => {
    const rerun: ObjectsDecompressResult = {
      ...first,
      total: 1,
      decoded: 1,
      skipped: 0,
      bytes: 7,
      results: [{ key: 'p/b.snappy', status: 'ok', path: '/out/b.json', bytes: 7 }],
    };
    const merged = partitionResultMerge(first, rerun);
    expect(merged).toMatchObject({ total: 3, decoded: 2, skipped: 1, failed: 0, bytes: 17, cancelled: false });
    expect(merged.results.map((r) => r.status)).toEqual(['ok', 'ok', 'skipped']);
    expect(partitionExistingKeys(merged)).toEqual([]);
  });

  it('names a folder as a prefix', () => {
    expect(partitionPrefixNormalize(' /logs/2026/11 ')).toBe('logs/2026/11/');
    expect(partitionPrefixNormalize('logs/')).toBe('logs/');
    expect(partitionPrefixNormalize('')).toBe('');
  });
});
