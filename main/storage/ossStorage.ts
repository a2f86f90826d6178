/**
 * An OSS bucket as a Storage, on ali-oss (signing) with our own retries, timeouts, STS
 * refresh and listing consistency checks.
 *
 * Listing (ossListing.ts) uses ListObjectsV2 with continuation tokens, or v1 markers on
 * endpoints that need them, with consistency checks; reads are ranged GETs (ossRange.ts).
 */
import type OSS from 'ali-oss';
import type { ByteSource } from '../../core/bytes/byteSource';
import { cachedByteSource } from '../../core/bytes/cachedByteSource';
import { ShiplensError, throwIfCancelled } from '../../core/errors';
import type { ObjectEntry } from '../api/contract';
import type { OssEndpointConfig } from './ossClient';
import { ossClientFor, ossWhere } from './ossClient';
import type { OssCredentials } from './ossCredentials';
import { OssCredentialHolder } from './ossCredentials';
import { ossDownload } from './ossDownload';
import { ossList } from './ossListing';
import { ossErrorIsTokenExpired, ossErrorMap } from './ossErrors';
import { ossRangeRead, ossRangeSource, ossTailRead, tailByteSource } from './ossRange';
import { retryWithBackoff } from './retry';
import type { Storage, StorageDownloadOptions, StorageListOptions, StorageListPage } from './storage';

/** Configuration of an OssStorage. */
export interface OssStorageConfig extends Partial<OssCredentials> {
  bucket: string;
  endpoint?: string;
  region?: string;
  internal?: boolean;
  accelerate?: boolean;
  accessKeyId: string;
  accessKeySecret: string;
  /** Called before STS expiry and once after an expired-token answer. */
  refreshSts?: () => Promise<OssCredentials>;
  /** Per request (connect + headers) and per stalled body; default 60 s. */
  timeoutMs?: number;
  /** Retries of transient failures; default 4. */
  retries?: number;
  /** First back-off step; default 200 ms. */
  retryBaseMs?: number;
  /** Bucket in the path instead of the host name; default: path-style for IP and localhost endpoints. */
  pathStyle?: boolean;
  /** Injected for tests. */
  now?: () => number;
  random?: () => number;
}

/** Object metadata needed to read consistently. */
export interface OssHead extends ObjectEntry {
  etag: string | null;
}

/** Bytes of the object's tail fetched by `open` (hyparquet's default initial fetch). */
const openTailBytes = 64 * 1024;

/**
 * Refuse keys the SDK cannot address: its URL handling resolves `.`/`..` segments, so such a
 * request would name another object (OSS then answers SignatureDoesNotMatch, which reads as bad
 * credentials). Found by the hostile-name tests (ossStorageRegression).
 */
function ossKeyCheck(key: string, bucket: string): void {
  if (key.split('/').some((segment) => segment === '.' || segment === '..')) {
    throw new ShiplensError(
      'INVALID_ARGUMENT',
      `The key ${JSON.stringify(key.slice(0, 200))} has a "." or ".." path segment, which OSS requests cannot name.`,
      {
        source: `oss://${bucket}/${key}`,
        hint: 'Use the OSS console or ossutil for this object.',
      },
    );
  }
}

