/**
 * The Query view's state (issue 15): the range form, the plan, a running query (job id,
 * progress) and its answer. Rows come back capped by main; the count covers them all.
 */
import type { StateCreator } from 'zustand';
import type { RangeEmitInfo, RangePlanInfo, RangeQueryInfo } from '../../../main/api/rangeContract';
import type { ErrorInfo } from '../../../core/errors';
import { apiCall, apiCancel, apiJobId } from '../../api/client';
import type { Progress } from '../../state/progress';
import { rangeArg, rangeFormDefault } from '../../state/rangeForm';
import type { RangeForm } from '../../state/rangeForm';
import type { NavSlice } from '../../state/navSlice';

/** The range form as typed (times as `YYYY-MM-DDTHH:MM` in the partition's zone). */
export interface QueryForm extends RangeForm {
  sql: string;
  exportName: string;
  exportDir: string;
}

export interface QuerySlice {
  queryForm: QueryForm;
  queryPlan: RangePlanInfo | null;
  queryResult: RangeQueryInfo | null;
  queryError: ErrorInfo | null;
  queryJobId: string | null;
  queryProgress: Progress | null;
  queryNote: string | null;
  queryExported: { path: string; rows: number; bytes: number } | null;
  queryExport(): Promise<void>;
  /** The scale-out hand-off texts of the range and SQL (range.emit), for the copy buttons. */
  queryEmitted: RangeEmitInfo | null;
  queryEmitRun(): Promise<void>;
  queryFormSet(patch: Partial<QueryForm>): void;
  /** Open the Query view with the range filled in (Browse's entry points); the last answer goes. */
  queryOpen(patch: Partial<QueryForm>): void;
  queryPlanRun(): Promise<void>;
  queryRun(): Promise<void>;
  queryCancel(): Promise<void>;
  queryCacheClear(): Promise<void>;
  queryProgressSet(progress: Progress): void;
}

const formDefault: QueryForm = {
  ...rangeFormDefault,
  to: '2026-11-24T12:00',
  sql: 'SELECT status, count(*) AS n FROM logs GROUP BY status ORDER BY n DESC',
  exportName: 'query.csv',
  exportDir: '',
};

type SliceSet = Parameters<StateCreator<QuerySlice & NavSlice, [], [], QuerySlice>>[0];
type SliceGet = () => QuerySlice & NavSlice;

/** The range form, its plan, the hand-off texts and the cache: calls that are not jobs. */
function queryFormActions(
  set: SliceSet,
  get: SliceGet,
): Pick<QuerySlice, 'queryEmitRun' | 'queryFormSet' | 'queryOpen' | 'queryPlanRun' | 'queryCacheClear'> {
  return {
    queryEmitRun: async () => {
      set({ queryError: null, queryEmitted: null });
      const form = get().queryForm;
      const response = await apiCall('range.emit', { ...rangeArg(form), sql: form.sql });
      set(response.ok ? { queryEmitted: response.value } : { queryError: response.error });
    },
    queryFormSet: (patch) => set((state) => ({ queryForm: { ...state.queryForm, ...patch } })),
    queryOpen: (patch) => {
      set((state) => ({
        queryForm: { ...state.queryForm, ...patch },
        queryPlan: null,
        queryResult: null,
        queryError: null,
        queryExported: null,
        queryNote: null,
        queryEmitted: null,
      }));
      get().viewSet('query');
    },
    queryPlanRun: async () => {
      set({ queryError: null, queryNote: null });
      const response = await apiCall('range.plan', { ...rangeArg(get().queryForm), maxObjects: 200 });
      set(response.ok ? { queryPlan: response.value } : { queryPlan: null, queryError: response.error });
    },
    queryCacheClear: async () => {
      const response = await apiCall('range.cacheClear', {});
      set(response.ok ? { queryNote: `${response.value.entries}:${response.value.bytes}` } : { queryError: response.error });
    },
  };
}

/** The query and the export: jobs with progress and cancel; a superseded job's answer is dropped. */
function queryJobActions(set: SliceSet, get: SliceGet): Pick<QuerySlice, 'queryExport' | 'queryRun' | 'queryCancel' | 'queryProgressSet'> {
  return {
    queryExport: async () => {
      const jobId = apiJobId('qexport');
      set({ queryJobId: jobId, queryProgress: null, queryError: null, queryExported: null });
      const form = get().queryForm;
      const dir = form.exportDir.trim();
      const response = await apiCall('range.export', {
        ...rangeArg(form),
        sql: form.sql,
        fileName: form.exportName,
        jobId,
        ...(dir ? { outDir: dir } : {}),
      });
      if (get().queryJobId !== jobId) return;
      set(response.ok ? { queryExported: response.value, queryJobId: null } : { queryError: response.error, queryJobId: null });
    },
    queryRun: async () => {
      const jobId = apiJobId('query');
      set({ queryJobId: jobId, queryProgress: null, queryError: null, queryNote: null });
      const form = get().queryForm;
      const response = await apiCall('range.query', { ...rangeArg(form), sql: form.sql, maxRows: 2000, jobId });
      if (get().queryJobId !== jobId) return;
      set(response.ok ? { queryResult: response.value, queryJobId: null } : { queryError: response.error, queryJobId: null });
    },
    queryCancel: async () => {
      const jobId = get().queryJobId;
      if (jobId) await apiCancel(jobId);
    },
    queryProgressSet: (progress) => {
      if (progress.jobId === get().queryJobId) set({ queryProgress: progress });
    },
  };
}

/** The query slice. */
export const createQuerySlice: StateCreator<QuerySlice & NavSlice, [], [], QuerySlice> = (set, get) => ({
  queryForm: formDefault,
  queryPlan: null,
  queryResult: null,
  queryError: null,
  queryJobId: null,
  queryProgress: null,
  queryNote: null,
  queryExported: null,
  queryEmitted: null,
  ...queryFormActions(set, get),
  ...queryJobActions(set, get),
});
