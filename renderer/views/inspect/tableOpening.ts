/**
 * The steps every table open shares, whether the table is a bucket object (`table.open`) or a
 * local file (`table.openFile`): close the previous one and clear its state, then take the
 * opened table only if its job is still the current one.
 */
import type { ApiResponse, CsvDialect, TableInfo } from '../../../main/api/contract';
import { apiCall, apiJobId } from '../../api/client';
import type { NavSlice } from '../../state/navSlice';
import { tableEmpty, tablePageSize, tableRowCap } from './tableState';
import type { FileRef, TableSlice } from './tableState';
import { tableFrameCreate, tableFrameDrop, tableFrameOf } from './tableFrame';
import { gridViewReset } from './gridViewSlice';
import type { GridViewSlice } from './gridViewSlice';

type TableState = TableSlice & NavSlice & GridViewSlice;
type Get = () => TableState;
type Set = (partial: Partial<TableState>) => void;

/** Close the open table and show `label` as opening; returns the new job id. */
export function tableOpeningStart(get: Get, set: Set, label: string, dialect: CsvDialect, fileOpened: FileRef | null): string {
  const previous = get().table;
  if (previous) {
    void apiCall('table.close', { tableId: previous.tableId });
    tableFrameDrop(previous.tableId);
  }
  const jobId = apiJobId('table');
  set({
    ...gridViewReset(previous?.tableId),
    ...tableEmpty,
    openKey: label,
    tablePending: true,
    tableJobId: jobId,
    tableProgress: null,
    dialect,
    fileOpened,
  });
  get().viewSet('inspect');
  return jobId;
}

/** Take an opened table (or its error) when `jobId` is still current, else close it; then load rows. */
export async function tableOpenedTake(get: Get, set: Set, jobId: string, opened: ApiResponse<TableInfo>): Promise<void> {
  if (get().tableJobId !== jobId) {
    if (opened.ok) void apiCall('table.close', { tableId: opened.value.tableId });
    return;
  }
  if (!opened.ok) {
    set({ tablePending: false, tableError: opened.error });
    return;
  }
  const table = opened.value;
  tableFrameOf(table, () =>
    tableFrameCreate(
      table,
      (offset, limit) => apiCall('table.rows', { tableId: table.tableId, offset, limit }),
      tablePageSize,
      tableRowCap,
    ),
  );
  set({ table, tablePending: false, tableError: null });
  await get().tableMore();
}
