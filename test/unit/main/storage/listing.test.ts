import { describe, expect, it } from 'vitest';
import { keyCompare, maxKeysClamp, pageTokenDecode, pageTokenEncode } from '../../../../main/storage/listing';

describe('keyCompare', () => {
  it('orders by UTF-8 bytes, not UTF-16 units', () => {
    const keys = ['b', '\ud83d\ude00', '\uffee', 'a/b', 'a-b', 'a', '\u00e9'];
    const bytes = [...keys].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
    expect([...keys].sort(keyCompare)).toEqual(bytes);
    expect(keyCompare('same', 'same')).toBe(0);
  });
});

describe('page tokens', () => {
  it('round-trip and reject foreign tokens', () => {
    expect(pageTokenDecode('x1', pageTokenEncode('x1', { k: 'a/b' }))).toEqual({ v: 'x1', k: 'a/b' });
    expect(() => pageTokenDecode('y1', pageTokenEncode('x1', { k: 'a' }))).toThrowError(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }) as Error,
    );
    expect(() => pageTokenDecode('x1', '%%%')).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }) as Error);
    expect([maxKeysClamp(undefined), maxKeysClamp(0), maxKeysClamp(5000), maxKeysClamp(10)]).toEqual([1000, 1, 1000, 10]);
  });
});
