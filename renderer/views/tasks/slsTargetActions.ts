/**
 * Which Log Service rule: the target draft, its logstores and shippers, and importing the
 * chosen rule (which then drives the rule editor and Browse).
 */
import type { SlsRuleInfo } from '../../../main/api/contract';
import { apiCall } from '../../api/client';
import { rulePrefixFolder, slsTargetArg, slsWhere } from './tasksState';
import type { TasksGet, TasksSet, TasksSlice } from './tasksState';

type SlsTargetActions = Pick<
  TasksSlice,
  'slsTargetPatch' | 'slsLogstoresLoad' | 'slsLogstoreSet' | 'slsShipperSet' | 'slsRuleImport' | 'slsRuleBrowse'
>;

/** The target actions of the tasks slice. */
export function slsTargetActions(set: TasksSet, get: TasksGet): SlsTargetActions {
  return {
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
      const response = await apiCall('sls.importRule', { ...slsWhere(get()), ...(info ? { kind: info.kind } : {}) });
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
  };
}
