/**
 * The tasks state, declared apart from the action groups that change it (Log Service target,
 * task list, retry) so each group imports it, not the slice that composes them.
 */
import type { StateCreator } from 'zustand';
import type { ApiInput, SlsRetryResult, SlsRuleImported, SlsRuleInfo, SlsTaskList } from '../../../main/api/contract';
import type { ErrorInfo } from '../../../core/errors';
import type { NavSlice } from '../../state/navSlice';
import type { Progress } from '../../state/progress';
import type { BrowseSlice } from '../browse/browseSlice';
import type { RuleEditorSlice } from '../rules/ruleEditorSlice';

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

/** The tasks slice with the other slices' actions it calls. */
export type TasksStore = TasksSlice & NavSlice & Pick<RuleEditorSlice, 'ruleReplace'> & Pick<BrowseSlice, 'browseOpen'>;
type TasksCreator = StateCreator<TasksStore, [], [], TasksSlice>;
export type TasksSet = Parameters<TasksCreator>[0];
export type TasksGet = Parameters<TasksCreator>[1];

/** The connection part of an sls.* argument, without empty fields. */
export function slsTargetArg(
  draft: SlsTargetDraft,
): Pick<ApiInput<'sls.logstores'>, 'profileName' | 'endpoint' | 'project' | 'accessKeyId' | 'accessKeySecret'> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(draft)) if (v.trim()) out[k] = v.trim();
  return out;
}

/** The target, logstore and shipper every task call names. */
export function slsWhere(state: TasksSlice) {
  return { ...slsTargetArg(state.slsTarget), logstore: state.slsLogstore, shipper: state.slsShipper };
}

/** The listing prefix a rule's objects start with (`''` or `a/b/`). */
export function rulePrefixFolder(prefix: string): string {
  const clean = prefix.replace(/^\/+|\/+$/g, '');
  return clean ? `${clean}/` : '';
}
