/**
 * Browser-mode request guards: per-launch token, Host and Origin checks (DNS rebinding),
 * and the security headers every response carries.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/** The renderer's Content-Security-Policy (shared by browser mode and Electron). */
export const contentSecurityPolicy =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** Headers set on every browser-mode response. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** A fresh per-launch token: 32 random bytes, base64url. */
export function serverTokenCreate(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time token comparison (hashing first makes the lengths equal). */
export function serverTokenMatches(expected: string, given: string | undefined | null): boolean {
  if (typeof given !== 'string' || given.length === 0 || given.length > 1024) return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

/** True when the Host header is exactly our loopback address and port. */
export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** True when there is no Origin header or it is our own origin. */
export function originAllowed(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** The refusal for a request, or null when Host and Origin are acceptable. */
export function requestOriginCheck(request: IncomingMessage, port: number): { status: number; message: string } | null {
  if (!hostAllowed(request.headers.host, port)) return { status: 403, message: 'Forbidden host.' };
  const origin = request.headers.origin;
  if (Array.isArray(origin) || !originAllowed(origin, port)) return { status: 403, message: 'Forbidden origin.' };
  return null;
}

/** Apply the security headers to a response. */
export function securityHeadersApply(response: ServerResponse): void {
  for (const [name, value] of Object.entries(securityHeaders)) response.setHeader(name, value);
}

/** End a response with a small plain-text body. */
export function textRespond(response: ServerResponse, status: number, text: string): void {
  response.statusCode = status;
  response.setHeader('Content-Type', 'text/plain; charset=utf-8');
  response.setHeader('Cache-Control', 'no-store');
  response.end(`${text}\n`);
}

/** End a response with JSON. */
export function jsonRespond(response: ServerResponse, status: number, value: unknown): void {
  response.statusCode = status;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('Cache-Control', 'no-store');
  response.end(JSON.stringify(value));
}

/** The status Node would give a request it could not parse (header overflow, timeout, bad syntax). */
export function clientErrorStatus(code: string | undefined): number {
  if (code === 'HPE_HEADER_OVERFLOW') return 431;
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  return 400;
}

/**
 * The server's 'clientError' handler: a complete response with the security headers (Node's
 * default answer is a bare status line), then the connection is closed.
 */
export function clientErrorRespond(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = clientErrorStatus(error.code);
  const reason = STATUS_CODES[status] ?? 'Bad Request';
  const body = `${reason}.\n`;
  const headers = {
    ...securityHeaders,
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': String(Buffer.byteLength(body)),
    Connection: 'close',
  };
  const head = [`HTTP/1.1 ${status} ${reason}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)].join('\r\n');
  socket.end(`${head}\r\n\r\n${body}`);
}
