/** One running job's progress events, for a component that shows its own progress bar. */
import { useEffect, useState } from 'react';
import { apiOn } from './client';

export type JobProgress = { done: number; total: number | null; phase: string };

/** The latest progress of `jobId`; null before the first event and whenever the job changes. */
export function useJobProgress(jobId: string | null): JobProgress | null {
  const [progress, setProgress] = useState<JobProgress | null>(null);
  useEffect(() => {
    setProgress(null);
    if (!jobId) return undefined;
    return apiOn('onJobProgress', (p) => {
      if (p.jobId === jobId) setProgress({ done: p.done, total: p.total, phase: p.phase });
    });
  }, [jobId]);
  return progress;
}
