/**
 * The one signed-request helper for the Log Service REST API: each call is signed
 * (slsSignature.ts), sent to the project's endpoint (slsEndpoint.ts), and retried with back-off
 * while the failure is transient.
 */
import http from 'node:http';
import https from 'node:https';
import { sleepCancellable } from '../../core/bytes';
import { ShiplensError } from '../../core/errors';
import { slsEndpointResolve } from './slsEndpoint';
import type { SlsEndpointTarget } from './slsEndpoint';
import { slsErrorFromResponse, slsErrorRetryable, slsNetworkError } from './slsErrors';
import { slsSignedHeaders } from './slsSignature';
import type { SlsCredentials } from './slsSignature';

/** Where and as whom to call Log Service. Secrets stay in here; nothing logs this object. */
export interface SlsConnection extends SlsCredentials {
  /** `cn-hangzhou.log.aliyuncs.com`, `https://…`, or `http://127.0.0.1:port` for tests. */
  endpoint: string;
  project: string;
}

/** Knobs for timeouts and retries (defaults suit the real service; tests shorten them). */
export interface SlsRequestPolicy {
  /** Per attempt, default 20 s. */
  timeoutMs?: number;
  /** Total attempts including the first, default 4. */
  maxAttempts?: number;
  /** First back-off, default 300 ms, doubled per attempt, capped at 5 s, with jitter. */
  backoffBaseMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => Date;
}

/** One call. `what` names the objects involved, for NOT_FOUND messages. */
export interface SlsRequest {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  /** Path with each segment already safe (use `slsPath`). */
  path: string;
  query?: Record<string, string | number | undefined>;
  /** Serialised as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  what?: { logstore?: string; shipper?: string; ossExport?: string };
}

/** A Log Service answer: status, parsed JSON body and request id. */
export interface SlsResponse {
  status: number;
  body: unknown;
  requestId: string;
}

/** Build a path from literal parts and encoded name segments: slsPath`/logstores/${name}`. */
export function slsPath(strings: TemplateStringsArray, ...names: string[]): string {
  return strings.reduce((out, part, i) => out + part + (i < names.length ? encodeURIComponent(names[i] ?? '') : ''), '');
}

function queryClean(query: SlsRequest['query']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) out[k] = String(v);
  return out;
}

function queryString(query: Record<string, string>): string {
  const pairs = Object.keys(query)
    .sort()
    .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(query[k] ?? '')}`);
  return pairs.length ? `?${pairs.join('&')}` : '';
}

interface RawResponse {
  status: number;
  text: string;
  requestId: string;
  retryAfterMs: number | null;
}

function sendOnce(
  target: SlsEndpointTarget,
  method: string,
  pathAndQuery: string,
  headers: Record<string, string>,
  body: Buffer | null,
  signal: AbortSignal,
): Promise<RawResponse> {
  const transport = target.protocol === 'https:' ? https : http;
  const servername = target.hostHeader.replace(/:\d+$/, '');
  return new Promise((resolve, reject) => {
    const req = transport.request(
      { host: target.connectHost, port: target.port, method, path: pathAndQuery, headers, signal, servername },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const retryAfter = Number(res.headers['retry-after']);
          resolve({
            status: res.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
            requestId: String(res.headers['x-log-requestid'] ?? ''),
            retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter * 1000, 30_000) : null,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body ?? undefined);
  });
}

function bodyParse(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function backoffMs(attempt: number, policy: SlsRequestPolicy, retryAfterMs: number | null): number {
  const base = policy.backoffBaseMs ?? 300;
  const capped = Math.min(base * 2 ** attempt, 5_000);
  // "Equal jitter": half fixed, half random, so concurrent clients spread out.
  const jittered = capped / 2 + (policy.random ?? Math.random)() * (capped / 2);
  return Math.max(jittered, retryAfterMs ?? 0);
}

async function attempt(conn: SlsConnection, request: SlsRequest, policy: SlsRequestPolicy): Promise<RawResponse> {
  const target = slsEndpointResolve(conn.endpoint, conn.project);
  const query = queryClean(request.query);
  const body = request.body === undefined ? null : Buffer.from(JSON.stringify(request.body), 'utf8');
  const headers = slsSignedHeaders(
    conn,
    request.method,
    request.path,
    query,
    body,
    (policy.now ?? (() => new Date()))(),
    target.hostHeader,
  );
  const timeout = AbortSignal.timeout(policy.timeoutMs ?? 20_000);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  try {
    return await sendOnce(target, request.method, request.path + queryString(query), headers, body, signal);
  } catch (error) {
    if (request.signal?.aborted) throw new ShiplensError('CANCELLED', 'The operation was cancelled.');
    if (timeout.aborted)
      throw new ShiplensError(
        'TIMEOUT',
        `Log Service did not answer within ${Math.round((policy.timeoutMs ?? 20_000) / 1000)} s (${target.hostHeader}).`,
        { source: request.path, hint: 'Check the endpoint and your network; shiplens retried.' },
      );
    throw slsNetworkError(error, target.hostHeader, request.path);
  }
}

/**
 * Send one signed request, retrying 5xx, 429, RequestTimeout/ServerBusy and network failures
 * with exponential back-off and jitter. Resolves on 2xx; throws a ShiplensError otherwise.
 */
export async function slsRequest(conn: SlsConnection, request: SlsRequest, policy: SlsRequestPolicy = {}): Promise<SlsResponse> {
  const maxAttempts = Math.max(1, policy.maxAttempts ?? 4);
  const sleep = policy.sleep ?? ((ms: number) => sleepCancellable(ms, request.signal));
  for (let i = 0; ; i++) {
    let raw: RawResponse;
    try {
      raw = await attempt(conn, request, policy);
    } catch (error) {
      const retry = error instanceof ShiplensError && (error.code === 'NETWORK' || error.code === 'TIMEOUT');
      if (!retry || i + 1 >= maxAttempts) throw error;
      await sleep(backoffMs(i, policy, null));
      continue;
    }
    const body = bodyParse(raw.text);
    if (raw.status >= 200 && raw.status < 300) return { status: raw.status, body, requestId: raw.requestId };
    if (!slsErrorRetryable(raw.status, body) || i + 1 >= maxAttempts) {
      throw slsErrorFromResponse(raw.status, body, {
        ...request.what,
        project: conn.project,
        path: request.path,
        requestId: raw.requestId,
        attempts: i + 1,
      });
    }
    await sleep(backoffMs(i, policy, raw.retryAfterMs));
  }
}
