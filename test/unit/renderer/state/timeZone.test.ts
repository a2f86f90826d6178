import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../../main/model';
import { timeZoneDefault, timeZoneOf } from '../../../../renderer/state/settingsSlice';

describe('time-zone selector', () => {
  it('is the default (+08:00) until settings are loaded', () => {
    expect(timeZoneDefault).toBe('+08:00');
    expect(timeZoneOf({ settings: null })).toBe('+08:00');
  });

  it('is the zone the settings name once loaded', () => {
    const settings = { timeZone: 'UTC' } as Settings;
    expect(timeZoneOf({ settings })).toBe('UTC');
  });
});
