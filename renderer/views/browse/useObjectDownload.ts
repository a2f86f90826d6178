/** Download one object into the output folder: the running job, the saved file or the error. */
import { useEffect, useState } from 'react';
import type { ErrorInfo } from '../../../core/errors';
import type { FileResult } from '../../../main/api/contract';
import { apiCall, apiJobId } from '../../api/client';

export interface ObjectDownload {
  /** The running download's job (progress and Stop); null when none runs. */
  jobId: string | null;
  saved: FileResult | null;
  /** The download's error, or a copy refused by the clipboard (the actions share one error box). */
  error: ErrorInfo | null;
  setError: (error: ErrorInfo | null) => void;
  download: (overwrite: boolean) => Promise<void>;
}

/** The download state of `objectKey`; outcome and error are cleared when the key changes. */
export function useObjectDownload(objectKey: string): ObjectDownload {
  const [jobId, setJobId] = useState<string | null>(null);
  const [saved, setSaved] = useState<FileResult | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  useEffect(() => {
    setSaved(null);
    setError(null);
  }, [objectKey]);
  async function download(overwrite: boolean) {
    const id = apiJobId('download');
    setJobId(id);
    setSaved(null);
    setError(null);
    const response = await apiCall('object.download', { key: objectKey, overwrite, jobId: id });
    setJobId(null);
    if (response.ok) setSaved(response.value);
    else setError(response.error);
  }
  return { jobId, saved, error, setError, download };
}
