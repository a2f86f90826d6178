/**
 * The credentials an OssStorage signs with, refreshed before STS expiry and once after an
 * expired-token answer.
 *
 * ali-oss's own `refreshSTSToken` decides by a fixed interval and lets concurrent requests
 * race the refresh (requests in flight keep the old token); here one refresh is shared by all
 * callers (single flight) and each request signs with a consistent snapshot.
 */
import { ShiplensError } from '../../core/errors';
import { redact } from '../credentials/redact';

/** AccessKey or STS credentials. */
export interface OssCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
  /** When STS credentials expire: ISO 8601 or epoch ms. */
  expiration?: string | number;
}

/** Refresh this long before the expiration. */
export const stsRefreshMarginMs = 5 * 60_000;

function expiryMs(credentials: OssCredentials): number | null {
  const { expiration } = credentials;
  if (expiration === undefined) return null;
  const ms = typeof expiration === 'number' ? expiration : Date.parse(expiration);
  return Number.isFinite(ms) ? ms : null;
}

/** Holds the current credentials and refreshes them (single flight). */
export class OssCredentialHolder {
  // JS-private: never serialised or inspected with the storage that holds it.
  #credentials: OssCredentials;
  #refresher: (() => Promise<OssCredentials>) | undefined;
  private inflight: Promise<OssCredentials> | null = null;
  /** Number of successful refreshes (for tests and diagnostics). */
  refreshCount = 0;

  constructor(
    initial: OssCredentials,
    refresher: (() => Promise<OssCredentials>) | undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.#credentials = { ...initial };
    this.#refresher = refresher;
  }

  /** True when a refresher exists. */
  get canRefresh(): boolean {
    return this.#refresher !== undefined;
  }

  /** Current credentials, refreshed first when they expire within the margin. */
  async current(): Promise<OssCredentials> {
    const expires = expiryMs(this.#credentials);
    if (this.#refresher && expires !== null && this.now() >= expires - stsRefreshMarginMs) return this.refresh(this.#credentials);
    return this.#credentials;
  }

  /**
   * Refresh because `used` was rejected. If another caller already replaced `used`, the newer
   * credentials are returned without a second refresh.
   */
  async refresh(used: OssCredentials): Promise<OssCredentials> {
    if (!this.#refresher)
      throw new ShiplensError('AUTH_FAILED', 'The STS credentials expired and cannot be refreshed.', {
        hint: 'Get a new STS token and reconnect.',
      });
    if (used !== this.#credentials) return this.#credentials;
    this.inflight ??= this.refreshOnce().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async refreshOnce(): Promise<OssCredentials> {
    const old = this.#credentials;
    let next: OssCredentials;
    try {
      next = await (this.#refresher as () => Promise<OssCredentials>)();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new ShiplensError(
        'CREDENTIALS_UNAVAILABLE',
        `Refreshing the STS credentials failed: ${redact(message, [old.accessKeySecret, old.securityToken])}`,
        {
          hint: 'Check the STS role or token service, then reconnect.',
        },
      );
    }
    if (!next?.accessKeyId || !next.accessKeySecret) {
      throw new ShiplensError('CREDENTIALS_UNAVAILABLE', 'The STS refresh returned no AccessKey ID or secret.', {
        hint: 'Check the STS token service.',
      });
    }
    this.#credentials = { ...next };
    this.refreshCount++;
    return this.#credentials;
  }
}
