import { describe, expect, it } from 'vitest';
import { epochColumn, epochText, epochUnit } from '../../../../renderer/util/epochTime';

describe('epoch columns', () => {
  it('formats seconds and milliseconds in the chosen zone', () => {
    expect(epochText('1484913043', 'Asia/Shanghai')).toBe('2017-01-20 19:50:43');
    expect(epochText(1484913043, 'UTC')).toBe('2017-01-20 11:50:43');
    expect(epochText('1484913043351', 'UTC')).toBe('2017-01-20 11:50:43.351');
    expect(epochText('1484913043', '+08:00')).toBe('2017-01-20 19:50:43');
    expect(epochText('1484913043', '-05:30')).toBe('2017-01-20 06:20:43');
    expect(epochText('12', 'UTC')).toBeNull();
    expect(epochText(null, 'UTC')).toBeNull();
    expect(epochText('1484913043', 'Bogus/Zone')).toBeNull();
  });

  it('finds __time__ always and time-named columns holding epochs', () => {
    expect(epochUnit(1484913043)).toBe('s');
    expect(epochUnit(1484913043.5)).toBeNull();
    expect(epochColumn('__time__', [], 0)).toBe(true);
    expect(epochColumn('request_time', [['1484913043'], [null]], 0)).toBe(true);
    expect(epochColumn('request_time', [['0.012']], 0)).toBe(false);
    expect(epochColumn('size', [['1484913043']], 0)).toBe(false);
  });
});
