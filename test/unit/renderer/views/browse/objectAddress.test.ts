import { describe, expect, it } from 'vitest';
import { objectAddress } from '../../../../../renderer/views/browse/objectAddress';

describe('objectAddress', () => {
  it('names an OSS object by its oss:// URL', () => {
    expect(objectAddress({ kind: 'oss', label: 'oss://logs', bucket: 'logs' }, 'a/b.snappy')).toBe('oss://logs/a/b.snappy');
  });

  it('names a local object by its path, without doubling the folder separator', () => {
    expect(objectAddress({ kind: 'local', label: '/data/bucket/', bucket: '' }, 'a/b')).toBe('/data/bucket/a/b');
    expect(objectAddress({ kind: 'sample', label: 'C:\\data\\', bucket: '' }, 'k')).toBe('C:\\data/k');
  });

  it('is the bare key when nothing is connected', () => {
    expect(objectAddress(null, 'a/b')).toBe('a/b');
  });
});
