/**
 * One HTTP(S) request to a Splunk HEC endpoint and the mapping of what went wrong to a
 * ShiplensError: which failures are worth retrying (5xx, 429, resets, timeouts) and which
 * name a cause the user must fix (bad token, bad index, certificate).
 */
import http from 'node:http';
import https from 'node:https';
import { ShiplensError } from '../../core/errors';

/** Where and how to reach the HEC endpoint. */
export interface HecEndpoint {
  url: URL;
  token: string;
  /** From hecAgentCreate (carries the CA and the verification setting for https). */
  agent: http.Agent;
  timeoutMs: number;
  channel?: string;
}

/** A reply: status and parsed JSON body (null when not JSON). */
export interface HecReply {
  status: number;
  body: Record<string, unknown> | null;
}

/** One kept-alive connection per sink (one batch in flight at a time). */
export function hecAgentCreate(url: URL, ca: string | undefined, insecure: boolean): http.Agent {
  if (url.protocol === 'http:') return new http.Agent({ keepAlive: true, maxSockets: 1 });
  return new https.Agent({ keepAlive: true, maxSockets: 1, ca, rejectUnauthorized: !insecure });
}

function networkError(error: NodeJS.ErrnoException, endpoint: HecEndpoint): ShiplensError {
  const where = endpoint.url.host;
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(error.code ?? '')) {
    return new ShiplensError('ACCESS_DENIED', `The HEC server's TLS certificate was not accepted (${error.code}).`, {
      source: where,
      hint: 'Give the CA certificate that signed it, or turn verification off explicitly',
      hintKey: 'tlsCaOrInsecure',
    });
  }
  if (error.code === 'ETIMEDOUT')
    return new ShiplensError('TIMEOUT', `No answer from HEC within ${endpoint.timeoutMs / 1000} s.`, { source: where });
  return new ShiplensError('NETWORK', `Could not reach HEC (${error.code ?? error.message}).`, {
    source: where,
    hint: 'Check the host, port and firewall',
  });
}

/** POST `body` to `path`; resolves with any HTTP reply, rejects with NETWORK / TIMEOUT / ACCESS_DENIED. */
export function hecPost(
  endpoint: HecEndpoint,
  path: string,
  body: Uint8Array,
  headers: Record<string, string>,
  signal: AbortSignal,
): Promise<HecReply> {
  const lib = endpoint.url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = lib.request(
      {
        host: endpoint.url.hostname,
        port: endpoint.url.port || undefined,
        path,
        method: 'POST',
        agent: endpoint.agent,
        signal,
        headers: {
          Authorization: `Splunk ${endpoint.token}`,
          'Content-Length': String(body.length),
          ...(endpoint.channel ? { 'X-Splunk-Request-Channel': endpoint.channel } : {}),
          ...headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('error', (e: NodeJS.ErrnoException) => reject(networkError(e, endpoint)));
        response.on('end', () => {
          let parsed: Record<string, unknown> | null = null;
          try {
            parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
          } catch {
            parsed = null;
          }
          resolve({ status: response.statusCode ?? 0, body: parsed });
        });
      },
    );
    request.setTimeout(endpoint.timeoutMs, () => request.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    request.on('error', (e: NodeJS.ErrnoException) =>
      reject(e.name === 'AbortError' ? new ShiplensError('CANCELLED', 'The send was cancelled.') : networkError(e, endpoint)),
    );
    request.end(body);
  });
}

/** The error for a reply that is not a success (HEC's `text` and `code` quoted). */
export function hecReplyError(reply: HecReply, where: string): ShiplensError {
  const text = typeof reply.body?.text === 'string' ? reply.body.text : 'no message';
  const said = `HEC answered ${reply.status}: ${text}${reply.body?.code !== undefined ? ` (code ${String(reply.body.code)})` : ''}`;
  if (reply.status === 429) return new ShiplensError('THROTTLED', said, { source: where });
  if (reply.status >= 500) return new ShiplensError('SERVER_ERROR', said, { source: where });
  if (reply.status === 401 || reply.status === 403) {
    return new ShiplensError('AUTH_FAILED', said, {
      source: where,
      hint: 'Check the HEC token and that it is enabled in Splunk',
      hintKey: 'hecTokenRejected',
    });
  }
  if (reply.status === 413)
    return new ShiplensError('TOO_LARGE', said, {
      source: where,
      hint: "Send smaller batches than the server's max_content_length",
      hintKey: 'hecBodyTooLarge',
    });
  if (/index/i.test(text))
    return new ShiplensError('INVALID_ARGUMENT', said, {
      source: where,
      hint: 'Check the HEC index: the token must be allowed to write to it',
      hintKey: 'hecIndex',
    });
  return new ShiplensError('INVALID_ARGUMENT', said, {
    source: where,
    hint: 'Check the HEC settings (index, sourcetype, token) and the event format',
  });
}
