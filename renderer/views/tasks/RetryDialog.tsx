/**
 * Confirm a retry (one task, the selected, or all failed), then show the result of each task.
 */
import { useShallow } from 'zustand/react/shallow';
import { Dialog } from '../../components/Dialog';
import { ErrorBox } from '../../components/ErrorBox';
import { slsErrorApp } from './slsErrorApp';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';

/** The retry confirmation / result dialog (shown while `retryAsk` is set). */
export function RetryDialog() {
  const t = useT();
  const s = useStore(
    useShallow((st) => ({
      ask: st.retryAsk,
      askSet: st.retryAskSet,
      run: st.retryRun,
      pending: st.retryPending,
      results: st.retryResults,
      error: st.retryError,
      list: st.taskList,
    })),
  );
  if (!s.ask) return null;
  const failedCount = s.list?.tasks.filter((task) => task.status === 'fail').length ?? 0;
  const question = 'ids' in s.ask ? t('tasks.retryAskIds', { n: s.ask.ids.length }) : t('tasks.retryAskAll', { n: failedCount });
  const close = () => s.askSet(null);
  return (
    <Dialog titleId="retry-title" testId="retry-dialog" onClose={s.pending ? null : close}>
      <h2 id="retry-title">{t('tasks.retryTitle')}</h2>
      {!s.results && <p>{question}</p>}
      {!s.results && <p className="muted small">{t('tasks.retryNote')}</p>}
      {s.error && <ErrorBox error={slsErrorApp(s.error, t)} />}
      {s.results && (
        <>
          <p data-testid="retry-summary">
            {t('tasks.retryDone', { ok: s.results.filter((r) => r.ok).length, failed: s.results.filter((r) => !r.ok).length })}
          </p>
          <ul className="small mono retry-results" data-testid="retry-results">
            {s.results.map((result) => (
              <li key={result.id} data-ok={result.ok}>
                <span className={result.ok ? 'ok' : 'danger'}>{result.ok ? '✓' : '✗'}</span> {result.id}
                {result.error && <ErrorBox error={result.error} />}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="dialog-actions">
        {!s.results && (
          <button type="button" className="primary" disabled={s.pending} onClick={() => void s.run()} data-testid="retry-confirm">
            {s.pending ? t('common.loading') : t('tasks.retry')}
          </button>
        )}
        <button type="button" disabled={s.pending} onClick={close} data-testid="retry-close">
          {s.results ? t('common.close') : t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
