/**
 * An OSS-protocol test server (ours, loopback only) for integration tests and the CLI.
 *
 * Speaks enough of OSS for shiplens: ListObjectsV2 (continuation tokens, delimiter, max-keys,
 * `encoding-type=url`), ListObjects v1 (marker), GET with Range (206/416, suffix and open
 * ranges, If-Match), HEAD, PUT. Every request's V1 signature and security token are verified
 * (wrong secret → 403 SignatureDoesNotMatch, expired token → 403 SecurityTokenExpired), and
 * fault knobs inject latency, 5xx/429 bursts, connection resets mid-body and truncated bodies;
 * `quirks` switch on lasting non-Alibaba behaviours (suffix ranges, v2 tokens, path-style).
 */
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { authorizationParse, ossSignV1, ossStringToSign, signaturesEqual } from './ossAuth';
import { errorXml, listResultXml } from './ossXml';
import type { ListedObject } from './ossXml';

/** Operations the server distinguishes (for stats and fault targeting). */
export type OssOp = 'listV2' | 'listV1' | 'get' | 'head' | 'put' | 'other';

interface StoredObject extends ListedObject {
  bytes: Uint8Array;
}

interface StsEntry {
  accessKeyId: string;
  accessKeySecret: string;
  expiresAt: number;
}

interface Burst {
  kind: 'status' | 'reset' | 'truncate' | 'listRepeatToken' | 'listNoToken' | 'listOverlap' | 'listRepeatMarker';
  status?: number;
  bytes?: number;
  remaining: number;
  op?: OssOp;
}

/** Fault knobs; each `*Next` applies to the next `count` matching requests. */
export interface OssFaults {
  /** Delay before every response, in ms. */
  latencyMs: number;
  failNext(status: 500 | 503 | 429 | number, count?: number, op?: OssOp): void;
  /** Destroy the socket after `afterBytes` of a GET body. */
  resetNext(afterBytes: number, count?: number, op?: OssOp): void;
  /** Send only `keepBytes` of a GET body while headers (Content-Range) announce the whole range. */
  truncateNext(keepBytes: number, count?: number, op?: OssOp): void;
  /** Answer the next listings with the continuation token they were given (a looping server). */
  listRepeatToken(count?: number): void;
  /** Answer the next listings with IsTruncated=true but no NextContinuationToken. */
  listTruncatedWithoutToken(count?: number): void;
  /** Start the next continued listings one key early (repeating the previous page's last key). */
  listOverlap(count?: number): void;
  /** Answer the next v1 listings with the marker they were given as NextMarker (a looping server). */
  listRepeatMarker(count?: number): void;
  clear(): void;
}

/**
 * Lasting behaviours of OSS-compatible servers that are not Alibaba's (emulators, gateways),
 * switchable per test: unlike `faults` they apply to every matching request until changed.
 */
export interface OssQuirks {
  /** `Range: bytes=-N`: honoured (`ok`), answered with the head `bytes 0-N/size`, or the whole object (200). */
  suffixRange: 'ok' | 'head' | 'whole';
  /** ListObjectsV2 says truncated but never gives NextContinuationToken (v1 markers work). */
  listV2WithoutToken: boolean;
  /** Buckets only in the path (`/bucket/key`); the Host header is ignored. */
  pathStyleOnly: boolean;
}

/** Request log and counters. */
export interface OssStats {
  requests: number;
  byOp: Record<OssOp, { requests: number; bytesSent: number }>;
  log: { op: OssOp; method: string; key: string; range: string | null; status: number; securityToken: string | null }[];
  reset(): void;
}

/** The running test server. */
export interface OssTestServer {
  endpoint: string;
  port: number;
  bucket: string;
  region: string;
  accessKeyId: string;
  accessKeySecret: string;
  put(key: string, bytes: Uint8Array | string, lastModified?: Date): void;
  remove(key: string): void;
  /** Issue STS credentials valid for `ttlMs`. */
  issueSts(ttlMs: number): { accessKeyId: string; accessKeySecret: string; securityToken: string; expiration: string };
  /** Expire an issued security token now. */
  expireSts(securityToken: string): void;
  faults: OssFaults;
  quirks: OssQuirks;
  stats: OssStats;
  close(): Promise<void>;
}

