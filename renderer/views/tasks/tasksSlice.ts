/**
 * Log Service side: which project/logstore/shipper, its imported rule (which then drives
 * browsing, the planner and the gap timeline), its shipping tasks, and retries.
 */
import type { StateCreator } from 'zustand';
import type { ApiInput, SlsRetryResult, SlsRuleImported, SlsRuleInfo, SlsTaskList } from '../../../main/api/contract';
import type { ErrorInfo } from '../../../core/errors';
import { apiCall, apiCancel, apiJobId } from '../../api/client';
import type { NavSlice } from '../../state/navSlice';
import type { RuleEditorSlice } from '../rules/ruleEditorSlice';
import type { BrowseSlice } from '../browse/browseSlice';
import type { Progress } from '../../state/progress';

/** Where sls.* calls go; empty strings mean "from the profile". Secrets stay in memory only. */
export interface SlsTargetDraft {
  profileName: string;
  endpoint: string;
  project: string;
  accessKeyId: string;
  accessKeySecret: string;
}

export type TaskStatusFilter = '' | 'success' | 'running' | 'fail';

/** What the confirmation dialog is about to retry. */
export type RetryRequest = { ids: string[] } | { allFailed: true };

export interface TasksSlice {
  slsTarget: SlsTargetDraft;
  slsProject: string;
  slsLogstores: string[];
  slsLogstore: string;
  slsRules: SlsRuleInfo[];
  slsShipper: string;
  slsPending: boolean;
  slsError: ErrorInfo | null;
  /** The rule imported from the project; drives Browse, the planner and the gap timeline. */
  slsRule: SlsRuleImported | null;
  tasksFrom: number;
  tasksTo: number;
  tasksFilter: TaskStatusFilter;
  taskList: SlsTaskList | null;
  tasksPending: boolean;
  tasksJobId: string | null;
  tasksProgress: Progress | null;
  tasksError: ErrorInfo | null;
  tasksSelected: string[];
  retryAsk: RetryRequest | null;
  retryPending: boolean;
  retryResults: SlsRetryResult[] | null;
  retryError: ErrorInfo | null;
  slsTargetPatch(patch: Partial<SlsTargetDraft>): void;
  slsLogstoresLoad(): Promise<void>;
  slsLogstoreSet(logstore: string): Promise<void>;
  slsShipperSet(shipper: string): void;
  slsRuleImport(): Promise<boolean>;
  slsRuleBrowse(): void;
  tasksRangeSet(from: number, to: number): void;
  tasksFilterSet(filter: TaskStatusFilter): void;
  tasksLoad(): Promise<void>;
  tasksCancel(): void;
  tasksProgressSet(progress: Progress): void;
  taskSelectToggle(id: string): void;
  tasksSelectSet(ids: string[]): void;
  retryAskSet(request: RetryRequest | null): void;
  retryRun(): Promise<void>;
}

const twoDaysMs = 2 * 24 * 3600 * 1000;

/** The connection part of an sls.* argument, without empty fields. */
export function slsTargetArg(
  draft: SlsTargetDraft,
): Pick<ApiInput<'sls.logstores'>, 'profileName' | 'endpoint' | 'project' | 'accessKeyId' | 'accessKeySecret'> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(draft)) if (v.trim()) out[k] = v.trim();
  return out;
}

/** The listing prefix a rule's objects start with (`''` or `a/b/`). */
export function rulePrefixFolder(prefix: string): string {
  const clean = prefix.replace(/^\/+|\/+$/g, '');
  return clean ? `${clean}/` : '';
}

/** The tasks slice. */
export const createTasksSlice: StateCreator<
  TasksSlice & NavSlice & Pick<RuleEditorSlice, 'ruleReplace'> & Pick<BrowseSlice, 'browseOpen'>,
  [],
  [],
  TasksSlice
> = (set, get) => {
  const where = () => ({ ...slsTargetArg(get().slsTarget), logstore: get().slsLogstore, shipper: get().slsShipper });
  return {
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
    slsTargetPatch: (patch) => set((state) => ({ slsTarget: { ...state.slsTarget, ...patch } })),
    slsLogstoresLoad: async () => {
      set({ slsPending: true, slsError: null });
      const response = await apiCall('sls.logstores', slsTargetArg(get().slsTarget));
      if (!response.ok) return set({ slsPending: false, slsError: response.error, slsLogstores: [] });
      set({ slsPending: false, slsProject: response.value.project, slsLogstores: response.value.logstores });
    },
    slsLogstoreSet: async (logstore) => {
      set({ slsLogstore: logstore, slsRules: [], slsShipper: '', slsPending: true, slsError: null });
      const response = await apiCall('sls.shippers', { ...slsTargetArg(get().slsTarget), logstore });
      if (get().slsLogstore !== logstore) return;
      if (!response.ok) return set({ slsPending: false, slsError: response.error });
      const rules = response.value.rules;
      set({ slsPending: false, slsRules: rules, slsShipper: rules.length === 1 ? (rules[0] as SlsRuleInfo).name : '' });
    },
    slsShipperSet: (shipper) => set({ slsShipper: shipper }),
    slsRuleImport: async () => {
      const info = get().slsRules.find((r) => r.name === get().slsShipper);
      set({ slsPending: true, slsError: null });
      const response = await apiCall('sls.importRule', { ...where(), ...(info ? { kind: info.kind } : {}) });
      if (!response.ok) {
        set({ slsPending: false, slsError: response.error });
        return false;
      }
      set({ slsPending: false, slsRule: response.value, slsProject: response.value.project });
      get().ruleReplace(response.value.rule);
      return true;
    },
    slsRuleBrowse: () => {
      const rule = get().slsRule;
      if (!rule) return;
      get().viewSet('browse');
      void get().browseOpen(rulePrefixFolder(rule.rule.prefix));
    },
    tasksRangeSet: (from, to) => set({ tasksFrom: from, tasksTo: to }),
    tasksFilterSet: (filter) => set({ tasksFilter: filter }),
    tasksLoad: async () => {
      const jobId = apiJobId('tasks');
      set({ tasksPending: true, tasksJobId: jobId, tasksProgress: null, tasksError: null });
      const response = await apiCall('sls.tasks', { ...where(), from: get().tasksFrom, to: get().tasksTo, jobId });
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
      const response = await apiCall('sls.retry', { ...where(), ...arg });
      if (!response.ok) return set({ retryPending: false, retryError: response.error });
      set({ retryPending: false, retryResults: response.value.results, tasksSelected: [] });
      await get().tasksLoad();
    },
  };
};
