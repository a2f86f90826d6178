/**
 * Tasks: a rule's shipping tasks over a time range (default: the last two days), statistics,
 * status filter, retry; the imported rule also drives Browse and its gap timeline.
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ErrorBox } from '../../components/ErrorBox';
import type { SlsTaskList } from '../../../main/api/contract';
import { JobProgress } from '../../components/JobProgress';
import { LabelledSelect } from '../../components/LabelledSelect';
import type { SelectOption } from '../../components/LabelledSelect';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import type { TaskStatusFilter } from './tasksState';
import { instantFormat, instantParse } from '../../util/format';
import { RetryDialog } from './RetryDialog';
import { TaskTable } from './TaskTable';
import { TaskTargetPanel } from './TaskTargetPanel';
import { slsErrorApp } from './slsErrorApp';
import { timeZoneOf } from '../../state/settingsSlice';

const twoDaysMs = 2 * 24 * 3600 * 1000;

function RangeBar() {
  const t = useT();
  const s = useStore(useShallow((st) => ({ from: st.tasksFrom, to: st.tasksTo, rangeSet: st.tasksRangeSet, zone: timeZoneOf(st) })));
  const [fromText, setFromText] = useState<string | null>(null);
  const [toText, setToText] = useState<string | null>(null);
  const shown = (text: string | null, ms: number) => text ?? instantFormat(ms, s.zone).slice(0, 16);
  const commit = (which: 'from' | 'to', text: string) => {
    const ms = instantParse(text, s.zone);
    if (ms === null) return;
    if (which === 'from') s.rangeSet(ms, s.to);
    else s.rangeSet(s.from, ms);
  };
  const bad = (text: string | null) => text !== null && instantParse(text, s.zone) === null;
  return (
    <div className="row" style={{ alignItems: 'flex-end' }}>
      {(['from', 'to'] as const).map((which) => {
        const text = which === 'from' ? fromText : toText;
        const setText = which === 'from' ? setFromText : setToText;
        const label = which === 'from' ? t('browse.from') : t('browse.to');
        return (
          <label key={which} className="field">
            {label} ({s.zone})
            <input
              className={bad(text) ? 'mono invalid' : 'mono'}
              aria-label={label}
              aria-invalid={bad(text)}
              value={shown(text, which === 'from' ? s.from : s.to)}
              onChange={(e) => {
                setText(e.target.value);
                commit(which, e.target.value);
              }}
              data-testid={`tasks-${which}`}
            />
          </label>
        );
      })}
      <button
        type="button"
        onClick={() => {
          const now = Date.now();
          setFromText(null);
          setToText(null);
          s.rangeSet(now - twoDaysMs, now);
        }}
      >
        {t('tasks.lastTwoDays')}
      </button>
    </div>
  );
}

/** The task counts by status. */
function TaskStats({ stats }: { stats: SlsTaskList['statistics'] }) {
  const t = useT();
  return (
    <div className="row small" data-testid="task-stats" aria-label={t('tasks.statistics')}>
      <strong>{t('tasks.statistics')}:</strong>
      <span className="danger" data-stat="fail">
        ● {t('tasks.status.fail')} {stats.fail}
      </span>
      <span className="accent-text" data-stat="running">
        ● {t('tasks.status.running')} {stats.running}
      </span>
      <span className="ok" data-stat="success">
        ● {t('tasks.status.success')} {stats.success}
      </span>
    </div>
  );
}

function Toolbar() {
  const t = useT();
  const s = useStore(
    useShallow((st) => ({
      list: st.taskList,
      filter: st.tasksFilter,
      filterSet: st.tasksFilterSet,
      selected: st.tasksSelected,
      retryAsk: st.retryAskSet,
      load: st.tasksLoad,
      pending: st.tasksPending,
    })),
  );
  if (!s.list) return null;
  const stats = s.list.statistics;
  const filters: SelectOption<TaskStatusFilter>[] = [
    { value: '', label: t('tasks.all', { n: s.list.total }) },
    { value: 'fail', label: `${t('tasks.status.fail')} (${stats.fail})` },
    { value: 'running', label: `${t('tasks.status.running')} (${stats.running})` },
    { value: 'success', label: `${t('tasks.status.success')} (${stats.success})` },
  ];
  return (
    <div className="row">
      <TaskStats stats={stats} />
      <LabelledSelect
        label={t('tasks.filter')}
        className="row small"
        value={s.filter}
        options={filters}
        onChange={s.filterSet}
        testId="tasks-filter"
      />
      <span className="spacer" />
      <button type="button" disabled={s.pending} onClick={() => void s.load()} data-testid="tasks-refresh">
        {t('tasks.refresh')}
      </button>
      <button
        type="button"
        disabled={s.selected.length === 0}
        onClick={() => s.retryAsk({ ids: s.selected })}
        data-testid="tasks-retry-selected"
      >
        {t('tasks.retrySelected', { n: s.selected.length })}
      </button>
      <button
        type="button"
        className="danger"
        disabled={stats.fail === 0}
        onClick={() => s.retryAsk({ allFailed: true })}
        data-testid="tasks-retry-all"
      >
        {t('tasks.retryAllFailed')}
      </button>
    </div>
  );
}

/** The Tasks view. */
export function TasksView() {
  const t = useT();
  const s = useStore(
    useShallow((st) => ({
      pending: st.tasksPending,
      progress: st.tasksProgress,
      cancel: st.tasksCancel,
      error: st.tasksError,
      list: st.taskList,
    })),
  );
  return (
    <div className="tasks stack">
      <TaskTargetPanel />
      <section className="panel stack" aria-label={t('tasks.title')} aria-busy={s.pending}>
        <h2>
          {t('tasks.title')}
          {s.list && (
            <span className="muted small mono">
              {' '}
              · {s.list.project}/{s.list.logstore}/{s.list.shipper}
            </span>
          )}
        </h2>
        <RangeBar />
        {s.pending && <JobProgress progress={s.progress} unit="rows" label={t('tasks.loading')} onCancel={s.cancel} />}
        {s.error && <ErrorBox error={slsErrorApp(s.error, t)} />}
        {!s.list && !s.pending && !s.error && (
          <p className="muted small" data-testid="tasks-empty">
            {t('tasks.start')}
          </p>
        )}
        <Toolbar />
        <TaskTable />
      </section>
      <RetryDialog />
    </div>
  );
}
