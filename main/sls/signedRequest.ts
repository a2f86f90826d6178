/**
 * The one signed-request helper for the Log Service REST API (classic "LOG" signature).
 *
 * Signature (Log Service API "Request signatures"; aliyun-log-python-sdk `auth.py` v1_sign):
 *   Authorization: LOG <AccessKeyId>:base64(HMAC-SHA1(secret,
 *     VERB \n Content-MD5 \n Content-Type \n Date \n CanonicalizedLOGHeaders CanonicalizedResource))
 * where Content-MD5 is the upper-case hex MD5 of the body, CanonicalizedLOGHeaders are the
 * `x-log-*` / `x-acs-*` headers sorted by (lower-case) name as `name:value\n`, and
 * CanonicalizedResource is the path plus, when there is a query, `?k=v&k2=v2` sorted by key with
 * unencoded values. The project travels in the Host header: `<project>.<endpoint>`.
 *
 * Loopback endpoints (tests, `http://127.0.0.1:port` or `localhost`): the TCP connection goes to
 * the literal address (a name like `proj.127.0.0.1` does not resolve), while the Host header
 * still reads `<project>.127.0.0.1:port`, exactly as a real endpoint would receive it. The
 * official SDK cannot do this (it connects to `<project>.<endpoint>`), which is why every call
 * here goes through this helper.
 */
import { createHash, createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { ShiplensError } from '../../core/errors';
import { slsErrorFromResponse, slsErrorRetryable, slsNetworkError } from './slsErrors';

/** Where and as whom to call Log Service. Secrets stay in here; nothing logs this object. */
export interface SlsConnection {
  /** `cn-hangzhou.log.aliyuncs.com`, `https://…`, or `http://127.0.0.1:port` for tests. */
  endpoint: string;
  project: string;
  accessKeyId: string;
  accessKeySecret: string;
  /** STS token, sent as `x-acs-security-token`. */
  securityToken?: string;
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

/** The region's public endpoint, e.g. `cn-hangzhou` → `cn-hangzhou.log.aliyuncs.com`. */
export function slsEndpointFromRegion(region: string): string {
  return `${region.replace(/^oss-/, '')}.log.aliyuncs.com`;
}

/** Endpoint split into protocol, the Host header value, and the TCP target. */
export function slsEndpointResolve(
  endpoint: string,
  project: string,
): { protocol: 'http:' | 'https:'; hostHeader: string; connectHost: string; port: number } {
  const withScheme = /^[a-z]+:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ShiplensError('INVALID_ARGUMENT', `Not a Log Service endpoint: ${endpoint}`, {
      source: 'endpoint',
      hint: 'Use a region endpoint such as cn-hangzhou.log.aliyuncs.com.',
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ShiplensError('INVALID_ARGUMENT', `Unsupported endpoint protocol ${url.protocol}`, {
      source: 'endpoint',
      hint: 'Use https:// (or http:// for a local test server).',
    });
  }
  if (!/^[a-z0-9][a-z0-9-]{2,62}$/.test(project)) {
    throw new ShiplensError('INVALID_ARGUMENT', `Not a Log Service project name: ${project}`, {
      source: 'project',
      hint: 'Project names are 3–63 lower-case letters, digits and hyphens.',
    });
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  const loopback = isIP(host) !== 0 || host === 'localhost';
  const hostHeader = `${project}.${url.host}`;
  return { protocol: url.protocol, hostHeader, connectHost: loopback ? host : `${project}.${host}`, port };
}

/** The canonicalized resource: path, then the query sorted by key with raw values. */
export function slsCanonicalResource(path: string, query: Record<string, string>): string {
  const keys = Object.keys(query).sort();
  if (keys.length === 0) return path;
  return `${path}?${keys.map((k) => `${k}=${query[k]}`).join('&')}`;
}

/** The string to sign for a request whose headers are lower-case keyed. */
export function slsStringToSign(method: string, headers: Record<string, string>, resource: string): string {
  const logHeaders = Object.keys(headers)
    .filter((k) => k.startsWith('x-log-') || k.startsWith('x-acs-'))
    .sort()
    .map((k) => `${k}:${headers[k]}\n`)
    .join('');
  return `${method}\n${headers['content-md5'] ?? ''}\n${headers['content-type'] ?? ''}\n${headers['date'] ?? ''}\n${logHeaders}${resource}`;
}

/** base64(HMAC-SHA1(secret, stringToSign)). */
export function slsSign(secret: string, stringToSign: string): string {
  return createHmac('sha1', secret).update(stringToSign, 'utf8').digest('base64');
}

/** Headers (lower-case keys) for one signed request, Authorization included. */
export function slsSignedHeaders(
  conn: SlsConnection,
  method: string,
  path: string,
  query: Record<string, string>,
  body: Buffer | null,
  date: Date,
  hostHeader: string,
): Record<string, string> {
  const headers: Record<string, string> = {
    host: hostHeader,
    date: date.toUTCString(),
    'x-log-apiversion': '0.6.0',
    'x-log-signaturemethod': 'hmac-sha1',
    'x-log-bodyrawsize': String(body?.length ?? 0),
    accept: 'application/json',
  };
  if (body) {
    headers['content-type'] = 'application/json';
    headers['content-md5'] = createHash('md5').update(body).digest('hex').toUpperCase();
    headers['content-length'] = String(body.length);
  }
  if (conn.securityToken) headers['x-acs-security-token'] = conn.securityToken;
  const signature = slsSign(conn.accessKeySecret, slsStringToSign(method, headers, slsCanonicalResource(path, query)));
  headers['authorization'] = `LOG ${conn.accessKeyId}:${signature}`;
  return headers;
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
  target: ReturnType<typeof slsEndpointResolve>,
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

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new ShiplensError('CANCELLED', 'The operation was cancelled.'));
      },
      { once: true },
    );
  });
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
  const sleep = policy.sleep ?? ((ms: number) => defaultSleep(ms, request.signal));
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