/** Options of `startOssTestServer`. */
export interface OssTestServerOptions {
  bucket?: string;
  region?: string;
  accessKeyId?: string;
  accessKeySecret?: string;
  /** Allowed clock skew of signed dates (OSS: 15 minutes). */
  maxSkewMs?: number;
}

function emptyStats(): OssStats['byOp'] {
  const ops: OssOp[] = ['listV2', 'listV1', 'get', 'head', 'put', 'other'];
  return Object.fromEntries(ops.map((op) => [op, { requests: 0, bytesSent: 0 }])) as OssStats['byOp'];
}

function byteCompare(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** Start the server on 127.0.0.1 and a random port. */
export async function startOssTestServer(options: OssTestServerOptions = {}): Promise<OssTestServer> {
  const bucket = options.bucket ?? 'shiplens-test';
  const region = options.region ?? 'oss-cn-hangzhou';
  const accessKeyId = options.accessKeyId ?? `LTAI${randomBytes(8).toString('hex')}`;
  const accessKeySecret = options.accessKeySecret ?? randomBytes(15).toString('base64');
  const maxSkewMs = options.maxSkewMs ?? 15 * 60_000;
  const objects = new Map<string, StoredObject>();
  let sortedKeys: string[] | null = null;
  const sts = new Map<string, StsEntry>();
  const bursts: Burst[] = [];
  const sockets = new Set<Socket>();
  let requestSeq = 0;

  const stats: OssStats = {
    requests: 0,
    byOp: emptyStats(),
    log: [],
    reset() {
      stats.requests = 0;
      stats.byOp = emptyStats();
      stats.log = [];
    },
  };

  const faults: OssFaults = {
    latencyMs: 0,
    failNext: (status, count = 1, op) => void bursts.push({ kind: 'status', status, remaining: count, op }),
    resetNext: (bytes, count = 1, op) => void bursts.push({ kind: 'reset', bytes, remaining: count, op }),
    truncateNext: (bytes, count = 1, op) => void bursts.push({ kind: 'truncate', bytes, remaining: count, op }),
    listRepeatToken: (count = 1) => void bursts.push({ kind: 'listRepeatToken', remaining: count, op: 'listV2' }),
    listTruncatedWithoutToken: (count = 1) => void bursts.push({ kind: 'listNoToken', remaining: count, op: 'listV2' }),
    listOverlap: (count = 1) => void bursts.push({ kind: 'listOverlap', remaining: count, op: 'listV2' }),
    listRepeatMarker: (count = 1) => void bursts.push({ kind: 'listRepeatMarker', remaining: count, op: 'listV1' }),
    clear: () => void bursts.splice(0),
  };
  const quirks: OssQuirks = { suffixRange: 'ok', listV2WithoutToken: false, pathStyleOnly: false };

  /** Take one unit of the first burst of `kinds` matching `op`. */
  function takeBurst(op: OssOp, kinds: Burst['kind'][]): Burst | null {
    const burst = bursts.find((b) => kinds.includes(b.kind) && (b.op === undefined || b.op === op) && b.remaining > 0);
    if (!burst) return null;
    burst.remaining--;
    if (burst.remaining === 0) bursts.splice(bursts.indexOf(burst), 1);
    return burst;
  }

  function keysSorted(): string[] {
    sortedKeys ??= [...objects.keys()].sort(byteCompare);
    return sortedKeys;
  }

  function send(
    res: ServerResponse,
    op: OssOp,
    status: number,
    headers: Record<string, string | number>,
    body?: Buffer,
    ctx?: RequestContext,
  ): void {
    if (ctx) ctx.status = status;
    res.writeHead(status, { 'x-oss-request-id': ctx?.requestId ?? '', ...headers });
    if (body) stats.byOp[op].bytesSent += body.length;
    res.end(body);
  }

  function sendError(
    res: ServerResponse,
    ctx: RequestContext,
    status: number,
    code: string,
    message: string,
    extra: Record<string, string> = {},
  ): void {
    const body = Buffer.from(errorXml(code, message, ctx.requestId, extra));
    // HEAD has no body: OSS puts the error XML, base64, in `x-oss-err`.
    if (ctx.method === 'HEAD') {
      send(res, ctx.op, status, { 'x-oss-err': body.toString('base64') }, undefined, ctx);
      return;
    }
    send(res, ctx.op, status, { 'content-type': 'application/xml', 'content-length': body.length }, body, ctx);
  }

  /** Verify signature and token; returns false after answering 403. */
  function authorize(req: IncomingMessage, res: ServerResponse, ctx: RequestContext): boolean {
    const auth = authorizationParse(req.headers.authorization);
    if (!auth) {
      sendError(res, ctx, 403, 'AccessDenied', 'You have no right to access this object because of bucket acl.');
      return false;
    }
    const token = typeof req.headers['x-oss-security-token'] === 'string' ? req.headers['x-oss-security-token'] : null;
    let secret: string;
    if (token !== null) {
      const entry = sts.get(token);
      if (!entry) return (sendError(res, ctx, 403, 'InvalidSecurityToken', 'The security token you provided is invalid.'), false);
      if (entry.accessKeyId !== auth.accessKeyId) {
        return (sendError(res, ctx, 403, 'InvalidAccessKeyId', 'The OSS Access Key Id you provided does not exist in our records.'), false);
      }
      if (Date.now() >= entry.expiresAt)
        return (sendError(res, ctx, 403, 'SecurityTokenExpired', 'The security token you provided has expired.'), false);
      secret = entry.accessKeySecret;
    } else if (auth.accessKeyId === accessKeyId) {
      secret = accessKeySecret;
    } else {
      return (sendError(res, ctx, 403, 'InvalidAccessKeyId', 'The OSS Access Key Id you provided does not exist in our records.'), false);
    }
    const dateText = (req.headers['x-oss-date'] as string | undefined) ?? req.headers.date ?? '';
    const date = Date.parse(dateText);
    if (!Number.isFinite(date) || Math.abs(date - Date.now()) > maxSkewMs) {
      return (
        sendError(res, ctx, 403, 'RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.'),
        false
      );
    }
    const stringToSign = ossStringToSign(req.method ?? 'GET', req.headers, ctx.bucket, ctx.key, ctx.query);
    if (!signaturesEqual(ossSignV1(secret, stringToSign), auth.signature)) {
      sendError(res, ctx, 403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.', {
        OSSAccessKeyId: auth.accessKeyId,
      });
      return false;
    }
    return true;
  }

  function handleList(res: ServerResponse, ctx: RequestContext, v2: boolean): void {
    const q = ctx.query;
    const prefix = q.get('prefix') ?? '';
    const delimiter = q.get('delimiter') ?? '';
    const maxKeys = Math.min(1000, Math.max(1, Number(q.get('max-keys') ?? 100) || 100));
    const encode = q.get('encoding-type') === 'url';
    const token = v2 ? q.get('continuation-token') : null;
    let after = v2 ? (q.get('start-after') ?? '') : (q.get('marker') ?? '');
    if (token !== null) {
      const decoded = Buffer.from(token, 'base64url').toString('utf8');
      if (!decoded.startsWith('t:')) return sendError(res, ctx, 400, 'InvalidArgument', 'The continuation token is not valid.');
      after = decoded.slice(2);
    }
    const keys = keysSorted();
    if (v2 && token !== null && takeBurst('listV2', ['listOverlap'])) {
      const at = keys.findIndex((k) => byteCompare(k, after) >= 0);
      after = at > 0 ? (keys[at - 1] as string) : '';
    }
    let lo = 0;
    let hi = keys.length;
    const start = byteCompare(after, prefix) > 0 ? after : prefix;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byteCompare(keys[mid] as string, start) < 0) lo = mid + 1;
      else hi = mid;
    }
    const listed: ListedObject[] = [];
    const prefixes: string[] = [];
    let last: string | null = null;
    let truncated = false;
    for (let i = lo; i < keys.length; i++) {
      const key = keys[i] as string;
      if (!key.startsWith(prefix)) break;
      if (after !== '' && byteCompare(key, after) <= 0) continue;
      const cut = delimiter === '' ? -1 : key.indexOf(delimiter, prefix.length);
      const item = cut >= 0 ? key.slice(0, cut + delimiter.length) : key;
      if (item === last || (after !== '' && byteCompare(item, after) <= 0)) continue;
      if (listed.length + prefixes.length === maxKeys) {
        truncated = true;
        break;
      }
      if (cut >= 0) prefixes.push(item);
      else listed.push(objects.get(key) as StoredObject);
      last = item;
    }
    let nextToken = truncated && last !== null ? Buffer.from(`t:${last}`).toString('base64url') : null;
    if (v2 && truncated && takeBurst('listV2', ['listRepeatToken']) && token !== null) nextToken = token;
    if (v2 && truncated && (quirks.listV2WithoutToken || takeBurst('listV2', ['listNoToken']))) nextToken = null;
    const repeatMarker = !v2 && truncated && after !== '' && takeBurst('listV1', ['listRepeatMarker']) !== null;
    const v1NextMarker = repeatMarker ? after : truncated && delimiter !== '' ? last : null;
    const xml = listResultXml({
      bucket: ctx.bucket,
      prefix,
      delimiter,
      maxKeys,
      encode,
      truncated,
      objects: listed,
      prefixes,
      v2: v2 ? { continuationToken: token, nextToken, startAfter: q.get('start-after') } : undefined,
      v1: v2 ? undefined : { marker: after, nextMarker: v1NextMarker },
    });
    const body = Buffer.from(xml);
    send(res, ctx.op, 200, { 'content-type': 'application/xml', 'content-length': body.length }, body, ctx);
  }

  /** Parse a single `bytes=` range against `size`; null = whole object, 'invalid' = 416. */
  function rangeParse(header: string | undefined, size: number): { start: number; end: number } | null | 'invalid' {
    if (!header) return null;
    const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
    if (!match) return null; // OSS ignores malformed/multi ranges and sends the whole object
    const [, a, b] = match as unknown as [string, string, string];
    if (a === '' && b === '') return null;
    if (a === '') {
      const n = Number(b);
      if (n === 0 || size === 0) return 'invalid';
      if (quirks.suffixRange === 'whole') return null;
      // The bug seen on some gateways: `-N` read as `0-N`.
      if (quirks.suffixRange === 'head') return { start: 0, end: Math.min(n, size - 1) };
      return { start: Math.max(0, size - n), end: size - 1 };
    }
    const start = Number(a);
    const end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
    if (start >= size || (b !== '' && Number(b) < start)) return 'invalid';
    return { start, end };
  }

  function handleGet(req: IncomingMessage, res: ServerResponse, ctx: RequestContext): void {
    const object = objects.get(ctx.key);
    if (!object) return sendError(res, ctx, 404, 'NoSuchKey', 'The specified key does not exist.', { Key: ctx.key });
    const ifMatch = req.headers['if-match'];
    if (ifMatch && ifMatch.replace(/"/g, '') !== object.etag) {
      return sendError(res, ctx, 412, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold.', {
        Condition: 'If-Match',
      });
    }
    const size = object.bytes.length;
    const range = rangeParse(req.headers.range, size);
    if (range === 'invalid') {
      return sendError(res, ctx, 416, 'InvalidRange', 'The requested range cannot be satisfied.', {
        RangeRequested: req.headers.range ?? '',
        ActualObjectSize: String(size),
      });
    }
    const start = range?.start ?? 0;
    const end = range?.end ?? size - 1;
    let body = Buffer.from(object.bytes.subarray(start, end + 1));
    const headers: Record<string, string | number> = {
      'content-type': 'application/octet-stream',
      'accept-ranges': 'bytes',
      etag: `"${object.etag}"`,
      'last-modified': object.lastModified.toUTCString(),
      'content-length': body.length,
    };
    if (range) headers['content-range'] = `bytes ${start}-${end}/${size}`;
    const status = range ? 206 : 200;
    if (ctx.method === 'HEAD') return send(res, ctx.op, 200, { ...headers, 'content-length': size }, undefined, ctx);
    const fault = takeBurst(ctx.op, ['reset', 'truncate']);
    if (fault?.kind === 'truncate') {
      body = body.subarray(0, Math.min(body.length, fault.bytes ?? 0));
      headers['content-length'] = body.length;
    }
    if (fault?.kind === 'reset') {
      ctx.status = status;
      res.writeHead(status, { 'x-oss-request-id': ctx.requestId, ...headers });
      const part = body.subarray(0, Math.min(body.length, fault.bytes ?? 0));
      stats.byOp[ctx.op].bytesSent += part.length;
      res.write(part, () => setTimeout(() => req.socket.destroy(), 5));
      return;
    }
    send(res, ctx.op, status, headers, body, ctx);
  }

  function handlePut(req: IncomingMessage, res: ServerResponse, ctx: RequestContext, body: Buffer): void {
    server$.put(ctx.key, body);
    const etag = objects.get(ctx.key)?.etag ?? '';
    send(res, ctx.op, 200, { etag: `"${etag}"`, 'content-length': 0 }, undefined, ctx);
  }

  /** Bucket and key from virtual-hosted (`bucket.host`) or path-style (`/bucket/key`) requests. */
  function target(req: IncomingMessage, url: URL): { bucket: string; key: string } {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const path = url.pathname.slice(1);
    const isIpOrLocal = /^[\d.]+$/.test(host) || host === 'localhost' || host.startsWith('[');
    if (!quirks.pathStyleOnly && !isIpOrLocal && host.includes('.'))
      return { bucket: host.split('.')[0] as string, key: decodeURIComponent(path) };
    const slash = path.indexOf('/');
    return slash < 0
      ? { bucket: decodeURIComponent(path), key: '' }
      : { bucket: decodeURIComponent(path.slice(0, slash)), key: decodeURIComponent(path.slice(slash + 1)) };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const { bucket: reqBucket, key } = target(req, url);
    const method = req.method ?? 'GET';
    const query = url.searchParams;
    let op: OssOp = 'other';
    if (method === 'GET' && key === '') op = query.get('list-type') === '2' ? 'listV2' : 'listV1';
    else if (method === 'GET') op = 'get';
    else if (method === 'HEAD') op = 'head';
    else if (method === 'PUT') op = 'put';
    const ctx: RequestContext = {
      requestId: `SL${(++requestSeq).toString(16).padStart(8, '0')}`,
      method,
      op,
      bucket: reqBucket,
      key,
      query,
      status: 0,
    };
    stats.requests++;
    stats.byOp[op].requests++;
    const token = req.headers['x-oss-security-token'];
    stats.log.push({
      op,
      method,
      key,
      range: req.headers.range ?? null,
      status: 0,
      securityToken: typeof token === 'string' ? token : null,
    });
    const logEntry = stats.log[stats.log.length - 1] as OssStats['log'][number];
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (faults.latencyMs > 0) await new Promise((r) => setTimeout(r, faults.latencyMs));
    try {
      if (!authorize(req, res, ctx)) return;
      const burst = takeBurst(op, ['status']);
      if (burst) {
        const code = burst.status === 429 ? 'TooManyRequests' : burst.status === 503 ? 'ServiceUnavailable' : 'InternalError';
        return sendError(res, ctx, burst.status ?? 500, code, `Injected ${burst.status} fault.`);
      }
      if (reqBucket !== bucket)
        return sendError(res, ctx, 404, 'NoSuchBucket', 'The specified bucket does not exist.', { BucketName: reqBucket });
      if (op === 'listV2' || op === 'listV1') return handleList(res, ctx, op === 'listV2');
      if (op === 'get' || op === 'head') return handleGet(req, res, ctx);
      if (op === 'put') return handlePut(req, res, ctx, Buffer.concat(chunks));
      sendError(res, ctx, 405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
    } finally {
      logEntry.status = ctx.status;
    }
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const server$: OssTestServer = {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    bucket,
    region,
    accessKeyId,
    accessKeySecret,
    put(key, bytes, lastModified = new Date()) {
      const data = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
      const etag = createHash('md5').update(data).digest('hex').toUpperCase();
      if (!objects.has(key)) sortedKeys = null;
      objects.set(key, { key, bytes: data, size: data.length, etag, lastModified });
    },
    remove(key) {
      if (objects.delete(key)) sortedKeys = null;
    },
    issueSts(ttlMs) {
      const entry = {
        accessKeyId: `STS.${randomBytes(8).toString('hex')}`,
        accessKeySecret: randomBytes(15).toString('base64'),
        expiresAt: Date.now() + ttlMs,
      };
      const securityToken = `CAIS${randomBytes(24).toString('base64url')}`;
      sts.set(securityToken, entry);
      return {
        accessKeyId: entry.accessKeyId,
        accessKeySecret: entry.accessKeySecret,
        securityToken,
        expiration: new Date(entry.expiresAt).toISOString(),
      };
    },
    expireSts(securityToken) {
      const entry = sts.get(securityToken);
      if (entry) entry.expiresAt = 0;
    },
    faults,
    quirks,
    stats,
    close() {
      return new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      });
    },
  };
  return server$;
}

interface RequestContext {
  requestId: string;
  method: string;
  op: OssOp;
  bucket: string;
  key: string;
  query: URLSearchParams;
  status: number;
}
