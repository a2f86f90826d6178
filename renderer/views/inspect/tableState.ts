/**
 * The open table's state, declared apart from the two slices that fill it (a bucket object
 * through `table.open`, a local file through `table.openFile`) so each imports it, not the other.
 */
import type { CsvDialect, ObjectInspection, ParquetSchemaInfo, TableInfo } from '../../../main/api/contract';
import type { ErrorInfo } from '../../../core/errors';
import type { Progress } from '../../state/progress';

/** Which file: a path inside an output folder, or an upload; `label` is what Inspect shows. */
export interface FileRef {
  label: string;
  path?: string;
  outDir?: string;
  uploadId?: string;
}

export interface TableSlice {
  openKey: string | null;
  inspection: ObjectInspection | null;
  table: TableInfo | null;
  schema: ParquetSchemaInfo | null;
  /** Rows fetched into the table's frame (`tableFrameGet(table.tableId)`); the rows stay there. */
  rowsLoaded: number;
  rowsDone: boolean;
  rowsPending: boolean;
  tablePending: boolean;
  tableError: ErrorInfo | null;
  tableJobId: string | null;
  tableProgress: Progress | null;
  dialect: CsvDialect;
  rawVisible: boolean;
  rawText: string | null;
  /** The file behind the open table, when the table is a file (null for bucket objects). */
  fileOpened: FileRef | null;
  tableOpen(key: string, options?: { dialect?: CsvDialect }): Promise<void>;
  tableMore(): Promise<void>;
  tableCancel(): void;
  tableClose(): void;
  tableProgressSet(progress: Progress): void;
  dialectSet(dialect: CsvDialect): void;
  rawToggle(): Promise<void>;
}

export interface FileTableSlice {
  fileTableOpen(file: FileRef, dialect?: CsvDialect): Promise<void>;
  /** A dropped or picked File: uploaded (browser) or by its path (Electron), then opened. */
  fileDropOpen(file: File): Promise<void>;
}

/** Rows fetched per `table.rows` call; more pages load as the user scrolls. */
export const tablePageSize = 500;
/** Rows kept in the renderer at most; beyond it the view says so (export reads everything). */
export const tableRowCap = 50_000;

/** No table: what closing one and starting to open the next both clear (and the slice starts with). */
export const tableEmpty = {
  inspection: null,
  table: null,
  schema: null,
  rowsLoaded: 0,
  rowsDone: false,
  tableError: null,
  rawVisible: false,
  rawText: null,
} satisfies Partial<TableSlice>;
