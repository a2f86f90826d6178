/**
 * Browsing: the current prefix and its listing, streamed page by page and cancellable.
 */
import type { StateCreator } from 'zustand';
import type { ObjectEntry } from '../../main/api/contract';
import type { ErrorInfo } from '../../core/errors';
import { apiCall } from '../api/client';
import type { ShiplensState } from './types';

export type SortKey = 'name' | 'size' | 'modified' | 'taskTime';

export interface BrowseSlice {
  prefix: string;
  prefixes: string[];
  /** Object entries of the prefix (key, size, modified): small records, virtualized in the view. */
  objects: ObjectEntry[];
  listing: boolean;
  listPages: number;
  listCancelled: boolean;
  listError: ErrorInfo | null;
  sortKey: SortKey;
  sortDescending: boolean;
  filter: string;
  selectedKey: string | null;
  /** List every object below the prefix (across partition folders), not one level. */
  recursive: boolean;
  browseOpen(prefix: string): Promise<void>;
  recursiveSet(on: boolean): void;
  browseCancel(): void;
  sortSet(key: SortKey): void;
  filterSet(filter: string): void;
  selectSet(key: string | null): void;
}

// Each listing gets a generation; a newer listing or Cancel makes older pages drop.
let listGeneration = 0;

/** Objects a recursive listing holds at most (entries are small; a whole bucket is not). */
export const recursiveMax = 100_000;

/** The browse slice. */
export const createBrowseSlice: StateCreator<ShiplensState, [], [], BrowseSlice> = (set, get) => ({
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
  browseOpen: async (prefix) => {
    listGeneration += 1;
    const generation = listGeneration;
    set({ prefix, prefixes: [], objects: [], listing: true, listPages: 0, listCancelled: false, listError: null, selectedKey: null });
    let pageToken: string | undefined;
    for (;;) {
      const response = await apiCall('browse.list', { prefix, delimiter: get().recursive ? '' : '/', maxKeys: 1000, ...(pageToken ? { pageToken } : {}) });
      if (generation !== listGeneration) return;
      if (!response.ok) {
        set({ listing: false, listError: response.error });
        return;
      }
      const page = response.value;
      set((state) => ({
        objects: page.objects.length ? state.objects.concat(page.objects) : state.objects,
        prefixes: page.prefixes.length ? state.prefixes.concat(page.prefixes) : state.prefixes,
        listPages: state.listPages + 1,
      }));
      if (!page.nextPageToken) break;
      // A recursive listing stops at the cap, said as a stopped listing (a narrower prefix lists all).
      if (get().objects.length >= recursiveMax) return set({ listing: false, listCancelled: true });
      pageToken = page.nextPageToken;
    }
    set({ listing: false });
    void get();
  },
  recursiveSet: (on) => {
    set({ recursive: on });
    void get().browseOpen(get().prefix);
  },
  browseCancel: () => {
    listGeneration += 1;
    set({ listing: false, listCancelled: true });
  },
  sortSet: (key) => set((state) => ({ sortKey: key, sortDescending: state.sortKey === key ? !state.sortDescending : false })),
  filterSet: (filter) => set({ filter }),
  selectSet: (key) => set({ selectedKey: key }),
});
