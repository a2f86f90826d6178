/**
 * A local file as the open table (a decompressed output, a dropped file) through
 * `table.openFile`: the connection and the folder being browsed stay as they were.
 */
import type { StateCreator } from 'zustand';
import type { CsvDialect } from '../../main/api/contract';
import { apiCall, apiJobId, apiPathForFile, apiUpload } from '../api/client';
import { dialectDefault } from './tableSlice';
import { tableOpenedTake, tableOpeningStart } from './tableOpening';
import type { ShiplensState } from './types';

/** Which file: a path inside an output folder, or an upload; `label` is what Inspect shows. */
export interface FileRef {
  label: string;
  path?: string;
  outDir?: string;
  uploadId?: string;
}

export interface FileTableSlice {
  /** The file behind the open table, when the table is a file (null for bucket objects). */
  fileOpened: FileRef | null;
  fileTableOpen(file: FileRef, dialect?: CsvDialect): Promise<void>;
  /** A dropped or picked File: uploaded (browser) or by its path (Electron), then opened. */
  fileDropOpen(file: File): Promise<void>;
}

/** The file-table slice. */
export const createFileTableSlice: StateCreator<ShiplensState, [], [], FileTableSlice> = (set, get) => ({
  fileOpened: null,
  fileTableOpen: async (file, chosen) => {
    const same = get().fileOpened?.label === file.label && get().openKey === file.label;
    const dialect = chosen ?? (same ? get().dialect : dialectDefault);
    const jobId = tableOpeningStart(get, set, file.label, dialect, file);
    const where = file.uploadId ? { uploadId: file.uploadId } : { path: file.path, ...(file.outDir ? { outDir: file.outDir } : {}) };
    // Only a dialect the user chose is sent: JSON and Parquet files have none.
    await tableOpenedTake(get, set, jobId, await apiCall('table.openFile', { ...where, jobId, ...(chosen ? { dialect: chosen } : {}) }));
  },
  fileDropOpen: async (file) => {
    const path = apiPathForFile(file);
    if (path) {
      // Electron: the dropped file's own folder is where it is read from.
      const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
      await get().fileTableOpen({ label: path, path, outDir: path.slice(0, Math.max(cut, 1)) });
      return;
    }
    const jobId = apiJobId('table');
    set({
      fileOpened: null,
      openKey: file.name,
      inspection: null,
      table: null,
      schema: null,
      rows: [],
      rowsDone: false,
      tablePending: true,
      tableError: null,
      tableJobId: jobId,
      tableProgress: null,
      view: 'inspect',
    });
    const upload = await apiUpload(file);
    if (get().tableJobId !== jobId) return;
    if (!upload.ok) {
      set({ tablePending: false, tableError: upload.error });
      return;
    }
    await get().fileTableOpen({ label: file.name, uploadId: upload.value.uploadId });
  },
});
