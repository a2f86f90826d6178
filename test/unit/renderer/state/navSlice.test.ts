import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createNavSlice } from '../../../../renderer/state/navSlice';
import type { NavSlice } from '../../../../renderer/state/navSlice';

describe('navigation slice', () => {
  it('starts on Connect and shows the view set last', () => {
    const store = createStore<NavSlice>()(createNavSlice);
    expect(store.getState().view).toBe('connect');
    store.getState().viewSet('inspect');
    store.getState().viewSet('browse');
    expect(store.getState().view).toBe('browse');
  });
});
