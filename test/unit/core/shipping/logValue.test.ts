import { describe, expect, it } from 'vitest';
import { logFieldKeys, logTimeSeconds, logValueConvert, logValueGet } from '../../../../core/shipping/logValue';

describe('logValueConvert', () => {
  it.each([
    { input: '+5', type: 'int32', expected: 5 },
    { input: '-2147483648', type: 'int32', expected: -2147483648 },
    { input: '2147483648', type: 'int32', expected: null },
    { input: ' 1', type: 'int32', expected: null },
    { input: '1.0', type: 'int32', expected: null },
    { input: '0x10', type: 'int32', expected: null },
    { input: '', type: 'int32', expected: null },
    { input: '007', type: 'int64', expected: 7n },
    { input: '-9223372036854775808', type: 'int64', expected: -(2n ** 63n) },
    { input: '-9223372036854775809', type: 'int64', expected: null },
    { input: '1e3', type: 'float', expected: 1000 },
    { input: '.5', type: 'double', expected: 0.5 },
    { input: '5.', type: 'double', expected: 5 },
    { input: '0.1', type: 'float', expected: Math.fround(0.1) },
    { input: '3.5e38', type: 'float', expected: null },
    { input: '1e309', type: 'double', expected: null },
    { input: 'inf', type: 'double', expected: null },
    { input: 'NaN', type: 'float', expected: null },
    { input: 'True', type: 'boolean', expected: true },
    { input: 'false', type: 'boolean', expected: false },
    { input: '1', type: 'boolean', expected: null },
    { input: '', type: 'string', expected: '' },
  ] as const)('converts $input to $type as $expected', ({ input, type, expected }) => {
    expect(logValueConvert(input, type)).toBe(expected);
  });

  it('keeps a missing value null for every type', () => {
    for (const type of ['string', 'boolean', 'int32', 'int64', 'float', 'double'] as const) expect(logValueConvert(null, type)).toBeNull();
  });
});

describe('logValueGet', () => {
  const log = { __time__: 12, n: 5, b: false, o: { a: [1] }, nil: null, s: 'x' };
  it.each([
    ['__time__', '12'],
    ['__topic__', ''],
    ['__source__', ''],
    ['n', '5'],
    ['b', 'false'],
    ['o', '{"a":[1]}'],
    ['nil', null],
    ['absent', null],
    ['s', 'x'],
  ])('reads %s as %j', (key, expected) => {
    expect(logValueGet(log, key)).toBe(expected);
  });

  it("lists the log's own keys with values, reserved keys left out", () => {
    expect(logFieldKeys({ __topic__: 't', a: '1', nil: null, __time__: 1, b: undefined, c: '' })).toEqual(['a', 'c']);
  });
});

describe('logTimeSeconds', () => {
  it.each([
    [1, 1],
    ['1484913043', 1484913043],
  ])('accepts %j', (input, expected) => {
    expect(logTimeSeconds({ __time__: input }, 0)).toBe(expected);
  });
  it.each([[1.5], [-1], ['12a'], [undefined], [Number.NaN]])('rejects %j with INVALID_ARGUMENT', (input) => {
    expect(() => logTimeSeconds({ __time__: input }, 3)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', source: 'logs[3].__time__' }),
    );
  });
});
