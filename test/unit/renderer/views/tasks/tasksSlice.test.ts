import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { SlsTaskInfo } from '../../../../../main/model';
import type { ApiMethod, ShiplensBridge } from '../../../../../main/api/contract';
import { shippingRuleDefault } from '../../../../../core/shipping/rule';
import { createTasksSlice } from '../../../../../renderer/views/tasks/tasksSlice';
import type { ShiplensState } from '../../../../../renderer/state/store';

const calls: { method: ApiMethod; arg: Record<string, unknown> }[] = [];
let answers: Partial<Record<ApiMethod, unknown>> = {};

const task = (id: string, status: SlsTaskInfo['status']): SlsTaskInfo => ({
  id,
  status,
  message: status === 'fail' ? 'Unauthorized' : '',
  createTime: 1,
  lastDataReceiveTime: 0,
  finishTime: 0,
  dataLines: 0,
  type: 'oss',
});

function storeMake() {
  const extra = { ruleReplace: vi.fn(), viewSet: vi.fn(), browseOpen: vi.fn(() => Promise.resolve()) };
  const store = createStore<ShiplensState>()(
    (set, get, api) => ({ ...createTasksSlice(set, get, api), ...extra }) as unknown as ShiplensState,
  );
  return { store, extra };
}

beforeEach(() => {
  calls.length = 0;
  const bridge: ShiplensBridge = {
    invoke: (method, arg) => {
      calls.push({ method, arg: arg as Record<string, unknown> });
      return Promise.resolve(
        method in answers
          ? { ok: true, value: answers[method] }
          : { ok: false, error: { code: 'NOT_FOUND', message: 'no', hint: 'do this' } },
      ) as never;
    },
    on: () => () => undefined,
  };
  vi.stubGlobal('window', { shiplens: bridge });
  answers = {};
});
afterEach(() => vi.unstubAllGlobals());

describe('tasks slice', () => {
  it('imports a rule into the editor and browses its prefix', async () => {
    const rule = { ...shippingRuleDefault(), prefix: '/logs/app/' };
    answers['sls.importRule'] = { rule, kind: 'shipper', project: 'p', logstore: 'ls', name: 'r', sourceJson: '{}' };
    const { store, extra } = storeMake();
    store.setState({
      slsLogstore: 'ls',
      slsShipper: 'r',
      slsRules: [
        {
          name: 'r',
          kind: 'shipper',
          logstore: 'ls',
          bucket: 'b',
          prefix: 'logs/app',
          format: 'json',
          compression: 'none',
          status: '',
          displayName: '',
        },
      ],
    });
    store.getState().slsTargetPatch({ profileName: 'prof' });
    expect(await store.getState().slsRuleImport()).toBe(true);
    expect(calls[0]).toEqual({ method: 'sls.importRule', arg: { profileName: 'prof', logstore: 'ls', shipper: 'r', kind: 'shipper' } });
    expect(extra.ruleReplace).toHaveBeenCalledWith(rule);
    store.getState().slsRuleBrowse();
    expect(extra.browseOpen).toHaveBeenCalledWith('logs/app/');
    expect(extra.viewSet).toHaveBeenCalledWith('browse');
  });

  it('retries all failed in the range, keeps per-task results, then reloads the tasks', async () => {
    answers['sls.retry'] = {
      results: [
        { id: 'a', ok: true },
        { id: 'b', ok: false, error: { code: 'THROTTLED', message: 'slow' } },
      ],
      retried: 1,
      failed: 1,
    };
    answers['sls.tasks'] = {
      project: 'p',
      logstore: 'ls',
      shipper: 'r',
      from: 10,
      to: 20,
      total: 2,
      statistics: { running: 1, success: 0, fail: 1 },
      tasks: [task('a', 'running'), task('b', 'fail')],
    };
    const { store } = storeMake();
    store.setState({ slsLogstore: 'ls', slsShipper: 'r', tasksFrom: 10, tasksTo: 20, tasksSelected: ['a', 'gone'] });
    store.getState().retryAskSet({ allFailed: true });
    await store.getState().retryRun();
    expect(calls.map((c) => c.method)).toEqual(['sls.retry', 'sls.tasks']);
    expect(calls[0]?.arg).toEqual({ logstore: 'ls', shipper: 'r', allFailed: true, from: 10, to: 20 });
    expect(calls[1]?.arg).toMatchObject({ logstore: 'ls', shipper: 'r', from: 10, to: 20 });
    expect(store.getState().retryResults?.map((r) => [r.id, r.ok])).toEqual([
      ['a', true],
      ['b', false],
    ]);
    expect(store.getState().taskList?.statistics).toEqual({ running: 1, success: 0, fail: 1 });
    expect(store.getState().tasksSelected).toEqual([]);
  });

  it('keeps an error with its hint, and a cancelled load drops its late answer', async () => {
    const { store } = storeMake();
    store.setState({ slsLogstore: 'ls', slsShipper: 'r' });
    await store.getState().slsLogstoresLoad();
    expect(store.getState().slsError).toEqual({ code: 'NOT_FOUND', message: 'no', hint: 'do this' });
    answers['sls.tasks'] = {
      project: 'p',
      logstore: 'ls',
      shipper: 'r',
      from: 0,
      to: 1,
      total: 0,
      statistics: { running: 0, success: 0, fail: 0 },
      tasks: [],
    };
    const loading = store.getState().tasksLoad();
    store.getState().tasksCancel();
    await loading;
    expect(calls.map((c) => c.method)).toEqual(['sls.logstores', 'sls.tasks', 'jobs.cancel']);
    expect(calls[2]?.arg).toEqual({ jobId: calls[1]?.arg.jobId });
    expect(store.getState().taskList).toBeNull();
    expect(store.getState().tasksError?.code).toBe('CANCELLED');
  });
});
