/**
 * What oss-browser users do with a selected object: copy its `oss://` URL (or local path) and
 * its key, and download it into the output folder with progress (issue 18 feature 5).
 */
import { useEffect, useState } from 'react';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { objectAddress } from './objectAddress';
import { ObjectDownloadStatus } from './ObjectDownloadStatus';
import { useObjectDownload } from './useObjectDownload';

/** Copy and download buttons for one object key. */
export function ObjectActions({ objectKey }: { objectKey: string }) {
  const t = useT();
  const connection = useStore((st) => st.connection);
  const [copied, setCopied] = useState<string | null>(null);
  const objectDownload = useObjectDownload(objectKey);
  const { setError, download } = objectDownload;
  useEffect(() => setCopied(null), [objectKey]);
  const copy = (what: string, text: string) => {
    void navigator.clipboard?.writeText(text).then(
      () => setCopied(what),
      () => setError({ code: 'ACCESS_DENIED', message: t('browse.copyRefused'), hint: text }),
    );
  };
  return (
    <div className="stack" data-testid="object-actions">
      <div className="row">
        <button type="button" onClick={() => copy('url', objectAddress(connection, objectKey))} data-testid="copy-url">
          {connection?.kind === 'oss' ? t('browse.copyUrl') : t('browse.copyPath')}
        </button>
        <button type="button" onClick={() => copy('key', objectKey)} data-testid="copy-key">
          {t('browse.copyKey')}
        </button>
        <button type="button" disabled={objectDownload.jobId !== null} onClick={() => void download(false)} data-testid="download-object">
          {t('browse.download')}
        </button>
        {copied && (
          <span className="muted small" role="status">
            {t('common.copied')}
          </span>
        )}
      </div>
      <ObjectDownloadStatus {...objectDownload} />
    </div>
  );
}
