import { describe, expect, it } from 'vitest';
import { queryTimeMs, rangeArg, rangeFormDefault } from '../../../../renderer/state/rangeForm';

describe('queryTimeMs', () => {
  it('reads a typed wall time in a fixed offset, UTC or an IANA zone', () => {
    const ms = Date.parse('2026-11-24T10:00:00+08:00');
    expect([queryTimeMs('2026-11-24T10:00', '+08:00'), queryTimeMs('2026-11-24T02:00', 'UTC')]).toEqual([ms, ms]);
    expect(queryTimeMs('2026-11-24T10:00', 'Asia/Shanghai')).toBe(ms);
    expect(queryTimeMs('2026-07-01T06:00', 'America/New_York')).toBe(Date.parse('2026-07-01T06:00:00-04:00'));
  });

  it('is NaN for an empty or unreadable time', () => {
    expect(queryTimeMs('', '+08:00')).toBeNaN();
    expect(queryTimeMs('tomorrow', '+08:00')).toBeNaN();
  });
});

describe('rangeArg', () => {
  it('sends the typed rule unless rule JSON is pasted', () => {
    const from = Date.parse('2026-11-24T10:00:00+08:00');
    expect(rangeArg(rangeFormDefault)).toEqual({
      prefix: 'nginx-access-json',
      from,
      to: from + 3_600_000,
      rule: { partitionFormat: '%Y/%m/%d/%H/%M', format: 'json', compression: 'none', timeZone: rangeFormDefault.timeZone },
    });
    expect(rangeArg({ ...rangeFormDefault, ruleText: '{"x":1}' })).toEqual({
      prefix: 'nginx-access-json',
      from,
      to: from + 3_600_000,
      ruleText: '{"x":1}',
    });
  });
});
