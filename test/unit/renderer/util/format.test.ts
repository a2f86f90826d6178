import { describe, expect, it } from 'vitest';
import { bytesFormat, instantFormat, instantParse, zoneOffsetMinutes } from '../../../../renderer/util/format';

describe('instantFormat', () => {
  it('renders the SPEC §1 task time in UTC+8 and UTC', () => {
    expect(instantFormat(1484913043351, '+08:00')).toBe('2017-01-20 19:50:43');
    expect(instantFormat(1484913043351, 'UTC')).toBe('2017-01-20 11:50:43');
    expect(instantFormat(1484913043351, 'Asia/Shanghai')).toBe('2017-01-20 19:50:43');
  });
});

describe('instantParse', () => {
  it('reads a wall-clock time in a fixed offset or IANA zone', () => {
    expect(instantParse('2017-01-20 19:50:43', '+08:00')).toBe(1484913043000);
    expect(instantParse('2017-01-20T11:50:43', 'UTC')).toBe(1484913043000);
    expect(instantParse('2017-01-20 19:50:43', 'Asia/Shanghai')).toBe(1484913043000);
    expect(instantParse('yesterday', '+08:00')).toBeNull();
  });
});

describe('zoneOffsetMinutes', () => {
  it('parses offsets and rejects names', () => {
    expect([
      zoneOffsetMinutes('+08:00'),
      zoneOffsetMinutes('-05:30'),
      zoneOffsetMinutes('UTC'),
      zoneOffsetMinutes('Asia/Shanghai'),
    ]).toEqual([480, -330, 0, null]);
  });
});

describe('bytesFormat', () => {
  it('uses binary units', () => {
    expect([bytesFormat(0), bytesFormat(1536), bytesFormat(25_223_660)]).toEqual(['0 B', '1.5 KB', '24 MB']);
  });
});
