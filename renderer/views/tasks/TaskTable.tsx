/**
 * The task list: status, type (OSS, MaxCompute), creation / finish / last-receive times in the chosen zone, data lines,
 * message with the SPEC §7 advice, selection and per-task retry.
 */
import { useMemo } from 'react';
import { shipTargetLabel } from '../../../core/shipping';
import { useShallow } from 'zustand/react/shallow';
import type { SlsTaskInfo } from '../../../main/api/contract';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { useStore } from '../../state/store';
import { instantFormat } from '../../util/format';
import { taskFolder } from '../../util/taskOverlay';
import { CrossAccountLink } from './CrossAccountLink';
import { timeZoneOf } from '../../state/settingsSlice';

const statusClass: Record<SlsTaskInfo['status'], string> = { success: 'done', running: 'running', fail: 'error' };

/** Status label key of a task status. */
export function taskStatusKey(status: SlsTaskInfo['status']): MessageKey {
  return status === 'success' ? 'tasks.status.success' : status === 'running' ? 'tasks.status.running' : 'tasks.status.fail';
}

function when(ms: number, zone: string): string {
  return ms > 0 ? instantFormat(ms, zone) : '—';
}

function TaskRow({ task }: { task: SlsTaskInfo }) {
  const t = useT();
  const s = useStore(
    useShallow((st) => ({
      zone: timeZoneOf(st),
      language: st.language,
      selected: st.tasksSelected.includes(task.id),
      toggle: st.taskSelectToggle,
      retryAsk: st.retryAskSet,
      rule: st.slsRule?.rule ?? null,
      browseOpen: st.browseOpen,
      viewSet: st.viewSet,
    })),
  );
  const folder = useMemo(() => {
    try {
      return s.rule ? taskFolder(s.rule, task.createTime) : null;
    } catch {
      return null;
    }
  }, [s.rule, task.createTime]);
  return (
    <tr data-testid="task-row" data-task-id={task.id} data-status={task.status}>
      <td>
        <input type="checkbox" aria-label={t('tasks.select', { id: task.id })} checked={s.selected} onChange={() => s.toggle(task.id)} />
      </td>
      <td>
        <span className={`badge ${statusClass[task.status]}`}>{t(taskStatusKey(task.status))}</span>
      </td>
      <td data-testid="task-type" data-type={task.type} title={task.type ? undefined : t('tasks.typeUnknown')}>
        {shipTargetLabel(task.type) || '—'}
      </td>
      <td className="mono">{when(task.createTime, s.zone)}</td>
      <td className="mono">{when(task.finishTime, s.zone)}</td>
      <td className="mono">{when(task.lastDataReceiveTime, s.zone)}</td>
      <td className="num">{task.dataLines.toLocaleString()}</td>
      <td className="task-message">
        {task.message && <strong className={task.status === 'fail' ? 'danger' : ''}>{task.message}</strong>}
        {task.advice && (
          <div className="small muted" data-testid="task-advice">
            {task.advice[s.language]}
          </div>
        )}
        {task.status === 'fail' && task.advice?.error === 'Unauthorized' && <CrossAccountLink />}
        {task.autoRetry && (
          <div className="small muted" data-testid="task-auto-retry">
            {task.autoRetry.nextMs === null
              ? t('tasks.autoRetryEnded', { stops: when(task.autoRetry.stopsMs, s.zone) })
              : t('tasks.autoRetryNext', { next: when(task.autoRetry.nextMs, s.zone), stops: when(task.autoRetry.stopsMs, s.zone) })}
          </div>
        )}
      </td>
      <td>
        <div className="row" style={{ flexWrap: 'nowrap' }}>
          {task.status === 'fail' && (
            <button type="button" onClick={() => s.retryAsk({ ids: [task.id] })} data-testid="task-retry">
              {t('tasks.retry')}
            </button>
          )}
          {folder !== null && (
            <button
              type="button"
              className="link"
              title={folder}
              onClick={() => {
                s.viewSet('browse');
                void s.browseOpen(folder);
              }}
              data-testid="task-partition"
            >
              {t('tasks.showPartition')}
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}

/** The task table (filtered by status, newest first). */
export function TaskTable() {
  const t = useT();
  const s = useStore(
    useShallow((st) => ({
      list: st.taskList,
      filter: st.tasksFilter,
      selected: st.tasksSelected,
      selectSet: st.tasksSelectSet,
      zone: timeZoneOf(st),
    })),
  );
  const shown = useMemo(() => {
    const tasks = s.list?.tasks ?? [];
    const filtered = s.filter ? tasks.filter((task) => task.status === s.filter) : tasks;
    return [...filtered].sort((a, b) => b.createTime - a.createTime);
  }, [s.list, s.filter]);
  if (!s.list) return null;
  const allSelected = shown.length > 0 && shown.every((task) => s.selected.includes(task.id));
  return (
    <div className="task-table-wrap">
      <table className="plain task-table" data-testid="task-table">
        <thead>
          <tr>
            <th>
              <input
                type="checkbox"
                aria-label={t('tasks.selectAll')}
                checked={allSelected}
                onChange={() => s.selectSet(allSelected ? [] : shown.map((task) => task.id))}
              />
            </th>
            <th>{t('tasks.col.status')}</th>
            <th>{t('tasks.col.type')}</th>
            <th>
              {t('tasks.col.created')} ({s.zone})
            </th>
            <th>{t('tasks.col.finished')}</th>
            <th>{t('tasks.col.lastReceive')}</th>
            <th>{t('tasks.col.lines')}</th>
            <th>{t('tasks.col.message')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {shown.map((task) => (
            <TaskRow key={task.id} task={task} />
          ))}
        </tbody>
      </table>
      {shown.length === 0 && <p className="muted">{t('tasks.none')}</p>}
    </div>
  );
}
