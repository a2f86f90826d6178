import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { ShiplensBridge } from '../../../../../main/api/contract';
import { shippingRuleDefault } from '../../../../../core/shipping/rule';
import { createMaxComputeSlice, mcDraftOfRule } from '../../../../../renderer/views/rules/maxcomputeSlice';
import type { ShiplensState } from '../../../../../renderer/state/store';

function storeMake() {
  const extra = { ruleTabSet: vi.fn(), viewSet: vi.fn() };
  const store = createStore<ShiplensState>()(
    (set, get, api) => ({ ...createMaxComputeSlice(set, get, api), ...extra }) as unknown as ShiplensState,
  );
  return { store, extra };
}

afterEach(() => vi.unstubAllGlobals());

describe('maxcompute slice', () => {
  it('fills fields, bucket and role from a Parquet rule', () => {
    const rule = {
      ...shippingRuleDefault(),
      name: 'oss-parquet',
      bucket: 'test-bucket',
      roleArn: 'acs:ram::6543210987654321:role/logrole',
      format: 'parquet' as const,
      parquet: {
        columns: [
          { name: '__time__', type: 'int32' as const },
          { name: 'ip', type: 'string' as const },
        ],
      },
    };
    expect(mcDraftOfRule(rule)).toMatchObject({
      columns: '__time__:int32,ip',
      table: 'oss_parquet',
      bucket: 'test-bucket',
      bucketAccountId: '6543210987654321',
      roleName: 'logrole',
    });
  });

  it('opens the policy generator with the fields the Tasks view passes', () => {
    const { store, extra } = storeMake();
    store
      .getState()
      .mcPolicyOpen({ bucketAccountId: '6543210987654321', roleName: 'logrole', bucket: 'b-1', projects: 'p', shippingAccountId: '' });
    expect(store.getState().mc).toMatchObject({
      bucketAccountId: '6543210987654321',
      roleName: 'logrole',
      bucket: 'b-1',
      projects: 'p',
      shippingAccountId: '',
    });
    expect(store.getState().mcFocus).toBe('policy');
    expect(extra.ruleTabSet).toHaveBeenCalledWith('maxcompute');
    expect(extra.viewSet).toHaveBeenCalledWith('rules');
  });

  it('saves through maxcompute.save and keeps the error when it fails', async () => {
    const calls: unknown[] = [];
    const bridge: ShiplensBridge = {
      invoke: (method, arg) => {
        calls.push([method, arg]);
        return Promise.resolve({ ok: false, error: { code: 'FILE_EXISTS', message: 'exists' } }) as never;
      },
      on: () => () => undefined,
    };
    vi.stubGlobal('window', { shiplens: bridge });
    const { store } = storeMake();
    await store.getState().mcSave('t.job.json', '{}\n');
    expect(calls).toEqual([['maxcompute.save', { fileName: 't.job.json', text: '{}\n' }]]);
    expect(store.getState().mcSaveError).toEqual({ code: 'FILE_EXISTS', message: 'exists' });
  });
});
