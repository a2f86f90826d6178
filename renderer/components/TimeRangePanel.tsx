/**
 * Log-time range picker: which partitions to read for a log-time range (placeholder until the planner lands).
 */
/** Time range planner panel. */
export function TimeRangePanel() {
  return null;
}
