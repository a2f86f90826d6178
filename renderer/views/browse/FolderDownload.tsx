/**
 * Download every object listed (a partition folder, or all below it with "All objects below")
 * into the output folder, one at a time, with progress and Stop; files already there are
 * kept and counted, never replaced (issue 18 feature 5).
 */
import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { apiCall, apiCancel, apiJobId } from '../../api/client';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { ErrorBox } from '../../components/ErrorBox';
import { ProgressBar } from '../../components/ProgressBar';
import { downloadListed } from './downloadListed';
import type { ListedOutcome } from './downloadListed';

/** The "Download listed objects" button with its progress and summary. */
export function FolderDownload() {
  const t = useT();
  const s = useStore(useShallow((st) => ({ objects: st.objects, listing: st.listing, prefix: st.prefix })));
  const [done, setDone] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<ListedOutcome | null>(null);
  const stop = useRef<{ stopped: boolean; jobId: string | null }>({ stopped: false, jobId: null });
  const keys = s.objects.map((o) => o.key);
  async function run() {
    stop.current = { stopped: false, jobId: null };
    setOutcome(null);
    setDone(0);
    const result = await downloadListed(keys, {
      download: (key) => {
        const jobId = apiJobId('download');
        stop.current.jobId = jobId;
        return apiCall('object.download', { key, jobId });
      },
      stopped: () => stop.current.stopped,
      progress: setDone,
    });
    setDone(null);
    setOutcome(result);
  }
  if (keys.length === 0 && !outcome) return null;
  return (
    <div className="stack" data-testid="folder-download">
      <div className="row">
        <button
          type="button"
          disabled={s.listing || done !== null || keys.length === 0}
          onClick={() => void run()}
          data-testid="download-listed"
        >
          {t('browse.downloadListed', { n: keys.length.toLocaleString() })}
        </button>
        {outcome && (
          <span className="small" role="status" data-testid="download-listed-done">
            {t('browse.downloadListedDone', { saved: outcome.saved, kept: outcome.kept, failed: outcome.failed, dir: outcome.dir || '—' })}
          </span>
        )}
      </div>
      {done !== null && (
        <ProgressBar
          done={done}
          total={keys.length}
          unit="rows"
          label={t('browse.downloadingListed')}
          onCancel={() => {
            stop.current.stopped = true;
            if (stop.current.jobId) void apiCancel(stop.current.jobId);
          }}
        />
      )}
      {outcome?.firstError && <ErrorBox error={outcome.firstError} />}
    </div>
  );
}
