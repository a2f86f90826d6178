/**
 * Listing: the prefix's objects streamed page by page into the slice, cancellable; a newer
 * listing drops the pages of an older one, and a recursive listing stops at a cap.
 */
import { apiCall } from '../../api/client';
import type { BrowseGet, BrowseSet, BrowseSlice } from './browseState';
import { commonFolder } from './commonFolder';

// Each listing gets a generation; a newer listing or Cancel makes older pages drop.
let listGeneration = 0;

/** Objects a recursive listing holds at most (entries are small; a whole bucket is not). */
export const recursiveMax = 100_000;

/** Append every page of one listing; false when it was superseded, failed or hit the cap. */
async function listInto(set: BrowseSet, get: BrowseGet, prefix: string, delimiter: '' | '/', generation: number): Promise<boolean> {
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

/** A listing starts empty, running, with nothing selected; returns its generation. */
function listingStart(set: BrowseSet, fields: Partial<BrowseSlice>): number {
  listGeneration += 1;
  set({ ...fields, prefixes: [], objects: [], listing: true, listPages: 0, listCancelled: false, listError: null, selectedKey: null });
  return listGeneration;
}

/** The listing actions of the browse slice. */
export function browseListingActions(
  set: BrowseSet,
  get: BrowseGet,
): Pick<BrowseSlice, 'browseOpen' | 'browseRange' | 'recursiveSet' | 'browseCancel'> {
  return {
    browseOpen: async (prefix) => {
      const generation = listingStart(set, { prefix });
      if (await listInto(set, get, prefix, get().recursive ? '' : '/', generation)) set({ listing: false });
    },
    browseRange: async (planned) => {
      // One list of the planner's partitions, shown below their common folder with their paths.
      const generation = listingStart(set, { prefix: commonFolder(planned), recursive: true });
      for (const prefix of planned) if (!(await listInto(set, get, prefix, '', generation))) return;
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
  };
}
