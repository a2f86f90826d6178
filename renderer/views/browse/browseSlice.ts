/**
 * Browsing: the current prefix and its listing, streamed page by page and cancellable
 * (browseListingActions), and what the user picks in it (browseSelectionActions).
 */
import type { StateCreator } from 'zustand';
import { browseListingActions } from './browseListingActions';
import { browseSelectionActions } from './browseSelectionActions';
import type { BrowseSlice } from './browseState';

// The store and the slices that call browsing name the slice here.
export type { BrowseSlice } from './browseState';

/** The browse slice. */
export const createBrowseSlice: StateCreator<BrowseSlice, [], [], BrowseSlice> = (set, get) => ({
  prefix: '',
  prefixes: [],
  objects: [],
  listing: false,
  listPages: 0,
  listCancelled: false,
  listError: null,
  sortKey: 'name',
  sortDescending: false,
  filter: '',
  selectedKey: null,
  recursive: false,
  ...browseListingActions(set, get),
  ...browseSelectionActions(set),
});
