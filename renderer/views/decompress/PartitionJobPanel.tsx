/**
 * The partition job, wherever it was started (Browse or the Decompress view): progress in
 * objects and bytes with Cancel, then the summary, the per-object list, and "Overwrite the N
 * existing files…" behind a confirmation (outputs are never replaced without consent).
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ObjectDecompressOutcome } from '../../../main/api/contract';
import { ErrorBox } from '../../components/ErrorBox';
import { JobProgress } from '../../components/JobProgress';
import { useT } from '../../i18n';
import type { MessageKey, Translate } from '../../i18n';
import { useStore } from '../../state/store';
import { bytesFormat } from '../../util/format';
import { ConfirmOverwrite } from './ConfirmOverwrite';
import type { PartitionJob } from './partitionSlice';
import { partitionExistingKeys } from './partitionResult';

/** Rows listed at most (the counts above cover them all). */
const shownMax = 500;

function outcomeText(t: Translate, outcome: ObjectDecompressOutcome): string {
  if (outcome.status === 'skipped') return t(`partition.reason.${outcome.reason ?? 'exists'}` as MessageKey);
  return t(`partition.status.${outcome.status}` as MessageKey);
}

function OutcomeRow({ outcome, prefix }: { outcome: ObjectDecompressOutcome; prefix: string }) {
  const t = useT();
  const detail = outcome.status === 'ok' ? `${outcome.path ?? ''} (${bytesFormat(outcome.bytes ?? 0)})` : outcome.error?.message;
  return (
    <li data-testid="partition-result" data-status={outcome.status} data-reason={outcome.reason}>
      <span className="mono">{outcome.key.slice(prefix.length)}</span>{' '}
      <span className={`badge ${outcome.status === 'ok' ? 'done' : outcome.status === 'failed' ? 'error' : 'exists'}`}>
        {outcomeText(t, outcome)}
      </span>{' '}
      {detail && <span className="muted small mono">{detail}</span>}
    </li>
  );
}

/** Objects done (of a total unknown while listing) and the bytes written so far. */
function PartitionProgress({ job, onCancel }: { job: PartitionJob; onCancel: () => void }) {
  const t = useT();
  const p = job.progress;
  const listing = !p || p.phase === 'list';
  return (
    <div data-testid="partition-progress">
      <JobProgress
        progress={p && { done: p.done, total: listing ? null : p.total }}
        unit="rows"
        label={t(listing ? 'partition.listing' : 'partition.decoding')}
        onCancel={onCancel}
      />
      {!listing && (
        <span className="muted small" data-testid="partition-bytes">
          {t('partition.written', { bytes: bytesFormat(p?.bytes ?? 0) })}
        </span>
      )}
    </div>
  );
}

function JobResult({ job, compact }: { job: PartitionJob; compact: boolean }) {
  const t = useT();
  const result = job.result;
  if (!result) return null;
  const shown = result.results.slice(0, shownMax);
  return (
    <>
      <div role="status" className="small" data-testid="partition-summary">
        {t('partition.summary', {
          decoded: result.decoded,
          bytes: bytesFormat(result.bytes),
          skipped: result.skipped,
          failed: result.failed,
          dir: result.outDir,
        })}
        {result.cancelled && <div className="warn">{t('partition.stopped')}</div>}
      </div>
      {/* Closed in Browse, where the listing needs the room; a native disclosure, keyboard included. */}
      <details open={!compact}>
        <summary className="small">{t('partition.resultsCount', { n: result.results.length })}</summary>
        <ul className="partition-results small" aria-label={t('partition.results')} data-testid="partition-results">
          {shown.map((outcome) => (
            <OutcomeRow key={outcome.key} outcome={outcome} prefix={job.request.prefix} />
          ))}
          {result.results.length > shown.length && (
            <li className="muted">{t('partition.more', { n: result.results.length - shown.length })}</li>
          )}
        </ul>
      </details>
    </>
  );
}

/** The current partition job, or nothing when none ran; `compact`: the object list starts closed. */
export function PartitionJobPanel({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const s = useStore(
    useShallow((st) => ({
      job: st.partitionJob,
      cancel: st.partitionCancel,
      overwrite: st.partitionOverwrite,
      dismiss: st.partitionDismiss,
    })),
  );
  const [asking, setAsking] = useState(false);
  const job = s.job;
  if (!job) return null;
  const existing = job.running ? [] : partitionExistingKeys(job.result);
  return (
    <section className="stack" aria-label={t('partition.title')} data-testid="partition-job">
      <div className="row">
        <strong className="mono">{t('partition.of', { prefix: job.request.prefix || '/' })}</strong>
        <span className="spacer" />
        {!job.running && (
          <button type="button" className="link" aria-label={t('common.close')} onClick={s.dismiss} data-testid="partition-dismiss">
            ×
          </button>
        )}
      </div>
      {job.running && <PartitionProgress job={job} onCancel={s.cancel} />}
      {job.error && <ErrorBox error={job.error} />}
      <JobResult job={job} compact={compact} />
      {existing.length > 0 && (
        <button type="button" onClick={() => setAsking(true)} data-testid="partition-overwrite">
          {t('partition.overwriteExisting', { n: existing.length })}
        </button>
      )}
      {asking && (
        <ConfirmOverwrite
          question={t('partition.overwriteAsk', { n: existing.length, dir: job.result?.outDir ?? '' })}
          onAnswer={(yes) => {
            setAsking(false);
            if (yes) void s.overwrite();
          }}
        />
      )}
    </section>
  );
}
