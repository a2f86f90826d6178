/**
 * ali-oss failures → ShiplensErrors with a hint on what to do (DESIGN rule 5).
 *
 * Messages are composed here, never copied from ali-oss/urllib (theirs can carry raw XML
 * with a StringToSign, or request details); only the OSS error code and request id are kept.
 */
import { ShiplensError } from '../../core/errors';

/** Where a failing call went (for hints). */
export interface OssErrorContext {
  bucket: string;
  /** Region or endpoint as configured. */
  where: string;
  key?: string;
  /** True when the call used an STS security token. */
  usedToken?: boolean;
}

interface RawOssError {
  name?: string;
  code?: string;
  status?: number;
  requestId?: string;
}

const networkCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
  'ERR_STREAM_PREMATURE_CLOSE',
]);

/** True when the error says the STS token (or its key id) expired or is invalid. */
export function ossErrorIsTokenExpired(error: unknown): boolean {
  const code = (error as RawOssError | undefined)?.code;
  return code === 'SecurityTokenExpired' || code === 'InvalidSecurityToken' || code === 'InvalidAccessKeyId';
}

/** What a mapped error says: its code, message (request id appended later) and hint. */
type OssProblem = [ConstructorParameters<typeof ShiplensError>[0], string, string];

/** Failures OSS names with an error code or a 4xx status: credentials, missing things, permissions, ranges. */
function ossRefusal(code: string, status: number, ctx: OssErrorContext): OssProblem | null {
  if (code === 'SignatureDoesNotMatch' || (code === 'InvalidAccessKeyId' && !ctx.usedToken)) {
    return ['AUTH_FAILED', `OSS rejected the credentials: ${code}.`, 'Check the AccessKey ID and secret of this profile.'];
  }
  if (code === 'SecurityTokenExpired' || code === 'InvalidSecurityToken' || code === 'InvalidAccessKeyId') {
    return ['AUTH_FAILED', `OSS rejected the STS credentials: ${code}.`, 'The security token expired or is invalid; get a new STS token.'];
  }
  if (code === 'RequestTimeTooSkewed') {
    return ['AUTH_FAILED', 'OSS refused the request: the computer clock is off.', 'Synchronise the system clock, then try again.'];
  }
  if (code === 'NoSuchBucket') {
    return [
      'NOT_FOUND',
      `The bucket "${ctx.bucket}" does not exist at ${ctx.where}.`,
      `Check the bucket name and that bucket "${ctx.bucket}" is in region/endpoint ${ctx.where}.`,
    ];
  }
  if (code === 'NoSuchKey' || status === 404) {
    return ['NOT_FOUND', 'The object does not exist.', `Check the key, or refresh the listing of bucket "${ctx.bucket}".`];
  }
  if (status === 403 || code === 'AccessDenied') {
    return [
      'ACCESS_DENIED',
      `OSS denied access${code ? ` (${code})` : ''}.`,
      `The credentials are valid but lack permission on bucket "${ctx.bucket}"; check its RAM policy or bucket policy.`,
    ];
  }
  if (status === 416 || code === 'InvalidRange') {
    return [
      'TRUNCATED',
      'The requested byte range is past the end of the object.',
      'The object changed or is shorter than expected; refresh and retry.',
    ];
  }
  return null;
}

/** Failures of the service or the way to it: throttling, 5xx, timeouts, the network, anything else. */
function ossFailure(error: unknown, raw: RawOssError, code: string, status: number, ctx: OssErrorContext): OssProblem {
  if (status === 429)
    return ['THROTTLED', 'OSS throttled the request (429).', 'Too many requests; shiplens retries with back-off. Try again later.'];
  if (status >= 500) return ['SERVER_ERROR', `OSS answered ${status}${code ? ` ${code}` : ''}.`, 'A server-side error; try again later.'];
  const name = raw.name ?? '';
  if (status === -2 || /Timeout/i.test(name)) {
    return ['TIMEOUT', `The request to ${ctx.where} timed out.`, 'Check your network or endpoint.'];
  }
  const errno = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? code;
  if (status === -1 || networkCodes.has(errno) || /RequestError|ResponseError|SocketError/i.test(name)) {
    return ['NETWORK', `Could not reach ${ctx.where}${errno ? ` (${errno})` : ''}.`, 'Check your network or endpoint.'];
  }
  if (status >= 400) {
    return ['SERVER_ERROR', `OSS refused the request: ${status}${code ? ` ${code}` : ''}.`, 'Check the request and the bucket settings.'];
  }
  return ['NETWORK', `Unexpected failure talking to ${ctx.where}${name ? ` (${name})` : ''}.`, 'Check your network or endpoint.'];
}

/** Map any error thrown by ali-oss (or the network under it) to a ShiplensError. */
export function ossErrorMap(error: unknown, ctx: OssErrorContext): ShiplensError {
  if (error instanceof ShiplensError) return error;
  const raw = (error ?? {}) as RawOssError;
  const source = ctx.key === undefined ? `oss://${ctx.bucket}` : `oss://${ctx.bucket}/${ctx.key}`;
  const status = typeof raw.status === 'number' ? raw.status : 0;
  const code = typeof raw.code === 'string' ? raw.code : '';
  const rid = raw.requestId ? ` (request id ${raw.requestId})` : '';
  const [shiplensCode, message, hint] = ossRefusal(code, status, ctx) ?? ossFailure(error, raw, code, status, ctx);
  return new ShiplensError(shiplensCode, message + rid, { source, hint });
}
