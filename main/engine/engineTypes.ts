/**
 * The engine's surface: core's formats, codecs, export and simulator with the platform pieces
 * bound (see index.ts). Handlers, the CLI and the decode runner depend on this shape only, so
 * tests inject fakes.
 */
import type { ByteSource } from '../../core/bytes';
import type { SnappyDecodeOptions, SnappyDecodeResult } from '../../core/codecs';
import type { CsvExportOptions } from '../../core/export';
import type { OpenedTable, ParquetSchema, TableOpenOptions, TableReader } from '../../core/formats';
import type { Compression, FormatDetection, ShippingRule, StorageFormat } from '../../core/model';

/**
 * Core engine functions (formats, export, codecs, simulator) with platform pieces bound.
 *
 * Options are core's own, less the raw-block decoder: the engine binds that one (the same
 * choice for the app and the CLI), so no caller can pass another.
 */
export interface Engine {
  tableOpen(source: ByteSource, options: Omit<TableOpenOptions, 'rawDecoder'>): Promise<OpenedTable>;
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
  snappyDecode(bytes: Uint8Array, options: Omit<SnappyDecodeOptions, 'rawDecoder'>): Promise<SnappyDecodeResult>;
  shippingSimulate(
    rule: ShippingRule,
    logs: Record<string, unknown>[],
    taskTimeNs: bigint,
    taskNumber: number,
  ): Promise<{ key: string; bytes: Uint8Array; rows: number }[]>;
}
