/** Files main writes and objects the rule simulator makes. */
import type { SnappyVariant } from '../../core/codecs';
import type { ErrorInfo } from '../../core/errors';
import type { StorageFormat } from '../../core/model';

/** A file written by main. */
export interface FileResult {
  path: string;
  bytes: number;
}

/** A decoded snappy file and what it held. */
export interface DecompressResult extends FileResult {
  variant: SnappyVariant;
  inputBytes: number;
  /** Format sniffed from the decoded bytes. */
  contentFormat: StorageFormat | 'unknown';
}

/** One object the simulator says a rule would write. */
export interface SimulatedObject {
  key: string;
  size: number;
  rows: number;
  /** Base64 of the object bytes (for download in the editor). */
  base64: string;
}

/** Why `decompress.objects` left an object alone. */
export type ObjectSkipReason = 'exists' | 'not-compressed' | 'parquet';

/** What happened to one object of a `decompress.objects` job. */
export interface ObjectDecompressOutcome {
  key: string;
  status: 'ok' | 'skipped' | 'failed';
  /** Skipped: why (the output exists, the object is plain text already, or Parquet). */
  reason?: ObjectSkipReason;
  /** Failed (or skipped as existing): the error, its `source` the output path or the key. */
  error?: ErrorInfo;
  /** Ok: the file written; skipped as existing: the file that is there. */
  path?: string;
  /** Ok: bytes written. */
  bytes?: number;
  inputBytes?: number;
  variant?: SnappyVariant;
  contentFormat?: DecompressResult['contentFormat'];
}

/** A whole partition (or a list of objects) decompressed as one job. */
export interface ObjectsDecompressResult {
  outDir: string;
  /** One entry per object, in key order; objects not reached before a cancel are absent. */
  results: ObjectDecompressOutcome[];
  /** Objects the job set out to decompress. */
  total: number;
  decoded: number;
  skipped: number;
  failed: number;
  /** Bytes written in all. */
  bytes: number;
  /** The job was cancelled: `results` holds what was done before, no partial file remains. */
  cancelled: boolean;
}