/** Run a call that yields to `signal`: CANCELLED as soon as it aborts. */
export function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new ShiplensError('CANCELLED', 'The operation was cancelled.'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** A Storage over an OSS bucket. */
export class OssStorage implements Storage {
  readonly kind = 'oss' as const;
  readonly label: string;
  readonly bucket: string;
  readonly credentials: OssCredentialHolder;
  readonly endpointConfig: OssEndpointConfig;
  readonly retries: number;
  readonly retryBaseMs: number;
  readonly random: () => number;

  constructor(config: OssStorageConfig) {
    if (!config.accessKeyId || !config.accessKeySecret) {
      throw new ShiplensError('CREDENTIALS_UNAVAILABLE', 'No AccessKey ID/secret for OSS.', {
        hint: 'Add credentials to the profile, or set ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET.',
      });
    }
    // OSS bucket naming rules; ali-oss would otherwise fail every call with an untyped error
    // that read as "Unexpected failure talking to <endpoint>" (ossStorageRegression).
    if (!/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(config.bucket)) {
      throw new ShiplensError('INVALID_ARGUMENT', `"${config.bucket.slice(0, 80)}" is not a valid OSS bucket name.`, {
        source: 'bucket',
        hint: 'Bucket names are 3–63 characters: lowercase letters, digits and hyphens, starting and ending with a letter or digit.',
      });
    }
    this.bucket = config.bucket;
    this.label = `oss://${config.bucket}`;
    this.endpointConfig = {
      bucket: config.bucket,
      region: config.region,
      endpoint: config.endpoint,
      internal: config.internal,
      accelerate: config.accelerate,
      pathStyle: config.pathStyle,
      timeoutMs: config.timeoutMs ?? 60_000,
    };
    const initial: OssCredentials = {
      accessKeyId: config.accessKeyId,
      accessKeySecret: config.accessKeySecret,
      securityToken: config.securityToken,
      expiration: config.expiration,
    };
    this.credentials = new OssCredentialHolder(initial, config.refreshSts, config.now);
    this.retries = config.retries ?? 4;
    this.retryBaseMs = config.retryBaseMs ?? 200;
    this.random = config.random ?? Math.random;
  }

  /** Where requests go (for messages). */
  get where(): string {
    return ossWhere(this.endpointConfig);
  }

  /** Map an error for `key`. */
  errorMap(error: unknown, key: string | undefined, credentials: OssCredentials): ShiplensError {
    return ossErrorMap(error, { bucket: this.bucket, where: this.where, key, usedToken: credentials.securityToken !== undefined });
  }

  /**
   * One OSS call with retries (transient errors), cancellation, and one STS refresh after an
   * expired-token answer. `probe` learns the error code when a streamed answer had no body.
   */
  async run<T>(key: string | undefined, signal: AbortSignal | undefined, call: (client: OSS) => Promise<T>): Promise<T> {
    if (key !== undefined) ossKeyCheck(key, this.bucket);
    return retryWithBackoff(
      async () => {
        throwIfCancelled(signal);
        let credentials = await this.credentials.current();
        try {
          return await abortable(call(ossClientFor(this.endpointConfig, credentials)), signal);
        } catch (error) {
          const expired = credentials.securityToken !== undefined && (await this.tokenRejected(error, key, credentials));
          if (expired && !this.credentials.canRefresh) throw this.tokenExpiredError(key);
          if (!expired) throw this.errorMap(error, key, credentials);
          credentials = await this.credentials.refresh(credentials);
          try {
            return await abortable(call(ossClientFor(this.endpointConfig, credentials)), signal);
          } catch (second) {
            throw this.errorMap(second, key, credentials);
          }
        }
      },
      { retries: this.retries, baseMs: this.retryBaseMs, signal, random: this.random },
    );
  }

  /** A bodiless 403 (streamed GET) of an expired token, when no refresh is possible: say so. */
  private tokenExpiredError(key: string | undefined): ShiplensError {
    return this.errorMap({ status: 403, code: 'SecurityTokenExpired' }, key, { accessKeyId: '', accessKeySecret: '', securityToken: '' });
  }

  /** True when the error is an expired/invalid token (a bodiless 403 is probed with HEAD). */
  private async tokenRejected(error: unknown, key: string | undefined, credentials: OssCredentials): Promise<boolean> {
    if (ossErrorIsTokenExpired(error)) return true;
    const raw = error as { status?: number; code?: string };
    if (raw?.status !== 403 || raw.code || key === undefined) return false;
    try {
      await ossClientFor(this.endpointConfig, credentials).head(key, { timeout: this.endpointConfig.timeoutMs });
      return false;
    } catch (probe) {
      return ossErrorIsTokenExpired(probe);
    }
  }

  async list(options: StorageListOptions): Promise<StorageListPage> {
    return ossList(this, options);
  }

  /** HEAD with the ETag (for consistent ranged reads and resumed downloads). */
  async headRaw(key: string, signal?: AbortSignal): Promise<OssHead> {
    keyCheck(key);
    const result = await this.run(key, signal, (client) => client.head(key, { timeout: this.endpointConfig.timeoutMs }));
    const headers = (result.res?.headers ?? {}) as Record<string, string | undefined>;
    const size = Number(headers['content-length']);
    if (!Number.isSafeInteger(size) || size < 0) {
      throw new ShiplensError('SERVER_ERROR', 'OSS answered HEAD without a valid Content-Length.', {
        source: `oss://${this.bucket}/${key}`,
      });
    }
    return { key, size, lastModified: isoDate(headers['last-modified']), etag: headers.etag ?? null };
  }

  async head(key: string, signal?: AbortSignal): Promise<ObjectEntry> {
    const { etag: _etag, ...entry } = await this.headRaw(key, signal);
    return entry;
  }

  async open(key: string, signal?: AbortSignal): Promise<ByteSource> {
    keyCheck(key);
    // One suffix GET instead of HEAD: size + ETag + the tail every format reader looks at first
    // (a Parquet schema is then 1 request, or 2 when the footer is longer than the tail).
    const tail = await ossTailRead(this, key, openTailBytes, signal);
    const head = tail?.head ?? (await this.headRaw(key, signal));
    // Coalescing + small LRU: readers ask for many small nearby ranges, each a round trip here.
    const direct = ossRangeSource(this, head);
    const cached = cachedByteSource(direct);
    return tail ? tailByteSource(cached, direct, tail.bytes) : cached;
  }

  /** Read `[start, start+length)` of `key` with one ranged GET (exposed for tests). */
  readRange(key: string, start: number, length: number, etag: string | null, size: number, signal?: AbortSignal): Promise<Uint8Array> {
    return ossRangeRead(this, key, start, length, etag, size, signal);
  }

  async download(key: string, destPath: string, options: StorageDownloadOptions = {}): Promise<{ bytes: number }> {
    return ossDownload(this, key, destPath, options);
  }
}

function keyCheck(key: string): void {
  if (key.length === 0 || new TextEncoder().encode(key).length > 1023) {
    throw new ShiplensError('INVALID_ARGUMENT', 'An OSS object key must be 1 to 1023 bytes long.', { source: key.slice(0, 100) });
  }
}

function isoDate(value: string | undefined): string {
  const ms = value ? Date.parse(value) : NaN;
  return Number.isFinite(ms) ? new Date(ms).toISOString() : new Date(0).toISOString();
}
