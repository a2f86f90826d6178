import { describe, expect, it } from 'vitest';
import { rangeRowJson, rangeTimeText, rangeCellText } from '../../../../main/range/rangeValues';
import { rangeDuckTimeZone, sqlIdent, sqlString } from '../../../../main/range/rangeView';

describe('range values', () => {
  it('shows an instant in the rule zone with its offset (fraction only when present)', () => {
    const us = BigInt(Date.UTC(2026, 11, 4, 2, 0, 0)) * 1000n;
    expect(rangeTimeText(us, '+08:00')).toBe('2026-12-04 10:00:00+08:00');
    expect(rangeTimeText(us + 1500n, 'Asia/Kolkata')).toBe('2026-12-04 07:30:00.0015+05:30');
    expect(rangeTimeText(-1n, 'UTC')).toBe('1969-12-31 23:59:59.999999+00:00');
  });

  it('prints exact columns unquoted and escapes text cells', () => {
    const columns = [
      { name: 'n', type: 'BIGINT', exact: true },
      { name: 's', type: 'VARCHAR', exact: false },
      { name: 'd', type: 'DECIMAL(4,2)', exact: true },
    ];
    expect(rangeRowJson(columns, ['-9223372036854775808', '12', '1.50'])).toBe('{"n":-9223372036854775808,"s":"12","d":1.50}\n');
    expect(rangeRowJson(columns, [null, null, null])).toBe('{"n":null,"s":null,"d":null}\n');
    expect(rangeCellText('a\tb\nc\\')).toBe('a\\tb\\nc\\\\');
    expect(rangeCellText({ k: [1] })).toBe('{"k":[1]}');
  });

  it('maps rule zones to ICU zones DuckDB knows (Etc/GMT signs inverted)', () => {
    expect(['+08:00', '-03:00', '+00:00', '+05:30', 'Asia/Shanghai', '+05:17'].map(rangeDuckTimeZone)).toEqual([
      'Etc/GMT-8',
      'Etc/GMT+3',
      'UTC',
      'Asia/Kolkata',
      'Asia/Shanghai',
      null,
    ]);
    expect([sqlString("it's"), sqlIdent('a"b')]).toEqual(["'it''s'", '"a""b"']);
  });
});
