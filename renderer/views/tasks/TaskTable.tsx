/**
 * The task list: the header (select all, columns with the chosen zone) over one TaskRow a task,
 * filtered by status and newest first.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { timeZoneOf } from '../../state/settingsSlice';
import { TaskRow } from './TaskRow';
import { tasksShown } from './taskRows';

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
  const shown = useMemo(() => tasksShown(s.list?.tasks ?? [], s.filter), [s.list, s.filter]);
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
