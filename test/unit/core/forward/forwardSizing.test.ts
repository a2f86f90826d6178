import { describe, expect, it } from 'vitest';
import { forwardSizing } from '../../../../core/forward/forwardSizing';

const TiB = 1024 ** 4;

describe('forwardSizing', () => {
  it('1 TiB a day: 12.14 MiB/s raw, 2 consumers, 20.36 Mbit/s compressed at 5:1', () => {
    const s = forwardSizing(TiB, 1);
    expect(s.rawBytesPerSec).toBe(TiB / 86_400);
    expect(s.consumersNeeded).toBe(2);
    expect(s.capacityBytesPerSec).toBe(10 * 1024 * 1024);
    expect(s.bandwidthBitsPerSec).toBe((TiB / 86_400 / 5) * 8);
    expect(s.enough).toBe(false);
    expect(forwardSizing(TiB, 2).enough).toBe(true);
  });

  it('exactly 10 MiB/s needs one consumer; nothing still needs one; negative input is zero', () => {
    expect(forwardSizing(10 * 1024 * 1024 * 86_400, 1)).toMatchObject({ consumersNeeded: 1, enough: true });
    expect(forwardSizing(0, 0)).toEqual({
      rawBytesPerSec: 0,
      consumersNeeded: 1,
      capacityBytesPerSec: 0,
      bandwidthBitsPerSec: 0,
      enough: true,
    });
    expect(forwardSizing(-5, -1).capacityBytesPerSec).toBe(0);
  });
});
