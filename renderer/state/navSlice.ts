/**
 * Navigation: which view is shown. Other slices move the user (open a table → Inspect) only
 * through `viewSet`, so the current view has one owner.
 */
import type { StateCreator } from 'zustand';

export type ViewName = 'connect' | 'browse' | 'inspect' | 'decompress' | 'rules' | 'tasks' | 'query' | 'forward';

export interface NavSlice {
  view: ViewName;
  viewSet(view: ViewName): void;
}

/** The navigation slice. */
export const createNavSlice: StateCreator<NavSlice, [], [], NavSlice> = (set) => ({
  view: 'connect',
  viewSet: (view) => set({ view }),
});
