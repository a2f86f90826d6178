/**
 * Browsing: the current prefix and its listing, streamed page by page and cancellable.
 */
import type { StateCreator } from 'zustand';
import type { ObjectEntry } from '../../../main/api/contract';
import type { ErrorInfo } from '../../../core/errors';
import { apiCall } from '../../api/client';

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
  /** One list of several prefixes (the planner's partitions of a log-time range). */
  browseRange(prefixes: string[]): Promise<void>;
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

/** The folder every prefix lies in (`a/b/c/`, `a/b/d/x` → `a/b/`). */
export function commonFolder(prefixes: readonly string[]): string {
  if (prefixes.length === 0) return '';
  let common = prefixes[0] ?? '';
  for (const p of prefixes) while (!p.startsWith(common)) common = common.slice(0, -1);
  return common.slice(0, common.lastIndexOf('/') + 1);
}

/** The browse slice. */
export const createBrowseSlice: StateCreator<BrowseSlice, [], [], BrowseSlice> = (set, get) => {
  /** Append every page of one listing; false when it was superseded, failed or hit the cap. */
  async function listInto(prefix: string, delimiter: '' | '/', generation: number): Promise<boolean> {
    let pageToken: string | undefined;
    for (;;) {
      const response = await apiCall('browse.list', { prefix, delimiter, maxKeys: 1000, ...(pageToken ? { pageToken } : {}) });
      if (generation !== listGeneration) return false;
      if (!response.ok) {
        set({ listing: false, listError: response.error });
        return false;
      }
      const page = response.value;
      set((state) => ({
        objects: page.objects.length ? state.objects.concat(page.objects) : state.objects,
        prefixes: page.prefixes.length ? state.prefixes.concat(page.prefixes) : state.prefixes,
        listPages: state.listPages + 1,
      }));
      // A recursive listing stops at the cap, said as a stopped listing (a narrower prefix lists all).
      if (delimiter === '' && get().objects.length >= recursiveMax) {
        set({ listing: false, listCancelled: true });
        return false;
      }
      if (!page.nextPageToken) return true;
      pageToken = page.nextPageToken;
    }
  }
  return {
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
      if (await listInto(prefix, get().recursive ? '' : '/', generation)) set({ listing: false });
    },
    browseRange: async (planned) => {
      listGeneration += 1;
      const generation = listGeneration;
      // One list of the planner's partitions, shown below their common folder with their paths.
      set({
        prefix: commonFolder(planned),
        recursive: true,
        prefixes: [],
        objects: [],
        listing: true,
        listPages: 0,
        listCancelled: false,
        listError: null,
        selectedKey: null,
      });
      for (const prefix of planned) if (!(await listInto(prefix, '', generation))) return;
      set({ listing: false });
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
  };
};
