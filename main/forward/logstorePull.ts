/**
 * PullLogs: `GET /logstores/{ls}/shards/{id}?type=logs&cursor=…&count=…` with
 * `Accept: application/x-protobuf` and `Accept-Encoding: lz4`. The answer is binary (an LZ4
 * block of a LogGroupList) with the next cursor in `x-log-cursor`, so it is sent here with the
 * signing of main/sls/slsSignature.ts rather than through its JSON reader. 5xx, 429 and
 * network failures are retried with back-off and jitter.
 */
import http from 'node:http';
import https from 'node:https';
import { ShiplensError, isShiplensError } from '../../core/errors';
import type { ForwardRecord } from '../../core/forward';
import { slsPath } from '../sls/signedRequest';
import { slsEndpointResolve } from '../sls/slsEndpoint';
import { slsErrorFromResponse, slsErrorRetryable, slsNetworkError } from '../sls/slsErrors';
import { slsCanonicalResource, slsSignedHeaders } from '../sls/slsSignature';
import { retryDelayMs, retryPolicyDefault, sleep } from './forwardPacing';
import { consumerGroupError } from './logstoreApi';
import type { ConsumerGroupRef } from './logstoreApi';
import { logGroupListDecode, lz4BlockDecode } from './logstoreDecode';

/** One pull: the logs and the cursor after them (equal to the one asked for when there were none). */
export interface PullResult {
  records: ForwardRecord[];
  nextCursor: string;
}

interface Raw {
  status: number;
  body: Buffer;
  headers: http.IncomingHttpHeaders;
}

function getOnce(ref: ConsumerGroupRef, path: string, query: Record<string, string>, timeoutMs: number): Promise<Raw> {
  const target = slsEndpointResolve(ref.conn.endpoint, ref.conn.project);
  const headers = slsSignedHeaders(ref.conn, 'GET', path, query, null, new Date(), target.hostHeader);
  headers['accept'] = 'application/x-protobuf';
  headers['accept-encoding'] = 'lz4';
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = ref.signal ? AbortSignal.any([ref.signal, timeout]) : timeout;
  const search = Object.keys(query)
    .sort()
    .map((k) => `${k}=${encodeURIComponent(query[k] ?? '')}`)
    .join('&');
  const transport = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request(
      {
        host: target.connectHost,
        port: target.port,
        method: 'GET',
        path: `${path}?${search}`,
        headers,
        signal,
        servername: target.hostHeader.replace(/:\d+$/, ''),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
      },
    );
    req.on('error', (error) =>
      reject(
        ref.signal?.aborted
          ? new ShiplensError('CANCELLED', 'The operation was cancelled.')
          : slsNetworkError(error, target.hostHeader, path),
      ),
    );
    req.end();
  });
}

function decodeAnswer(raw: Raw, cursor: string, source: string): PullResult {
  const nextCursor = String(raw.headers['x-log-cursor'] ?? '');
  if (!nextCursor)
    throw new ShiplensError('SERVER_ERROR', `PullLogs answered without x-log-cursor (${source}).`, { source, hint: 'Try again later' });
  const encoding = String(raw.headers['x-log-compresstype'] ?? raw.headers['content-encoding'] ?? 'lz4');
  if (encoding !== 'lz4')
    throw new ShiplensError('UNSUPPORTED_FORMAT', `PullLogs answered a ${encoding} body; shiplens asks for and reads lz4.`, {
      source,
      hint: 'Report this with the endpoint you use',
    });
  const bytes = lz4BlockDecode(raw.body, Number(raw.headers['x-log-bodyrawsize']), source);
  return { records: nextCursor === cursor && bytes.length === 0 ? [] : logGroupListDecode(bytes, source), nextCursor };
}

/** Pull up to `count` log groups of `shard` from `cursor`. */
export async function shardPull(ref: ConsumerGroupRef, shard: number, cursor: string, count: number): Promise<PullResult> {
  const path = slsPath`/logstores/${ref.logstore}/shards/${String(shard)}`;
  const query = { type: 'logs', cursor, count: String(count) };
  const source = `${ref.conn.project}/${ref.logstore} shard ${shard}`;
  const attempts = ref.policy?.maxAttempts ?? retryPolicyDefault.attempts;
  for (let attempt = 0; ; attempt++) {
    try {
      const raw = await getOnce(ref, path, query, ref.policy?.timeoutMs ?? 20_000);
      if (raw.status === 200) return decodeAnswer(raw, cursor, source);
      const body = parseJson(raw.body);
      const error = slsErrorFromResponse(raw.status, body, {
        project: ref.conn.project,
        path: slsCanonicalResource(path, {}),
        logstore: ref.logstore,
        requestId: String(raw.headers['x-log-requestid'] ?? ''),
        attempts: attempt + 1,
      });
      if (!slsErrorRetryable(raw.status, body) || attempt + 1 >= attempts) throw consumerGroupError(error, ref, 'pull');
    } catch (error) {
      const retry = isShiplensError(error) && (error.code === 'NETWORK' || error.code === 'TIMEOUT') && attempt + 1 < attempts;
      if (!retry) throw error;
    }
    await sleep(retryDelayMs(attempt, retryPolicyDefault), ref.signal);
  }
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return body.toString('utf8').slice(0, 200);
  }
}
