/** What main pushes to the UI, named `onX` (VS Code convention). */

/** Main → renderer pushes: event name → payload. */
export interface ApiEvents {
  onJobProgress: { jobId: string; phase: string; done: number; total: number | null };
}
