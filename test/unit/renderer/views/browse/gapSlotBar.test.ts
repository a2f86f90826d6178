import { describe, expect, it } from 'vitest';
import { gapSlotBar } from '../../../../../renderer/views/browse/gapSlotBar';

describe('gapSlotBar', () => {
  it('places a slot by its start within the span and keeps a gap after a wide bar', () => {
    // 10 slots of 100 ms over 300 units: each 30 wide, drawn 29.
    expect(gapSlotBar({ start: 1200, end: 1300 }, 1000, 1000, 300)).toEqual({ x: 60, w: 29 });
  });

  it('lets narrow slots touch (widened by half a unit) instead of leaving sub-pixel gaps', () => {
    // 100 slots over 300 units: each 3 wide, drawn 3.5.
    expect(gapSlotBar({ start: 1030, end: 1040 }, 1000, 1000, 300)).toEqual({ x: 9, w: 3.5 });
  });
});
