/**
 * Gap timeline (placeholder until gapsCompute lands).
 */
/** Gap timeline panel. */
export function GapTimeline() {
  return null;
}
