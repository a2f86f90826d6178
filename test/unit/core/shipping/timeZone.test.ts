import { describe, expect, it } from 'vitest';
import { timeZoneFields, timeZoneFixedOffsetMinutes, timeZoneShiftedFields } from '../../../../core/shipping/timeZone';

describe('timeZoneShiftedFields', () => {
  it('reads a shifted instant as UTC calendar fields', () => {
    expect(timeZoneShiftedFields(new Date(Date.UTC(2026, 10, 23, 1, 2, 3, 999)))).toEqual({ Y: 2026, m: 11, d: 23, H: 1, M: 2, s: 3 });
  });

  it('is what timeZoneFields gives once the offset is added (+08:00 across midnight)', () => {
    const ms = Date.UTC(2026, 10, 22, 16, 30, 0);
    expect(timeZoneFields(ms, '+08:00')).toEqual(timeZoneShiftedFields(new Date(ms + 8 * 3_600_000)));
    expect(timeZoneFields(ms, '+08:00')).toMatchObject({ d: 23, H: 0, M: 30 });
  });
});

describe('timeZoneFixedOffsetMinutes', () => {
  it('parses offsets and rejects names', () => {
    expect([
      timeZoneFixedOffsetMinutes('+08:00'),
      timeZoneFixedOffsetMinutes('-05:30'),
      timeZoneFixedOffsetMinutes('UTC'),
      timeZoneFixedOffsetMinutes('Asia/Shanghai'),
    ]).toEqual([480, -330, 0, null]);
  });
});
