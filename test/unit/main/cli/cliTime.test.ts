import { describe, expect, it } from 'vitest';
import { cliTimeMs, cliTimeNs, cliZoneCheck } from '../../../../main/cli/cliTime';

const now = Date.UTC(2026, 10, 25, 12, 0, 0);

describe('cliTimeNs', () => {
  it.each([
    ['1484913043351525351', '+08:00', 1484913043351525351n],
    ['2017-01-20T19:50:43.351525351+08:00', 'UTC', 1484913043351525351n],
    ['2017-01-20T19:50:43+08:00', 'UTC', 1484913043000000000n],
    ['2017-01-20 19:50:43', '+08:00', 1484913043000000000n],
    ['2017-01-20T11:50:43Z', '+08:00', 1484913043000000000n],
    ['2017-01-20T19:50:43', 'Asia/Shanghai', 1484913043000000000n],
    ['2017-01-20', '+08:00', 1484841600000000000n],
    ['1484913043', '+08:00', 1484913043000000000n],
    ['1484913043351', '+08:00', 1484913043351000000n],
    ['now', '+08:00', BigInt(now) * 1_000_000n],
    ['-2d', '+08:00', BigInt(now - 2 * 86_400_000) * 1_000_000n],
  ])('%s in %s', (text, zone, expected) => {
    expect(cliTimeNs(text, zone, now)).toBe(expected);
  });

  it('refuses non-times and impossible dates with TIME_INVALID', () => {
    for (const text of ['soon', '2017-02-30T00:00:00', '2017-01-20T25:00:00']) {
      expect(() => cliTimeNs(text, '+08:00', now)).toThrow(expect.objectContaining({ code: 'TIME_INVALID' }));
    }
  });

  it('cliTimeMs rounds down to the millisecond', () => {
    expect(cliTimeMs('1484913043351525351', 'UTC', now)).toBe(1484913043351);
  });
});

describe('cliZoneCheck', () => {
  it('accepts offsets and IANA names, refuses others', () => {
    expect(cliZoneCheck('+08:00')).toBe('+08:00');
    expect(cliZoneCheck('Asia/Shanghai')).toBe('Asia/Shanghai');
    expect(() => cliZoneCheck('Mars/Olympus')).toThrow(expect.objectContaining({ code: 'TIME_ZONE_INVALID' }));
  });
});
