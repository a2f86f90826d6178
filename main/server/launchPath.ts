/**
 * The one-time launch path (issue 12 §9): the browser is opened at `/launch/<nonce>`, never at
 * the tokened URL, so the token does not appear in the opener's process arguments (`ps` on a
 * shared host). The first request for the nonce is answered with a redirect to `/#token=…`
 * (the fragment the renderer reads and clears); after that, or after a minute, it is refused.
 * The nonce itself is visible in `ps` but is worth nothing once used: a stolen one used first
 * makes the user's own browser show the refusal, so the theft does not go unnoticed.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { textRespond } from './httpGuards';

/** URL path prefix of the launch route. */
export const launchPathPrefix = '/launch/';
/** How long an unused launch link works: enough for a browser to start. */
export const launchTtlMs = 60_000;

/** A single-use launch nonce for one server. */
export class LaunchNonce {
  readonly value = randomBytes(24).toString('base64url');
  private used = false;
  private readonly expiresAt: number;

  constructor(private readonly now: () => number = Date.now) {
    this.expiresAt = now() + launchTtlMs;
  }

  /** True exactly once: for the right nonce, unused, before it expires. */
  take(given: string): boolean {
    const a = createHash('sha256').update(this.value).digest();
    const b = createHash('sha256').update(given).digest();
    if (!timingSafeEqual(a, b) || this.used || this.now() >= this.expiresAt) return false;
    this.used = true;
    return true;
  }
}

/** Answer `GET /launch/<nonce>`: a redirect carrying the token in the fragment, or a refusal. */
export function launchRespond(
  nonce: LaunchNonce,
  token: string,
  pathname: string,
  method: string | undefined,
  response: ServerResponse,
): void {
  if (method !== 'GET') return textRespond(response, 405, 'Method not allowed.');
  if (!nonce.take(pathname.slice(launchPathPrefix.length))) {
    return textRespond(response, 410, 'This launch link was already used or has expired. Open the URL shiplens printed in the terminal.');
  }
  response.statusCode = 302;
  response.setHeader('Location', `/#token=${token}`);
  response.setHeader('Cache-Control', 'no-store');
  response.end();
}
