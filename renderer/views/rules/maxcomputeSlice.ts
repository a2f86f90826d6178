/**
 * The MaxCompute tab of the rule editor (issue 17): the job, schedule and policy fields being
 * edited, filled from the rule, and what the last save did. Generation itself is core's,
 * computed in the components (pure and fast), so only saving goes through the API.
 */
import type { StateCreator } from 'zustand';
import type { ErrorInfo } from '../../../core/errors';
import { jobDefaults, jobFieldsOfRule, roleArnParse } from '../../../core/maxcompute';
import type { ShippingRule } from '../../../core/model';
import { apiCall } from '../../api/client';
import type { NavSlice } from '../../state/navSlice';
import type { RuleEditorSlice } from './ruleEditorSlice';

/** Everything the MaxCompute tab's inputs hold (text as typed). */
export interface MaxComputeDraft {
  datasource: string;
  description: string;
  logstore: string;
  odpsDatasource: string;
  table: string;
  /** Log fields, comma-separated; `name:int64` keeps a type. */
  columns: string;
  partition: string;
  truncate: boolean;
  begin: string;
  end: string;
  every: string;
  start: string;
  stop: string;
  shippingAccountId: string;
  bucketAccountId: string;
  roleName: string;
  bucket: string;
  projects: string;
}

/** Fields the Tasks view fills when an `Unauthorized` rule's role belongs to another account. */
export type MaxComputePolicyFields = Partial<
  Pick<MaxComputeDraft, 'shippingAccountId' | 'bucketAccountId' | 'roleName' | 'bucket' | 'projects'>
>;

export interface MaxComputeSlice {
  mc: MaxComputeDraft;
  /** Which part of the tab to show first ('policy' when opened from a task's advice). */
  mcFocus: 'job' | 'policy';
  mcSaved: string | null;
  mcSaveError: ErrorInfo | null;
  mcPatch(patch: Partial<MaxComputeDraft>): void;
  mcFromRule(rule: ShippingRule): void;
  mcPolicyOpen(fields: MaxComputePolicyFields): void;
  mcSave(fileName: string, text: string): Promise<void>;
}

/** The draft for a rule: its fields, its bucket and its role's account. */
export function mcDraftOfRule(rule: ShippingRule, base: MaxComputeDraft = mcDraftDefault()): MaxComputeDraft {
  const source = jobFieldsOfRule(rule);
  const columns = source.columns.map((c) => (source.types[c] && source.types[c] !== 'string' ? `${c}:${source.types[c]}` : c)).join(',');
  const role = roleArnParse(rule.roleArn);
  const table = rule.name.replace(/\W/g, '_').replace(/^[^A-Za-z]+/, '') || 'shipped_logs';
  return {
    ...base,
    columns,
    table,
    bucket: rule.bucket || base.bucket,
    bucketAccountId: role?.accountId ?? base.bucketAccountId,
    roleName: role?.roleName ?? base.roleName,
  };
}

/** Empty fields with the document's defaults. */
export function mcDraftDefault(): MaxComputeDraft {
  return {
    datasource: 'loghub_source',
    description: '',
    logstore: 'app-log',
    odpsDatasource: jobDefaults.odpsDatasource,
    table: 'shipped_logs',
    columns: '__time__,__topic__,__source__',
    partition: jobDefaults.partition,
    truncate: false,
    begin: jobDefaults.beginExpression,
    end: jobDefaults.endExpression,
    every: '5m',
    start: '00:00',
    stop: '23:59',
    shippingAccountId: '',
    bucketAccountId: '',
    roleName: 'AliyunLogDefaultRole',
    bucket: '',
    projects: '',
  };
}

/** The MaxCompute slice. */
export const createMaxComputeSlice: StateCreator<
  MaxComputeSlice & NavSlice & Pick<RuleEditorSlice, 'ruleTabSet'>,
  [],
  [],
  MaxComputeSlice
> = (set, get) => ({
  mc: mcDraftDefault(),
  mcFocus: 'job',
  mcSaved: null,
  mcSaveError: null,
  mcPatch: (patch) => set((state) => ({ mc: { ...state.mc, ...patch } })),
  mcFromRule: (rule) => set((state) => ({ mc: mcDraftOfRule(rule, state.mc) })),
  mcPolicyOpen: (fields) => {
    const clean = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== ''));
    set((state) => ({ mc: { ...state.mc, ...clean }, mcFocus: 'policy' }));
    get().ruleTabSet('maxcompute');
    get().viewSet('rules');
  },
  mcSave: async (fileName, text) => {
    set({ mcSaved: null, mcSaveError: null });
    const response = await apiCall('maxcompute.save', { fileName, text });
    if (response.ok) set({ mcSaved: response.value.path });
    else set({ mcSaveError: response.error });
  },
});
