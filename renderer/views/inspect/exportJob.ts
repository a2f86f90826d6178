/**
 * One export run of the dialog: table.export with a job id (progress, cancel), and what came of
 * it — the file, an existing file to overwrite or not, or an error.
 */
import { useEffect, useState } from 'react';
import type { ApiEvents, ApiInput, TableInfo } from '../../../main/api/contract';
import type { ErrorInfo } from '../../../core/errors';
import { apiCall, apiJobId, apiOn } from '../../api/client';

/** What the dialog chose: everything table.export takes but the table and the job. */
export type ExportChoice = Omit<ApiInput<'table.export'>, 'tableId' | 'jobId' | 'overwrite'>;

/** The export job's state and `start(overwrite)`. */
export function useExportJob(table: TableInfo, choice: () => ExportChoice) {
  const [jobId, setJobId] = useState<string | null>(null);
  const [progress, setProgress] = useState<ApiEvents['onJobProgress'] | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [exists, setExists] = useState(false);
  const [done, setDone] = useState<{ path: string; rows: number } | null>(null);

  useEffect(() => apiOn('onJobProgress', (p) => p.jobId === jobId && setProgress(p)), [jobId]);

  async function start(overwrite: boolean) {
    const id = apiJobId('export');
    setJobId(id);
    setError(null);
    setExists(false);
    setDone(null);
    setProgress(null);
    const response = await apiCall('table.export', { ...choice(), tableId: table.tableId, overwrite, jobId: id });
    setJobId(null);
    if (response.ok) setDone({ path: response.value.path, rows: response.value.rows });
    else if (response.error.code === 'FILE_EXISTS') setExists(true);
    else setError(response.error);
  }
  return { jobId, progress, error, exists, done, start };
}

export type ExportJob = ReturnType<typeof useExportJob>;
