/**
 * Decompress: dropped or picked files, each uploaded (browser) or passed by path (Electron),
 * plus the partition job's part (partitionSlice.ts).
 */
import type { StateCreator } from 'zustand';
import type { ApiInput, DecompressResult } from '../../../main/api/contract';
import type { ErrorInfo } from '../../../core/errors';
import { apiCall, apiJobId, apiPathForFile, apiUpload } from '../../api/client';
import type { Progress } from '../../state/progress';
import { partitionActions, partitionProgressSet } from './partitionSlice';
import type { PartitionSlice } from './partitionSlice';

export type DecompressStatus = 'uploading' | 'decoding' | 'done' | 'error' | 'exists';

export interface DecompressItem {
  id: string;
  fileName: string;
  size: number;
  status: DecompressStatus;
  progress: Progress | null;
  result: DecompressResult | null;
  error: ErrorInfo | null;
}

export interface DecompressSlice extends PartitionSlice {
  decompressItems: DecompressItem[];
  decompressOutDir: string;
  decompressAdd(files: File[]): Promise<void>;
  decompressRetry(id: string, overwrite: boolean): Promise<void>;
  decompressDismiss(id: string): void;
  decompressOutDirSet(dir: string): void;
  decompressProgressSet(progress: Progress): void;
}

// Files stay out of the store (big, not serialisable); the store keeps ids and results.
const files = new Map<string, File>();

/** The decompress slice. */
export const createDecompressSlice: StateCreator<DecompressSlice, [], [], DecompressSlice> = (set, get) => {
  function itemPatch(id: string, patch: Partial<DecompressItem>): void {
    set((state) => ({ decompressItems: state.decompressItems.map((item) => (item.id === id ? { ...item, ...patch } : item)) }));
  }

  async function run(id: string, overwrite: boolean): Promise<void> {
    const file = files.get(id);
    if (!file) return;
    const outDir = get().decompressOutDir.trim();
    const base: ApiInput<'decompress.file'> = { overwrite, jobId: id, ...(outDir ? { outDir } : {}) };
    const path = apiPathForFile(file);
    if (path) {
      base.path = path;
    } else {
      itemPatch(id, { status: 'uploading', error: null });
      const upload = await apiUpload(file);
      if (!upload.ok) {
        itemPatch(id, { status: 'error', error: upload.error });
        return;
      }
      // fileName would override the output name; main derives it from the uploaded name.
      base.uploadId = upload.value.uploadId;
    }
    itemPatch(id, { status: 'decoding', error: null });
    const response = await apiCall('decompress.file', base);
    if (response.ok) itemPatch(id, { status: 'done', result: response.value });
    else itemPatch(id, { status: response.error.code === 'FILE_EXISTS' ? 'exists' : 'error', error: response.error });
  }

  return {
    ...partitionActions(set, get),
    decompressItems: [],
    decompressOutDir: '',
    decompressAdd: async (added) => {
      const items = added.map((file): DecompressItem => {
        const id = apiJobId('dec');
        files.set(id, file);
        return { id, fileName: file.name, size: file.size, status: 'uploading', progress: null, result: null, error: null };
      });
      set((state) => ({ decompressItems: items.concat(state.decompressItems) }));
      // One at a time: the machine decoding may be small, and order is easy to follow.
      for (const item of items) await run(item.id, false);
    },
    decompressRetry: (id, overwrite) => run(id, overwrite),
    decompressDismiss: (id) => {
      files.delete(id);
      set((state) => ({ decompressItems: state.decompressItems.filter((item) => item.id !== id) }));
    },
    decompressOutDirSet: (dir) => set({ decompressOutDir: dir }),
    decompressProgressSet: (progress) => {
      partitionProgressSet(set, get, progress);
      if (get().decompressItems.some((item) => item.id === progress.jobId)) itemPatch(progress.jobId, { progress });
    },
  };
};
