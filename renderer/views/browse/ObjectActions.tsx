/**
 * What oss-browser users do with a selected object: copy its `oss://` URL (or local path) and
 * its key, and download it into the output folder with progress (issue 18 feature 5).
 */
import { useEffect, useState } from 'react';
import type { ConnectionInfo, FileResult } from '../../../main/api/contract';
import type { ErrorInfo } from '../../../core/errors';
import { apiCall, apiCancel, apiJobId, apiOn } from '../../api/client';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { ErrorBox } from '../../components/ErrorBox';
import { ProgressBar, phaseText } from '../../components/ProgressBar';

/** The object's address: `oss://bucket/key` on OSS, the file's path in a local folder. */
export function objectAddress(connection: ConnectionInfo | null, key: string): string {
  if (connection?.kind === 'oss') return `oss://${connection.bucket}/${key}`;
  return connection ? `${connection.label.replace(/[\\/]+$/, '')}/${key}` : key;
}

type Progress = { done: number; total: number | null; phase: string };

function useJobProgress(jobId: string | null): Progress | null {
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(() => {
    setProgress(null);
    if (!jobId) return undefined;
    return apiOn('onJobProgress', (p) => {
      if (p.jobId === jobId) setProgress({ done: p.done, total: p.total, phase: p.phase });
    });
  }, [jobId]);
  return progress;
}

/** Copy and download buttons for one object key. */
export function ObjectActions({ objectKey }: { objectKey: string }) {
  const t = useT();
  const connection = useStore((st) => st.connection);
  const [copied, setCopied] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [saved, setSaved] = useState<FileResult | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const progress = useJobProgress(jobId);
  useEffect(() => {
    setSaved(null);
    setError(null);
    setCopied(null);
  }, [objectKey]);
  const copy = (what: string, text: string) => {
    void navigator.clipboard?.writeText(text).then(
      () => setCopied(what),
      () => setError({ code: 'ACCESS_DENIED', message: t('browse.copyRefused'), hint: text }),
    );
  };
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
  return (
    <div className="stack" data-testid="object-actions">
      <div className="row">
        <button type="button" onClick={() => copy('url', objectAddress(connection, objectKey))} data-testid="copy-url">
          {connection?.kind === 'oss' ? t('browse.copyUrl') : t('browse.copyPath')}
        </button>
        <button type="button" onClick={() => copy('key', objectKey)} data-testid="copy-key">
          {t('browse.copyKey')}
        </button>
        <button type="button" disabled={jobId !== null} onClick={() => void download(false)} data-testid="download-object">
          {t('browse.download')}
        </button>
        {copied && (
          <span className="muted small" role="status">
            {t('common.copied')}
          </span>
        )}
      </div>
      {jobId && (
        <ProgressBar
          done={progress?.done ?? null}
          total={progress?.total ?? null}
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
    </div>
  );
}
