import http from 'node:http';
import OSS from 'ali-oss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ossSignV1, ossStringToSign } from '../servers/ossAuth';
import { startOssTestServer } from '../servers/ossServer';
import type { OssTestServer } from '../servers/ossServer';

let server: OssTestServer;
let client: OSS;
const body = Buffer.from('0123456789abcdefghij');

beforeAll(async () => {
  server = await startOssTestServer({ bucket: 'srv-bucket' });
  client = new OSS({
    endpoint: server.endpoint,
    bucket: server.bucket,
    accessKeyId: server.accessKeyId,
    accessKeySecret: server.accessKeySecret,
  });
  server.put('r/obj.bin', body);
  for (const k of ['v1/a', 'v1/b', 'v1/c/1', 'v1/c/2', 'v1/d']) server.put(k, k);
});
afterAll(() => server.close());

/** A raw signed request (path-style), to check what ali-oss does not send. */
function raw(
  method: string,
  pathAndQuery: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const url = new URL(pathAndQuery, server.endpoint);
  const all: Record<string, string> = { 'x-oss-date': new Date().toUTCString(), ...headers };
  const [, bucket = '', ...rest] = decodeURIComponent(url.pathname).split('/');
  const sts = ossStringToSign(method, all, bucket, rest.join('/'), url.searchParams);
  all.authorization = `OSS ${server.accessKeyId}:${ossSignV1(server.accessKeySecret, sts)}`;
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers: all }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('OSS test server', () => {
  it('binds to 127.0.0.1 only', () => {
    expect(server.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers ranges: closed, open, suffix, and 416 past the end', async () => {
    const cases: [string, number, string, string | undefined][] = [
      ['bytes=2-4', 206, '234', 'bytes 2-4/20'],
      ['bytes=15-', 206, 'fghij', 'bytes 15-19/20'],
      ['bytes=-3', 206, 'hij', 'bytes 17-19/20'],
      ['bytes=-50', 206, body.toString(), 'bytes 0-19/20'],
      ['bytes=18-100', 206, 'ij', 'bytes 18-19/20'],
    ];
    for (const [range, status, text, contentRange] of cases) {
      const r = await raw('GET', `/srv-bucket/r/obj.bin`, { range });
      expect([range, r.status, r.body, r.headers['content-range'], r.headers['content-length']]).toEqual([
        range,
        status,
        text,
        contentRange,
        String(text.length),
      ]);
    }
    const bad = await raw('GET', '/srv-bucket/r/obj.bin', { range: 'bytes=20-25' });
    expect(bad.status).toBe(416);
    expect(bad.body).toContain('<Code>InvalidRange</Code>');
    const whole = await raw('GET', '/srv-bucket/r/obj.bin');
    expect([whole.status, whole.body]).toEqual([200, body.toString()]);
  });

  it('pages ListObjects v1 with marker and NextMarker', async () => {
    const first = await client.list({ prefix: 'v1/', 'max-keys': 2, delimiter: '/' }, {});
    expect(first.objects.map((o) => o.name)).toEqual(['v1/a', 'v1/b']);
    expect(first.isTruncated).toBe(true);
    const second = await client.list({ prefix: 'v1/', 'max-keys': 2, delimiter: '/', marker: first.nextMarker as string }, {});
    expect(second.prefixes).toEqual(['v1/c/']);
    expect(second.objects.map((o) => o.name)).toEqual(['v1/d']);
    expect(second.isTruncated).toBe(false);
  });

  it('stores PUT objects and reports HEAD errors in x-oss-err', async () => {
    await client.put('up/new.txt', Buffer.from('put body'));
    expect(String((await client.get('up/new.txt')).content)).toBe('put body');
    expect(server.stats.byOp.put.requests).toBe(1);
    const bad = new OSS({ endpoint: server.endpoint, bucket: server.bucket, accessKeyId: server.accessKeyId, accessKeySecret: 'wrong' });
    await expect(bad.head('up/new.txt')).rejects.toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
  });

  it('rejects unsigned, skewed, and wrong-bucket requests', async () => {
    const unsigned = await new Promise<number>((resolve) =>
      http.get(`${server.endpoint}/srv-bucket/r/obj.bin`, (res) => (res.resume(), resolve(res.statusCode ?? 0))),
    );
    expect(unsigned).toBe(403);
    const skewed = await raw('GET', '/srv-bucket/r/obj.bin', { 'x-oss-date': new Date(Date.now() - 3_600_000).toUTCString() });
    expect([skewed.status, /<Code>(\w+)<\/Code>/.exec(skewed.body)?.[1]]).toEqual([403, 'RequestTimeTooSkewed']);
    const wrong = await raw('GET', '/other-bucket/r/obj.bin');
    expect([wrong.status, /<Code>(\w+)<\/Code>/.exec(wrong.body)?.[1]]).toEqual([404, 'NoSuchBucket']);
  });

  it('checks STS tokens: valid, expired, and unknown', async () => {
    const sts = server.issueSts(60_000);
    const c = new OSS({
      endpoint: server.endpoint,
      bucket: server.bucket,
      accessKeyId: sts.accessKeyId,
      accessKeySecret: sts.accessKeySecret,
      stsToken: sts.securityToken,
      refreshSTSTokenInterval: 1e9,
    } as OSS.Options);
    expect(String((await c.get('r/obj.bin')).content)).toBe(body.toString());
    server.expireSts(sts.securityToken);
    await expect(c.get('r/obj.bin')).rejects.toMatchObject({ status: 403, code: 'SecurityTokenExpired' });
    const forged = new OSS({
      endpoint: server.endpoint,
      bucket: server.bucket,
      accessKeyId: sts.accessKeyId,
      accessKeySecret: sts.accessKeySecret,
      stsToken: 'CAISforged',
      refreshSTSTokenInterval: 1e9,
    } as OSS.Options);
    await expect(forged.get('r/obj.bin')).rejects.toMatchObject({ status: 403, code: 'InvalidSecurityToken' });
  });
});
