/** The task table's rows and cells as data: which tasks show (filtered, newest first), status labels, times. */
import type { SlsTaskInfo } from '../../../main/api/contract';
import type { MessageKey } from '../../i18n';
import { instantFormat } from '../../util/format';
import type { TaskStatusFilter } from './tasksState';

/** The badge class of a task status. */
export const taskStatusClass: Record<SlsTaskInfo['status'], string> = { success: 'done', running: 'running', fail: 'error' };

/** Status label key of a task status. */
export function taskStatusKey(status: SlsTaskInfo['status']): MessageKey {
  return status === 'success' ? 'tasks.status.success' : status === 'running' ? 'tasks.status.running' : 'tasks.status.fail';
}

/** A task time in the zone, or a dash for "never" (0). */
export function taskWhen(ms: number, zone: string): string {
  return ms > 0 ? instantFormat(ms, zone) : '—';
}

/** The tasks the table shows: those of the filtered status (all for ''), newest first. */
export function tasksShown(tasks: readonly SlsTaskInfo[], filter: TaskStatusFilter): SlsTaskInfo[] {
  const filtered = filter ? tasks.filter((task) => task.status === filter) : tasks;
  return [...filtered].sort((a, b) => b.createTime - a.createTime);
}
