/** Below the object actions: the download's progress, where it was saved, the error and "Replace". */
import { apiCancel } from '../../api/client';
import { useJobProgress } from '../../api/useJobProgress';
import { useT } from '../../i18n';
import { ErrorBox } from '../../components/ErrorBox';
import { JobProgress } from '../../components/JobProgress';
import { phaseText } from '../../components/ProgressBar';
import type { ObjectDownload } from './useObjectDownload';

/** The status rows of one object's download (a fragment: its parent lays them out). */
export function ObjectDownloadStatus({ jobId, saved, error, download }: ObjectDownload) {
  const t = useT();
  const progress = useJobProgress(jobId);
  return (
    <>
      {jobId && (
        <JobProgress
          progress={progress}
          label={phaseText(t, progress?.phase) ?? t('phase.download')}
          onCancel={() => void apiCancel(jobId)}
        />
      )}
      {saved && (
        <div className="small" role="status" data-testid="download-done">
          {t('browse.downloaded', { path: saved.path, bytes: saved.bytes.toLocaleString() })}
        </div>
      )}
      {error && <ErrorBox error={error} />}
      {error?.code === 'FILE_EXISTS' && (
        <button type="button" onClick={() => void download(true)} data-testid="download-replace">
          {t('browse.downloadReplace')}
        </button>
      )}
    </>
  );
}
