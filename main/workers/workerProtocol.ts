/**
 * The messages between the main process and the decode worker (decodeWorker.ts), in one place:
 * a decode request (DecodeRunner) or a table request (tableWorkerClient) as the first message,
 * row requests after a table, and what the worker posts back. Errors cross as ErrorInfo and
 * are rebuilt with `errorFromInfo`.
 */
import type { SnappyVariant } from '../../core/codecs';
import { ShiplensError, errorCodes, errorHintKeys } from '../../core/errors';
import type { ErrorCode, ErrorInfo } from '../../core/errors';
import type { OpenedTable } from '../../core/formats';
import type { Cell, Compression, CsvDialect, StorageFormat, TableColumn } from '../../core/model';

/** First message of a decode: the snappy object (transferred) and the output limit. */
export interface DecodeWorkerRequest {
  bytes: Uint8Array;
  maxDecodeBytes: number;
  source?: string;
}

/** Messages the decode worker posts back. */
export type DecodeWorkerMessage =
  | { type: 'progress'; done: number; total: number | null }
  | { type: 'done'; variant: SnappyVariant; output: Uint8Array }
  | { type: 'error'; error: ErrorInfo };

/** First message of a table: the object's bytes and the user's own hints. */
export interface TableWorkerOpen {
  kind: 'table';
  bytes: Uint8Array;
  name: string;
  format?: StorageFormat;
  compression?: Compression;
  dialect?: CsvDialect;
  maxDecodeBytes: number;
  maxColumns?: number;
}

/** Later requests of a table: a page of rows. */
export interface TableWorkerRows {
  kind: 'rows';
  id: number;
  offset: number;
  limit: number;
}

/** What the table worker posts back. */
export type TableWorkerMessage =
  | { type: 'progress'; done: number; total: number | null }
  | ({
      type: 'opened';
      columns: TableColumn[];
      numRows: number | null;
    } & Pick<OpenedTable, 'format' | 'compression' | 'snappyVariant' | 'detectedBy' | 'text' | 'warnings'>)
  | { type: 'error'; error: ErrorInfo }
  | { type: 'rows'; id: number; rows: Cell[][] }
  | { type: 'rowsError'; id: number; error: ErrorInfo };

/** Rebuild a ShiplensError from its serialised info (codes outside the list become INTERNAL). */
export function errorFromInfo(info: ErrorInfo): ShiplensError {
  const code: ErrorCode = (errorCodes as readonly string[]).includes(info.code) ? info.code : 'INTERNAL';
  const hintKey = (errorHintKeys as readonly string[]).includes(info.hintKey ?? '') ? info.hintKey : undefined;
  return new ShiplensError(code, info.message, { hint: info.hint, hintKey, source: info.source });
}
