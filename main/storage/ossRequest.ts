/**
 * One OSS request as every OSS piece makes it: the ali-oss client of the current credentials
 * snapshot, retries of transient failures, one STS refresh after an expired-token answer,
 * cancellation and the per-request timeout.
 *
 * OssStorage composes it with listing (ossListing.ts), ranged reads (ossRange.ts) and downloads
 * (ossDownload.ts); those sit on this module only, never on OssStorage.
 */
import type OSS from 'ali-oss';
import { abortRace } from '../../core/bytes';
import { ShiplensError, throwIfCancelled } from '../../core/errors';
import type { ObjectEntry } from '../../core/model';
import type { OssEndpointConfig } from './ossClient';
import { ossClientFor, ossWhere } from './ossClient';
import type { OssCredentials } from './ossCredentials';
import { OssCredentialHolder } from './ossCredentials';
import { ossErrorIsTokenExpired, ossErrorMap } from './ossErrors';
import { retryWithBackoff } from './retry';

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

/** An HTTP date (Last-Modified) as ISO 8601; the epoch when absent or malformed. */
export function ossDateIso(value: string | undefined): string {
  const ms = value ? Date.parse(value) : NaN;
  return Number.isFinite(ms) ? new Date(ms).toISOString() : new Date(0).toISOString();
}

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

/** An OSS key is 1 to 1023 bytes of UTF-8. */
export function ossKeyLengthCheck(key: string): void {
  if (key.length === 0 || new TextEncoder().encode(key).length > 1023) {
    throw new ShiplensError('INVALID_ARGUMENT', 'An OSS object key must be 1 to 1023 bytes long.', { source: key.slice(0, 100) });
  }
}

/** Refuse a config without keys or with a bucket name OSS would reject. */
function ossConfigCheck(config: OssStorageConfig): void {
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
}

/** Requests to one bucket: endpoint, credentials, retry policy. */
export class OssRequest {
  readonly bucket: string;
  readonly credentials: OssCredentialHolder;
  readonly endpointConfig: OssEndpointConfig;
  readonly retries: number;
  readonly retryBaseMs: number;
  readonly random: () => number;

  constructor(config: OssStorageConfig) {
    ossConfigCheck(config);
    this.bucket = config.bucket;
    this.endpointConfig = {
      bucket: config.bucket,
      region: config.region,
      endpoint: config.endpoint,
      internal: config.internal,
      accelerate: config.accelerate,
      pathStyle: config.pathStyle,
      timeoutMs: config.timeoutMs ?? 60_000,
    };
    const { accessKeyId, accessKeySecret, securityToken, expiration } = config;
    this.credentials = new OssCredentialHolder({ accessKeyId, accessKeySecret, securityToken, expiration }, config.refreshSts, config.now);
    this.retries = config.retries ?? 4;
    this.retryBaseMs = config.retryBaseMs ?? 200;
    this.random = config.random ?? Math.random;
  }

  /** Where requests go (for messages). */
  get where(): string {
    return ossWhere(this.endpointConfig);
  }

  /** The per-request timeout as ali-oss takes it. */
  get timeout(): { timeout: number } {
    return { timeout: this.endpointConfig.timeoutMs };
  }

  /** `oss://bucket/key` (for messages). */
  sourceOf(key: string): string {
    return `oss://${this.bucket}/${key}`;
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
    return retryWithBackoff(() => this.attempt(key, signal, call), {
      retries: this.retries,
      baseMs: this.retryBaseMs,
      signal,
      random: this.random,
    });
  }

  /** One attempt of `run`: the call, and once more with refreshed credentials after an expired token. */
  private async attempt<T>(key: string | undefined, signal: AbortSignal | undefined, call: (client: OSS) => Promise<T>): Promise<T> {
    throwIfCancelled(signal);
    let credentials = await this.credentials.current();
    try {
      return await abortRace(call(ossClientFor(this.endpointConfig, credentials)), signal);
    } catch (error) {
      const expired = credentials.securityToken !== undefined && (await this.tokenRejected(error, key, credentials));
      if (expired && !this.credentials.canRefresh) throw this.tokenExpiredError(key);
      if (!expired) throw this.errorMap(error, key, credentials);
      credentials = await this.credentials.refresh(credentials);
      try {
        return await abortRace(call(ossClientFor(this.endpointConfig, credentials)), signal);
      } catch (second) {
        throw this.errorMap(second, key, credentials);
      }
    }
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
      await ossClientFor(this.endpointConfig, credentials).head(key, this.timeout);
      return false;
    } catch (probe) {
      return ossErrorIsTokenExpired(probe);
    }
  }

  /** HEAD with the ETag (for consistent ranged reads and resumed downloads). */
  async head(key: string, signal?: AbortSignal): Promise<OssHead> {
    ossKeyLengthCheck(key);
    const result = await this.run(key, signal, (client) => client.head(key, this.timeout));
    const headers = (result.res?.headers ?? {}) as Record<string, string | undefined>;
    const size = Number(headers['content-length']);
    if (!Number.isSafeInteger(size) || size < 0) {
      throw new ShiplensError('SERVER_ERROR', 'OSS answered HEAD without a valid Content-Length.', { source: this.sourceOf(key) });
    }
    return { key, size, lastModified: ossDateIso(headers['last-modified']), etag: headers.etag ?? null };
  }
}
