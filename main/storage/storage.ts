/**
 * The one storage interface (DESIGN rule 3): a local folder and an OSS bucket look the same.
 *
 * Everything above storage (API handlers, CLI, table readers) speaks only this interface, so it
 * runs unchanged on the embedded sample folder and on a real bucket.
 */
import type { ListPage, ObjectEntry } from '../../core/model';
import type { ByteSource } from '../../core/bytes';

/** Options of `Storage.list`. */
export interface StorageListOptions {
  prefix: string;
  delimiter: '/' | '';
  pageToken?: string;
  maxKeys?: number;
  signal?: AbortSignal;
}

/** Options of `Storage.download`. */
export interface StorageDownloadOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  overwrite?: boolean;
}

/** A bucket-like store of objects addressed by `/`-joined keys. */
export interface Storage {
  readonly kind: 'local' | 'oss';
  readonly label: string;
  readonly bucket: string;
  list(options: StorageListOptions): Promise<ListPage>;
  head(key: string, signal?: AbortSignal): Promise<ObjectEntry>;
  /** A ByteSource over the object, read by ranges. */
  open(key: string, signal?: AbortSignal): Promise<ByteSource>;
  /** Download to `destPath` via `<destPath>.part` + rename; refuses to overwrite unless asked. */
  download(key: string, destPath: string, options?: StorageDownloadOptions): Promise<{ bytes: number }>;
}

/** Default and maximum page size of a listing (OSS's own limit is 1000). */
export const listMaxKeysDefault = 1000;
