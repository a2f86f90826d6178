import { describe, expect, it } from 'vitest';
import { timeInputParse } from '../../../../core/shipping/timeInput';

describe('timeInputParse', () => {
  it.each([
    ['1484913043351525351', '+08:00', 1484913043351, 1484913043351525351n],
    ['1484913043351', '+08:00', 1484913043351, 1484913043351000000n],
    ['1484913043', '+08:00', 1484913043000, 1484913043000000000n],
    ['2017-01-20T19:50:43+08:00', 'UTC', 1484913043000, 1484913043000000000n],
    ['2017-01-20T11:50:43.351Z', '+08:00', 1484913043351, 1484913043351000000n],
    ['2017-01-20 19:50:43', '+08:00', 1484913043000, 1484913043000000000n],
    ['2017-01-20T19:50:43.351525351', '+08:00', 1484913043351, 1484913043351525351n],
    ['2017-01-20 19:50', 'Asia/Shanghai', 1484913000000, 1484913000000000000n],
    ['2017-01-20', 'UTC', 1484870400000, 1484870400000000000n],
  ])('reads %s in %s', (text, zone, ms, ns) => {
    expect(timeInputParse(text, zone)).toEqual({ ms, ns });
  });

  it.each(['', 'yesterday', '2017-13-01', '2017-01-20 25:00', '12345'])('refuses %j with TIME_INVALID', (text) => {
    expect(() => timeInputParse(text)).toThrow(expect.objectContaining({ code: 'TIME_INVALID' }));
  });

  it('refuses a local time in an unknown zone', () => {
    expect(() => timeInputParse('2017-01-20', 'Nowhere/Else')).toThrow(expect.objectContaining({ code: 'TIME_ZONE_INVALID' }));
  });
});
