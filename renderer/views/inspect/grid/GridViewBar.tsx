/**
 * Under the toolbar: go to row N, and the whole-object view's state — busy (with the engine's
 * progress and cancel), how many rows match, or why a row or the view is not there, in the UI
 * language (the engine's own text stays out of it).
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ErrorBox } from '../../../components/ErrorBox';
import { JobProgress } from '../../../components/JobProgress';
import { useT } from '../../../i18n';
import type { Translate } from '../../../i18n';
import { useStore } from '../../../state/store';
import type { GridProblem } from '../gridViewSlice';

/** A problem of the view as a line (or an error box) in the UI language. */
function ProblemLine({ problem, t }: { problem: GridProblem; t: Translate }) {
  if (problem.kind === 'failed') {
    const error = { code: problem.error.code, message: t('grid.failed'), hint: t('grid.failedHint') };
    return <ErrorBox error={error} />;
  }
  const text =
    problem.kind === 'cancelled'
      ? t('grid.cancelled')
      : problem.kind === 'rowMissing'
        ? t('grid.rowMissing', { row: problem.row.toLocaleString() })
        : problem.total === null
          ? t('grid.rowOutsideUnknown', { row: problem.row.toLocaleString() })
          : t('grid.rowOutside', { row: problem.row.toLocaleString(), total: problem.total.toLocaleString() });
  return (
    <span className="small warn" role="status" data-testid="grid-problem" data-kind={problem.kind}>
      {text}
    </span>
  );
}

/** The go-to-row field: a row number as the grid numbers rows (1-based, file order). */
function GoToRow({ onGo }: { onGo: (row: number) => void }) {
  const t = useT();
  const [text, setText] = useState('');
  const row = Number(text);
  const valid = /^\d+$/.test(text.trim()) && row >= 1;
  return (
    <form className="row small" onSubmit={(e) => (e.preventDefault(), valid && onGo(row))}>
      <input
        type="text"
        inputMode="numeric"
        className="mono"
        size={9}
        aria-label={t('grid.goTo')}
        placeholder={t('grid.goTo')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        data-testid="grid-goto-row"
      />
      <button type="submit" disabled={!valid} data-testid="grid-goto">
        {t('grid.goToButton')}
      </button>
    </form>
  );
}

/** The view bar. */
export function GridViewBar() {
  const t = useT();
  const s = useStore(
    useShallow((st) => ({
      view: st.gridView,
      pending: st.gridPending,
      progress: st.gridProgress,
      problem: st.gridProblem,
      goTo: st.gridGoTo,
      cancel: st.gridCancel,
    })),
  );
  return (
    <div className="row grid-view-bar" aria-busy={s.pending} data-testid="grid-view-bar">
      <GoToRow onGo={(row) => void s.goTo(row)} />
      {s.pending && (
        <JobProgress progress={s.progress} unit="rows" label={s.progress ? t('grid.indexing') : t('grid.busy')} onCancel={s.cancel} />
      )}
      {!s.pending && s.view && (
        <span className="muted small" data-testid="grid-count" data-rows={s.view.numRows} title={t('inspect.sortNote')}>
          {t('grid.count', { n: s.view.numRows.toLocaleString(), total: s.view.totalRows.toLocaleString() })}
        </span>
      )}
      {s.problem && <ProblemLine problem={s.problem} t={t} />}
    </div>
  );
}
