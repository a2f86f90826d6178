/** What an object is (format, compression, snappy container) before it is opened. */
import type { SnappyVariant } from '../codecs/snappy/types';
import type { Compression, StorageFormat } from './rule';

/** Format and compression of an object and how they were decided. */
export interface FormatDetection {
  format: StorageFormat;
  compression: Compression;
  snappyVariant?: SnappyVariant;
  /** Declared uncompressed size, where the container states it (raw snappy block). */
  uncompressedSize?: number;
  detectedBy: 'suffix' | 'content' | 'hint';
  /** Set when the content contradicts the name, e.g. `x.parquet` that holds JSON lines. */
  note?: string;
}

/** An object's detection plus its key and size, as `object.inspect` answers. */
export interface ObjectInspection extends Omit<FormatDetection, 'note'> {
  key: string;
  size: number;
}
