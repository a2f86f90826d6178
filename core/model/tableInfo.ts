/** An opened table and a Parquet footer as the faces show them. */
import type { ParquetSchema } from '../formats/parquet/parquetSchema';
import type { TableColumn, TableWarning } from './cells';
import type { Compression, StorageFormat } from './rule';

/** An opened table: its id for row pages, columns and warnings. */
export interface TableInfo {
  tableId: string;
  key: string;
  format: StorageFormat;
  compression: Compression;
  columns: TableColumn[];
  numRows: number | null;
  /** Raw text view exists (JSON lines, CSV). */
  hasRaw: boolean;
  rawBytes: number;
  /** Bad lines etc.: reported, the rest still read. */
  warnings: TableWarning[];
}

/** A Parquet footer's schema plus what reading it cost. */
export interface ParquetSchemaInfo extends ParquetSchema {
  key: string;
  /** Bytes read from storage to get this schema (range reads). */
  bytesRead: number;
  reads: number;
}
