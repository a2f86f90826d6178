/**
 * Log Service side: which project/logstore/shipper and its imported rule (slsTargetActions,
 * which then drives browsing, the planner and the gap timeline), its shipping tasks and
 * retries (taskListActions).
 */
import type { StateCreator } from 'zustand';
import { slsTargetActions } from './slsTargetActions';
import { taskListActions } from './taskListActions';
import type { TasksSlice, TasksStore } from './tasksState';

// The store and the views name the slice and its types here.
export type { RetryRequest, SlsTargetDraft, TaskStatusFilter, TasksSlice } from './tasksState';

const twoDaysMs = 2 * 24 * 3600 * 1000;

/** The tasks slice. */
export const createTasksSlice: StateCreator<TasksStore, [], [], TasksSlice> = (set, get) => ({
  slsTarget: { profileName: '', endpoint: '', project: '', accessKeyId: '', accessKeySecret: '' },
  slsProject: '',
  slsLogstores: [],
  slsLogstore: '',
  slsRules: [],
  slsShipper: '',
  slsPending: false,
  slsError: null,
  slsRule: null,
  tasksTo: Date.now(),
  tasksFrom: Date.now() - twoDaysMs,
  tasksFilter: '',
  taskList: null,
  tasksPending: false,
  tasksJobId: null,
  tasksProgress: null,
  tasksError: null,
  tasksSelected: [],
  retryAsk: null,
  retryPending: false,
  retryResults: null,
  retryError: null,
  ...slsTargetActions(set, get),
  ...taskListActions(set, get),
});
