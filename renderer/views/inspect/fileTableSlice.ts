/**
 * A local file as the open table (a decompressed output, a dropped file) through
 * `table.openFile`: the connection and the folder being browsed stay as they were.
 */
import type { StateCreator } from 'zustand';
import { apiCall, apiPathForFile, apiUpload } from '../../api/client';
import { csvDialectDefault } from '../../../core/model';
import type { FileTableSlice, TableSlice } from './tableState';
import type { NavSlice } from '../../state/navSlice';
import { tableOpenedTake, tableOpeningStart } from './tableOpening';
import type { GridViewSlice } from './gridViewSlice';

/** The file-table slice. */
export const createFileTableSlice: StateCreator<FileTableSlice & TableSlice & NavSlice & GridViewSlice, [], [], FileTableSlice> = (
  set,
  get,
) => ({
  fileTableOpen: async (file, chosen) => {
    const same = get().fileOpened?.label === file.label && get().openKey === file.label;
    const dialect = chosen ?? (same ? get().dialect : csvDialectDefault);
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
    // Browser: the upload is the open's first step (the open table closes now, as for any open).
    const jobId = tableOpeningStart(get, set, file.name, get().dialect, null);
    const upload = await apiUpload(file);
    if (get().tableJobId !== jobId) return;
    if (!upload.ok) {
      set({ tablePending: false, tableError: upload.error });
      return;
    }
    await get().fileTableOpen({ label: file.name, uploadId: upload.value.uploadId });
  },
});
