/**
 * The engine's surface: core's formats, codecs, export and simulator with the platform pieces
 * bound (see index.ts). Handlers, the CLI and the decode runner depend on this shape only, so
 * tests inject fakes.
 */
import type { ByteSource } from '../../core/bytes';
import type { SnappyVariant } from '../../core/codecs';
import type { ParquetSchema, TableReader, OpenedTable } from '../../core/formats';
import type { CsvDialect, FormatDetection, Compression, ShippingRule, StorageFormat } from '../../core/model';

/** Options of the engine's `tableOpen`. */
export interface TableOpenOptions {
  format?: StorageFormat;
  compression?: Compression;
  dialect?: CsvDialect;
  maxDecodeBytes?: number;
  /** Most JSON key columns; further keys share one "other keys" column. */
  maxColumns?: number;
  /** Zone UTC-adjusted Parquet timestamps are shown in (the user's setting). */
  timeZone?: string;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number | null) => void;
}

/** Options of the engine's `csvExport`. */
export interface CsvExportOptions {
  columns?: string[];
  delimiter?: string;
  bom?: boolean;
  formulaGuard?: boolean;
  nullText?: string;
  signal?: AbortSignal;
  onProgress?: (rows: number) => void;
}

/** Options of the engine's `snappyDecode`. */
export interface SnappyDecodeOptions {
  maxDecodeBytes?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number | null) => void;
  source?: string;
  /** The name or a hint said snappy (a content-only guess may fall back to plain text). */
  presentedAsSnappy?: boolean;
}

/** Core engine functions (formats, export, codecs, simulator) with platform pieces bound. */
export interface Engine {
  tableOpen(source: ByteSource, options: TableOpenOptions): Promise<OpenedTable>;
  formatDetect(
    source: ByteSource,
    hints?: { format?: StorageFormat; compression?: Compression },
    signal?: AbortSignal,
  ): Promise<FormatDetection>;
  parquetSchemaRead(source: ByteSource, signal?: AbortSignal): Promise<ParquetSchema>;
  csvExport(
    reader: TableReader,
    write: (chunk: string) => void | Promise<void>,
    options: CsvExportOptions,
  ): Promise<{ rows: number; bytes: number }>;
  snappyDecode(bytes: Uint8Array, options: SnappyDecodeOptions): Promise<{ variant: SnappyVariant; output: Uint8Array }>;
  shippingSimulate(
    rule: ShippingRule,
    logs: Record<string, unknown>[],
    taskTimeNs: bigint,
    taskNumber: number,
  ): Promise<{ key: string; bytes: Uint8Array; rows: number }[]>;
}
