/**
 * One task of the table: selection, status, type (OSS, MaxCompute), creation / finish /
 * last-receive times in the chosen zone, data lines, message with the SPEC §7 advice, and its
 * actions (retry, show the partition it wrote).
 */
import { useMemo } from 'react';
import { shipTargetLabel } from '../../../core/shipping';
import { useShallow } from 'zustand/react/shallow';
import type { SlsTaskInfo } from '../../../main/api/contract';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { timeZoneOf } from '../../state/settingsSlice';
import { taskFolder } from '../../util/taskOverlay';
import { CrossAccountLink } from './CrossAccountLink';
import { taskStatusClass, taskStatusKey, taskWhen } from './taskRows';

/** The message cell: Log Service's message, the advice for it, and the automatic retries. */
function TaskMessage({ task, zone }: { task: SlsTaskInfo; zone: string }) {
  const t = useT();
  const language = useStore((st) => st.language);
  return (
    <td className="task-message">
      {task.message && <strong className={task.status === 'fail' ? 'danger' : ''}>{task.message}</strong>}
      {task.advice && (
        <div className="small muted" data-testid="task-advice">
          {task.advice[language]}
        </div>
      )}
      {task.status === 'fail' && task.advice?.error === 'Unauthorized' && <CrossAccountLink />}
      {task.autoRetry && (
        <div className="small muted" data-testid="task-auto-retry">
          {task.autoRetry.nextMs === null
            ? t('tasks.autoRetryEnded', { stops: taskWhen(task.autoRetry.stopsMs, zone) })
            : t('tasks.autoRetryNext', { next: taskWhen(task.autoRetry.nextMs, zone), stops: taskWhen(task.autoRetry.stopsMs, zone) })}
        </div>
      )}
    </td>
  );
}

/** The actions cell: retry a failed task, open the partition folder the task wrote in Browse. */
function TaskActions({ task }: { task: SlsTaskInfo }) {
  const t = useT();
  const s = useStore(
    useShallow((st) => ({ retryAsk: st.retryAskSet, rule: st.slsRule?.rule ?? null, browseOpen: st.browseOpen, viewSet: st.viewSet })),
  );
  const folder = useMemo(() => {
    try {
      return s.rule ? taskFolder(s.rule, task.createTime) : null;
    } catch {
      return null;
    }
  }, [s.rule, task.createTime]);
  return (
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
  );
}

/** The row. */
export function TaskRow({ task }: { task: SlsTaskInfo }) {
  const t = useT();
  const s = useStore(
    useShallow((st) => ({ zone: timeZoneOf(st), selected: st.tasksSelected.includes(task.id), toggle: st.taskSelectToggle })),
  );
  return (
    <tr data-testid="task-row" data-task-id={task.id} data-status={task.status}>
      <td>
        <input type="checkbox" aria-label={t('tasks.select', { id: task.id })} checked={s.selected} onChange={() => s.toggle(task.id)} />
      </td>
      <td>
        <span className={`badge ${taskStatusClass[task.status]}`}>{t(taskStatusKey(task.status))}</span>
      </td>
      <td data-testid="task-type" data-type={task.type} title={task.type ? undefined : t('tasks.typeUnknown')}>
        {shipTargetLabel(task.type) || '—'}
      </td>
      <td className="mono">{taskWhen(task.createTime, s.zone)}</td>
      <td className="mono">{taskWhen(task.finishTime, s.zone)}</td>
      <td className="mono">{taskWhen(task.lastDataReceiveTime, s.zone)}</td>
      <td className="num">{task.dataLines.toLocaleString()}</td>
      <TaskMessage task={task} zone={s.zone} />
      <TaskActions task={task} />
    </tr>
  );
}
