/** What main pushes to the UI, named `onX` (VS Code convention). */

/** Main → renderer pushes: event name → payload. */
export interface ApiEvents {
  /** `bytes`: bytes written so far, for jobs whose `done`/`total` count objects (decompress.objects). */
  onJobProgress: { jobId: string; phase: string; done: number; total: number | null; bytes?: number };
}
