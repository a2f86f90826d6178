/** What the user picks in the listing: the sort column and direction, the name filter, the selected object. */
import type { BrowseSet, BrowseSlice } from './browseState';

/** The selection actions of the browse slice. */
export function browseSelectionActions(set: BrowseSet): Pick<BrowseSlice, 'sortSet' | 'filterSet' | 'selectSet'> {
  return {
    sortSet: (key) => set((state) => ({ sortKey: key, sortDescending: state.sortKey === key ? !state.sortDescending : false })),
    filterSet: (filter) => set({ filter }),
    selectSet: (key) => set({ selectedKey: key }),
  };
}
