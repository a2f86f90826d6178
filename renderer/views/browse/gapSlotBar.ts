/** Where a gap slot's bar goes on the timeline chart. */
import type { GapSlot } from '../../../core/shipping';

/**
 * The bar of `slot` on a chart `chartWidth` wide spanning `span` ms from `firstStart`: its x and
 * width. Wide bars keep a 1-unit gap; narrow slots touch (a gap thinner than a pixel would drop
 * whole bars under crispEdges).
 */
export function gapSlotBar(
  slot: Pick<GapSlot, 'start' | 'end'>,
  firstStart: number,
  span: number,
  chartWidth: number,
): { x: number; w: number } {
  const x = ((slot.start - firstStart) / span) * chartWidth;
  const slotWidth = ((slot.end - slot.start) / span) * chartWidth;
  return { x, w: slotWidth > 4 ? slotWidth - 1 : slotWidth + 0.5 };
}
