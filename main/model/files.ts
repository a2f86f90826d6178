/** Files main writes and objects the rule simulator makes. */
import type { SnappyVariant } from '../../core/codecs';
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
