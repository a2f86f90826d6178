import { describe, expect, it } from 'vitest';
import { bytesFormat, instantFormat, instantParse } from '../../../../renderer/util/format';

describe('instantFormat', () => {
  it('renders the SPEC §1 task time in UTC+8 and UTC', () => {
    expect(instantFormat(1484913043351, '+08:00')).toBe('2017-01-20 19:50:43');
    expect(instantFormat(1484913043351, 'UTC')).toBe('2017-01-20 11:50:43');
    expect(instantFormat(1484913043351, 'Asia/Shanghai')).toBe('2017-01-20 19:50:43');
  });

  it('reads every offset spelling core reads, and shows an unknown zone as ISO 8601 UTC', () => {
    expect(instantFormat(1484913043351, '-05:30')).toBe('2017-01-20 06:20:43');
    expect(instantFormat(1484913043351, 'UTC+8')).toBe('2017-01-20 19:50:43');
    expect(instantFormat(1484913043351, 'Mars/Olympus')).toBe('2017-01-20T11:50:43.351Z');
    expect(instantFormat(Number.NaN, '+08:00')).toBe('');
  });
});

describe('instantParse', () => {
  it('reads a wall-clock time in a fixed offset or IANA zone', () => {
    expect(instantParse('2017-01-20 19:50:43', '+08:00')).toBe(1484913043000);
    expect(instantParse('2017-01-20T11:50:43', 'UTC')).toBe(1484913043000);
    expect(instantParse('2017-01-20 19:50:43', 'Asia/Shanghai')).toBe(1484913043000);
    expect(instantParse('yesterday', '+08:00')).toBeNull();
    expect(instantParse('2017-01-20 19:50', 'Mars/Olympus')).toBeNull();
  });

  it('reads an IANA wall time across a DST switch with the offset in force then', () => {
    expect(instantParse('2026-03-07 12:00', 'America/New_York')).toBe(Date.parse('2026-03-07T12:00:00-05:00'));
    expect(instantParse('2026-03-09 12:00', 'America/New_York')).toBe(Date.parse('2026-03-09T12:00:00-04:00'));
  });
});

describe('bytesFormat', () => {
  it('uses binary units', () => {
    expect([bytesFormat(0), bytesFormat(1536), bytesFormat(25_223_660)]).toEqual(['0 B', '1.5 KB', '24 MB']);
  });
});
