/**
 * An OSS bucket as a Storage, on ali-oss (signing) with our own retries, timeouts, STS
 * refresh and listing consistency checks.
 *
 * Every request goes through OssRequest (ossRequest.ts); listing (ossListing.ts) uses
 * ListObjectsV2 with continuation tokens, or v1 markers on endpoints that need them, with
 * consistency checks; reads are ranged GETs (ossRange.ts); downloads resume (ossDownload.ts).
 */
import type { ByteSource } from '../../core/bytes';
import { cachedByteSource } from '../../core/bytes';
import type { ObjectEntry, ListPage } from '../../core/model';
import { ossDownload } from './ossDownload';
import { ossList } from './ossListing';
import { ossRangeSource, ossTailRead, tailByteSource } from './ossRange';
import type { OssStorageConfig } from './ossRequest';
import { OssRequest, ossKeyLengthCheck } from './ossRequest';
import type { Storage, StorageDownloadOptions, StorageListOptions } from './storage';

export type { OssStorageConfig } from './ossRequest';

/** Bytes of the object's tail fetched by `open` (hyparquet's default initial fetch). */
const openTailBytes = 64 * 1024;

/** A Storage over an OSS bucket. */
export class OssStorage implements Storage {
  readonly kind = 'oss' as const;
  readonly label: string;
  readonly bucket: string;
  /** Endpoint, credentials and retry policy every request of this storage uses. */
  readonly request: OssRequest;

  constructor(config: OssStorageConfig) {
    this.request = new OssRequest(config);
    this.bucket = config.bucket;
    this.label = `oss://${config.bucket}`;
  }

  async list(options: StorageListOptions): Promise<ListPage> {
    return ossList(this.request, options);
  }

  async head(key: string, signal?: AbortSignal): Promise<ObjectEntry> {
    const { etag: _etag, ...entry } = await this.request.head(key, signal);
    return entry;
  }

  async open(key: string, signal?: AbortSignal): Promise<ByteSource> {
    ossKeyLengthCheck(key);
    // One suffix GET instead of HEAD: size + ETag + the tail every format reader looks at first
    // (a Parquet schema is then 1 request, or 2 when the footer is longer than the tail).
    const tail = await ossTailRead(this.request, key, openTailBytes, signal);
    const head = tail?.head ?? (await this.request.head(key, signal));
    // Coalescing + small LRU: readers ask for many small nearby ranges, each a round trip here.
    const direct = ossRangeSource(this.request, head);
    const cached = cachedByteSource(direct);
    return tail ? tailByteSource(cached, direct, tail.bytes) : cached;
  }

  async download(key: string, destPath: string, options: StorageDownloadOptions = {}): Promise<{ bytes: number }> {
    return ossDownload(this.request, key, destPath, options);
  }
}
