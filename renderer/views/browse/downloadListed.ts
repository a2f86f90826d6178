/**
 * Download a list of objects one at a time and count what happened: saved, kept (a file of that
 * name was already there: never replaced) and failed, with the first error and the folder written to.
 */
import type { ErrorInfo } from '../../../core/errors';
import type { ApiResponse, FileResult } from '../../../main/api/contract';

export interface ListedOutcome {
  saved: number;
  kept: number;
  failed: number;
  /** The folder the last saved file went to; '' when none was saved. */
  dir: string;
  firstError: ErrorInfo | null;
}

export interface ListedSteps {
  /** Download one key (the caller owns the job id, for Stop). */
  download: (key: string) => Promise<ApiResponse<FileResult>>;
  /** True once the user pressed Stop: no further key starts. */
  stopped: () => boolean;
  /** How many keys are done so far. */
  progress: (done: number) => void;
}

/** The folder part of a saved file's path (either separator). */
export function folderOf(path: string): string {
  return path.slice(0, Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')));
}

/** Run the downloads in order until done or stopped. */
export async function downloadListed(keys: readonly string[], steps: ListedSteps): Promise<ListedOutcome> {
  const result: ListedOutcome = { saved: 0, kept: 0, failed: 0, dir: '', firstError: null };
  for (const [i, key] of keys.entries()) {
    if (steps.stopped()) break;
    const response = await steps.download(key);
    if (response.ok) {
      result.saved += 1;
      result.dir = folderOf(response.value.path);
    } else if (response.error.code === 'FILE_EXISTS') result.kept += 1;
    else {
      result.failed += 1;
      result.firstError ??= response.error;
    }
    steps.progress(i + 1);
  }
  return result;
}
