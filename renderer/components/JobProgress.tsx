/**
 * A running job's progress row: what main last reported (or nothing yet) as a ProgressBar with its
 * label and Cancel — the one way the views show a job they started (tasks, table, query, grid index).
 */
import type { Progress } from '../state/progress';
import { ProgressBar } from './ProgressBar';

interface JobProgressProps {
  /** The last report, or null/undefined before the first one (an indeterminate bar, no number). */
  progress: Pick<Progress, 'done' | 'total'> | null | undefined;
  label?: string;
  unit?: 'bytes' | 'rows';
  onCancel?: () => void;
}

/** The progress bar of a job. */
export function JobProgress({ progress, label, unit, onCancel }: JobProgressProps) {
  return <ProgressBar done={progress?.done ?? null} total={progress?.total ?? null} label={label} unit={unit} onCancel={onCancel} />;
}
