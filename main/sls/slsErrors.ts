/**
 * Log Service error bodies (`{errorCode, errorMessage}`) → ShiplensError with what to check.
 *
 * Messages name the project, logstore or shipper involved and the request id (for a support
 * ticket). They never contain the AccessKey secret or the STS token: nothing here sees them.
 */
import { ShiplensError } from '../../core/errors';
import type { ErrorCode } from '../../core/errors';

/** What the failing call was about. */
export interface SlsErrorContext {
  project: string;
  path: string;
  logstore?: string;
  shipper?: string;
  ossExport?: string;
  requestId?: string;
  attempts?: number;
}

const retryableCodes = new Set([
  'RequestTimeout',
  'ServerBusy',
  'InternalServerError',
  'ExceedQuota',
  'QuotaExceed',
  'ReadQuotaExceed',
  'WriteQuotaExceed',
  'RequestThrottled',
]);
const authCodes = new Set([
  'SignatureNotMatch',
  'InvalidAccessKeyId',
  'SecurityTokenExpired',
  'InvalidSecurityToken',
  'RequestTimeExpired',
  'MissingAuthorization',
  'InvalidAuthorization',
]);

function errorFields(body: unknown): { code: string; message: string } {
  if (body && typeof body === 'object') {
    const record = body as Record<string, unknown>;
    return {
      code: typeof record.errorCode === 'string' ? record.errorCode : '',
      message: typeof record.errorMessage === 'string' ? record.errorMessage : '',
    };
  }
  return { code: '', message: typeof body === 'string' ? body.slice(0, 200) : '' };
}

/** True when the status or error code says "try again later". */
export function slsErrorRetryable(status: number, body: unknown): boolean {
  if (status >= 500 || status === 429) return true;
  return retryableCodes.has(errorFields(body).code);
}

function notFound(code: string, ctx: SlsErrorContext): { message: string; hint: string } | null {
  switch (code) {
    case 'ProjectNotExist':
      return {
        message: `Log Service project ${ctx.project} does not exist.`,
        hint: "Check the project name and that the endpoint is the project's region (projects are regional).",
      };
    case 'LogStoreNotExist':
      return {
        message: `Logstore ${ctx.logstore ?? '?'} does not exist in project ${ctx.project}.`,
        hint: 'Check the logstore name (sls logstores lists them).',
      };
    case 'ShipperNotExist':
      return {
        message: `Shipping rule ${ctx.shipper ?? '?'} does not exist on logstore ${ctx.logstore ?? '?'} in project ${ctx.project}.`,
        hint: 'Check the rule name (sls shippers lists them); newer projects use OSS export jobs instead.',
      };
    case 'JobNotExist':
    case 'OSSExportNotExist':
      return {
        message: `OSS export job ${ctx.ossExport ?? '?'} does not exist in project ${ctx.project}.`,
        hint: "Check the export job name (sls shippers lists the logstore's export jobs).",
      };
    default:
      return null;
  }
}

function classify(status: number, code: string, message: string): ErrorCode {
  if (authCodes.has(code)) return 'AUTH_FAILED';
  // `Unauthorized` covers both a RAM denial ("denied by sts or ram, action: log:…") and a bad
  // or expired token; only the first is a permission problem.
  if (code === 'Unauthorized') return /denied by|action:|permission/i.test(message) ? 'ACCESS_DENIED' : 'AUTH_FAILED';
  if (status === 403) return 'ACCESS_DENIED';
  if (status === 401) return 'AUTH_FAILED';
  if (status === 429 || (retryableCodes.has(code) && code !== 'InternalServerError' && code !== 'RequestTimeout')) return 'THROTTLED';
  if (code === 'RequestTimeout') return 'TIMEOUT';
  if (status >= 500) return 'SERVER_ERROR';
  if (status === 404) return 'NOT_FOUND';
  return 'INVALID_ARGUMENT';
}

function hintFor(kind: ErrorCode, attempts: number): string {
  switch (kind) {
    case 'AUTH_FAILED':
      return 'Check the AccessKey ID and secret (and that an STS token has not expired).';
    case 'ACCESS_DENIED':
      return 'The credentials are valid but RAM denies this action: grant the Log Service permissions listed in the README.';
    case 'THROTTLED':
      return `Log Service is throttling requests (tried ${attempts} times); wait a moment and try again.`;
    case 'SERVER_ERROR':
    case 'TIMEOUT':
      return `Log Service failed ${attempts} times in a row; try again later.`;
    default:
      return 'Check the request parameters.';
  }
}

/** Map a non-2xx response to a ShiplensError. */
export function slsErrorFromResponse(status: number, body: unknown, ctx: SlsErrorContext): ShiplensError {
  const { code, message } = errorFields(body);
  const where = ctx.requestId ? ` (request ${ctx.requestId})` : '';
  const missing = notFound(code, ctx);
  if (missing) return new ShiplensError('NOT_FOUND', `${missing.message}${where}`, { hint: missing.hint, source: ctx.path });
  const kind = classify(status, code, message);
  const detail = [code, message].filter(Boolean).join(': ') || `HTTP ${status}`;
  return new ShiplensError(kind, `Log Service refused ${ctx.path}: ${detail}${where}`, {
    hint: hintFor(kind, ctx.attempts ?? 1),
    source: ctx.path,
  });
}

/** A socket-level failure (DNS, refused, reset) as NETWORK, naming the host only. */
export function slsNetworkError(error: unknown, host: string, path: string): ShiplensError {
  const code = error && typeof error === 'object' && 'code' in error ? String((error as { code: unknown }).code) : '';
  const reason = code || (error instanceof Error ? error.message : 'connection failed');
  return new ShiplensError('NETWORK', `Could not reach Log Service at ${host}: ${reason}`, {
    hint: code === 'ENOTFOUND' ? 'Check the endpoint (region) and the project name.' : 'Check your network connection and the endpoint.',
    source: path,
  });
}
