/**
 * The task list: its time range and status filter, loading it as a cancellable job, the
 * selection, and retrying (after the confirmation) with a reload.
 */
import { apiCall, apiCancel, apiJobId } from '../../api/client';
import { slsWhere } from './tasksState';
import type { TasksGet, TasksSet, TasksSlice } from './tasksState';

type TaskListActions = Pick<
  TasksSlice,
  | 'tasksRangeSet'
  | 'tasksFilterSet'
  | 'tasksLoad'
  | 'tasksCancel'
  | 'tasksProgressSet'
  | 'taskSelectToggle'
  | 'tasksSelectSet'
  | 'retryAskSet'
  | 'retryRun'
>;

/** The list actions of the tasks slice. */
export function taskListActions(set: TasksSet, get: TasksGet): TaskListActions {
  return {
    tasksRangeSet: (from, to) => set({ tasksFrom: from, tasksTo: to }),
    tasksFilterSet: (filter) => set({ tasksFilter: filter }),
    tasksLoad: async () => {
      const jobId = apiJobId('tasks');
      set({ tasksPending: true, tasksJobId: jobId, tasksProgress: null, tasksError: null });
      const response = await apiCall('sls.tasks', { ...slsWhere(get()), from: get().tasksFrom, to: get().tasksTo, jobId });
      if (get().tasksJobId !== jobId) return;
      if (!response.ok) return set({ tasksPending: false, tasksJobId: null, tasksError: response.error });
      const ids = new Set(response.value.tasks.map((t) => t.id));
      set((state) => ({
        tasksPending: false,
        tasksJobId: null,
        taskList: response.value,
        tasksSelected: state.tasksSelected.filter((id) => ids.has(id)),
      }));
    },
    tasksCancel: () => {
      const jobId = get().tasksJobId;
      if (jobId) void apiCancel(jobId);
      set({ tasksPending: false, tasksJobId: null, tasksError: { code: 'CANCELLED', message: 'Loading the tasks was cancelled.' } });
    },
    tasksProgressSet: (progress) => {
      if (progress.jobId === get().tasksJobId) set({ tasksProgress: progress });
    },
    taskSelectToggle: (id) =>
      set((state) => ({
        tasksSelected: state.tasksSelected.includes(id) ? state.tasksSelected.filter((x) => x !== id) : state.tasksSelected.concat(id),
      })),
    tasksSelectSet: (ids) => set({ tasksSelected: ids }),
    retryAskSet: (request) => set({ retryAsk: request, ...(request ? { retryResults: null, retryError: null } : {}) }),
    retryRun: async () => {
      const ask = get().retryAsk;
      if (!ask) return;
      set({ retryPending: true, retryError: null, retryResults: null });
      const arg = 'ids' in ask ? { ids: ask.ids } : { allFailed: true, from: get().tasksFrom, to: get().tasksTo };
      const response = await apiCall('sls.retry', { ...slsWhere(get()), ...arg });
      if (!response.ok) return set({ retryPending: false, retryError: response.error });
      set({ retryPending: false, retryResults: response.value.results, tasksSelected: [] });
      await get().tasksLoad();
    },
  };
}
