/**
 * Browser mode: the built renderer and the typed API over HTTP on 127.0.0.1 only, guarded by
 * a per-launch token and Host/Origin checks (DNS rebinding), with strict security headers.
 *
 * Transport (INTERFACES.md): `POST /api/call/<method>` (JSON body, `X-Shiplens-Token`),
 * `GET /api/events?token=…` (SSE), `POST /api/upload?name=…` (raw body, token header),
 * `GET /launch/<nonce>` (one-time redirect to `/#token=…`, what the browser opener is given).
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiDispatch, errorInfoSafe } from '../api/dispatch';
import { CallGate, heavyApiMethods } from './callGate';
import { dataDirResolve, workerPathDefault } from '../services/dataDir';
import type { ApiServices } from '../services/types';
import { servicesClose, servicesCreate } from '../services/wiring';
import {
  clientErrorRespond,
  jsonRespond,
  requestOriginCheck,
  securityHeadersApply,
  serverTokenCreate,
  serverTokenMatches,
  textRespond,
} from './httpGuards';
import { LaunchNonce, launchPathPrefix, launchRespond } from './launchPath';
import { sseOpen } from './sse';
import { staticServe } from './staticFiles';

/** Options of `startBrowserServer`. */
export interface BrowserServerOptions {
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** Open this local folder as the bucket instead of the sample bucket. */
  bucketDir?: string;
  /** Fixed port (default: a random free port). */
  port?: number;
  /** Settings, sample bucket and profiles live here (default `~/.shiplens`). */
  dataDir?: string;
  /** Pre-built services (tests); otherwise created for browser mode. */
  services?: ApiServices;
  /** The decode worker bundle (default: `workers/decodeWorker.cjs` beside this bundle). */
  workerPath?: string | null;
  /** Largest API request body (default 64 MiB) and upload (default 1 GiB). */
  maxBodyBytes?: number;
}

/** A running browser-mode server. */
export interface BrowserServer {
  /** The URL with its token, for the user's own terminal. */
  url: string;
  /** A one-time URL for the browser opener: no token in process arguments (issue 12 §9). */
  launchUrl: string;
  port: number;
  token: string;
  services: ApiServices;
  close(): Promise<void>;
}

const defaultMaxBodyBytes = 64 * 1024 * 1024;

function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(null);
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

async function apiCall(
  services: ApiServices,
  method: string,
  request: IncomingMessage,
  response: ServerResponse,
  limit: number,
  gate: CallGate,
): Promise<void> {
  const body = await readBody(request, limit);
  if (body === null) return jsonRespond(response, 413, { ok: false, error: { code: 'TOO_LARGE', message: 'The request is too large.' } });
  let arg: unknown = {};
  if (body.length > 0) {
    try {
      arg = JSON.parse(body.toString('utf8'));
    } catch {
      return jsonRespond(response, 400, { ok: false, error: { code: 'INVALID_ARGUMENT', message: 'The request body is not valid JSON.' } });
    }
  }
  const dispatch = () => apiDispatch(services, method, arg, { transport: 'http' });
  jsonRespond(response, 200, await (heavyApiMethods.has(method) ? gate.run(dispatch) : dispatch()));
}

async function upload(services: ApiServices, url: URL, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const name = url.searchParams.get('name') ?? 'upload';
  try {
    const entry = await services.uploads.store(name, request);
    jsonRespond(response, 200, { ok: true, value: { uploadId: entry.id } });
  } catch (error) {
    const info = errorInfoSafe(error);
    jsonRespond(response, info.code === 'TOO_LARGE' ? 413 : 500, { ok: false, error: info });
    if (info.code === 'TOO_LARGE') request.destroy();
  }
}

function tokenOf(request: IncomingMessage, url: URL, allowQuery: boolean): string | undefined {
  const header = request.headers['x-shiplens-token'];
  if (typeof header === 'string') return header;
  return allowQuery ? (url.searchParams.get('token') ?? undefined) : undefined;
}

type Router = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/** The method named in `/api/call/<method>`, or null when its percent-encoding is broken. */
function methodDecode(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname.slice('/api/call/'.length));
  } catch {
    return null;
  }
}

function badMethodRespond(response: ServerResponse): void {
  jsonRespond(response, 400, {
    ok: false,
    error: {
      code: 'INVALID_ARGUMENT',
      message: 'The API method in the URL is not valid percent-encoding.',
      hint: 'Call /api/call/<method> with a plain method name such as browse.list.',
    },
  });
}

interface RouterKeys {
  token: string;
  launch: LaunchNonce;
}

function routerCreate(
  services: ApiServices,
  options: BrowserServerOptions,
  keys: RouterKeys,
  port: () => number,
  closing: Set<() => void>,
): Router {
  const { token } = keys;
  const maxBody = options.maxBodyBytes ?? defaultMaxBodyBytes;
  // One client per server (the token holder): one gate for its heavy calls.
  const gate = new CallGate();
  return async (request, response) => {
    securityHeadersApply(response);
    const refusal = requestOriginCheck(request, port());
    if (refusal) return textRespond(response, refusal.status, refusal.message);
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port()}`);
    if (url.pathname.startsWith(launchPathPrefix)) return launchRespond(keys.launch, token, url.pathname, request.method, response);
    if (!url.pathname.startsWith('/api/')) return staticServe(options.rendererDir, request, response, url.pathname);
    const isEvents = url.pathname === '/api/events';
    if (!serverTokenMatches(token, tokenOf(request, url, isEvents))) {
      return jsonRespond(response, 401, {
        ok: false,
        error: {
          code: 'UNAUTHORIZED_CALLER',
          message: 'Missing or wrong token.',
          hint: 'Open the URL shiplens printed (it carries the token).',
        },
      });
    }
    if (isEvents && request.method === 'GET') return sseOpen(services, request, response, closing);
    if (request.method !== 'POST') return textRespond(response, 405, 'Method not allowed.');
    if (url.pathname === '/api/upload') return upload(services, url, request, response);
    if (url.pathname.startsWith('/api/call/')) {
      const method = methodDecode(url.pathname);
      return method === null ? badMethodRespond(response) : apiCall(services, method, request, response, maxBody, gate);
    }
    return textRespond(response, 404, 'Not found.');
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // 127.0.0.1 only: never a wildcard address, never IPv6 any.
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Start browser mode; resolves once listening. */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const services =
    options.services ??
    servicesCreate({
      mode: 'browser',
      dataDir: options.dataDir ?? dataDirResolve(),
      workerPath: options.workerPath === undefined ? workerPathDefault() : options.workerPath,
    });
  if (options.bucketDir) await services.connections.openLocal(options.bucketDir);
  const token = serverTokenCreate();
  const launch = new LaunchNonce();
  const closing = new Set<() => void>();
  let port = 0;
  const router = routerCreate(services, options, { token, launch }, () => port, closing);
  const server = createServer((request, response) => {
    router(request, response).catch((error: unknown) => {
      if (!response.headersSent) jsonRespond(response, 500, { ok: false, error: errorInfoSafe(error) });
      else response.destroy();
    });
  });
  // Node's own 400/408/431 answers carry no headers of ours: answer them ourselves (issue 12 §12).
  server.on('clientError', clientErrorRespond);
  server.headersTimeout = 30_000;
  port = await listen(server, options.port ?? 0);
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    launchUrl: `http://127.0.0.1:${port}${launchPathPrefix}${launch.value}`,
    port,
    token,
    services,
    close: async () => {
      for (const end of [...closing]) end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await servicesClose(services);
    },
  };
}
