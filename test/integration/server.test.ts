import { readFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserServer } from '../../main/server/browserServer';
import { startOssTestServer } from '../servers/ossServer';
import type { BrowserServer } from '../../main/server/browserServer';
import { servicesCreate } from '../../main/services/wiring';
import { bucketWrite, jsonLines, rawRequest, rendererWrite, tempDir, workerBuild } from './serverHelpers';

const secret = 'SuperSecretAccessKeyValue-1234567890';
let server: BrowserServer;
let root: string;
const responses: string[] = [];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test reads untyped JSON
type Loose = any;

async function call(method: string, arg: unknown): Promise<{ ok: boolean; value?: Loose; error?: Loose }> {
  const res = await fetch(`http://127.0.0.1:${server.port}/api/call/${method}`, {
    method: 'POST',
    headers: { 'X-Shiplens-Token': server.token, 'Content-Type': 'application/json' },
    body: JSON.stringify(arg),
  });
  const text = await res.text();
  responses.push(text);
  return JSON.parse(text);
}

beforeAll(async () => {
  root = await tempDir('server');
  await bucketWrite(join(root, 'bucket'));
  await rendererWrite(join(root, 'renderer'));
  const workerPath = await workerBuild();
  const services = servicesCreate({
    mode: 'browser',
    dataDir: join(root, 'data'),
    outputDir: join(root, 'out'),
    workerPath,
    workerThresholdBytes: 64,
  });
  server = await startBrowserServer({ rendererDir: join(root, 'renderer'), bucketDir: join(root, 'bucket'), services });
});

afterAll(async () => {
  await server?.close();
});

describe('startBrowserServer guards', () => {
  it('serves index.html without a token, with CSP and no-store', async () => {
    const res = await rawRequest(server.port, { path: '/' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-frame-options']).toBe('DENY');
    const js = await rawRequest(server.port, { path: '/assets/app.js' });
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body).toBe('console.log("app");\n');
  });

  it('prints a URL with the token on 127.0.0.1', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses API calls without a token or with a wrong one (401)', async () => {
    const none = await rawRequest(server.port, { method: 'POST', path: '/api/call/app.info', body: '{}' });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body).error.code).toBe('UNAUTHORIZED_CALLER');
    const wrong = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/call/app.info',
      body: '{}',
      headers: { 'X-Shiplens-Token': `${server.token.slice(0, -1)}x` },
    });
    expect(wrong.status).toBe(401);
    const events = await rawRequest(server.port, { path: '/api/events?token=nope' });
    expect(events.status).toBe(401);
    const up = await rawRequest(server.port, { method: 'POST', path: '/api/upload?name=x', body: 'abc' });
    expect(up.status).toBe(401);
  });

  it('refuses a foreign Host or Origin (403), even with the token', async () => {
    const headers = { 'X-Shiplens-Token': server.token };
    const host = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/call/app.info',
      body: '{}',
      headers: { ...headers, Host: `evil.example:${server.port}` },
    });
    expect(host.status).toBe(403);
    const hostPage = await rawRequest(server.port, { path: '/', headers: { Host: 'attacker.test' } });
    expect(hostPage.status).toBe(403);
    const origin = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/call/app.info',
      body: '{}',
      headers: { ...headers, Origin: 'http://evil.example' },
    });
    expect(origin.status).toBe(403);
    const ok = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/call/app.info',
      body: '{}',
      headers: { ...headers, Origin: `http://localhost:${server.port}`, Host: `localhost:${server.port}` },
    });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).value.mode).toBe('browser');
  });

  it('refuses static path traversal', async () => {
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/assets/..%2f..%2findex.html',
      '/assets/%2e%2e/%2e%2e/bucket/logs',
      '/..\\..\\x',
      '/%00',
      '/.hidden',
    ]) {
      const res = await rawRequest(server.port, { path });
      expect(res.status, path).toBe(404);
    }
  });

  it('listens on 127.0.0.1 only', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    if (!external) return; // no other interface on this machine: nothing else to reach
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect(server.port, external.address);
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
  });
});

describe('browser-mode API flow', () => {
  it('lists, opens JSON/CSV/Parquet, reads rows and exports CSV byte-exact', async () => {
    expect((await call('connection.current', {})).value).toMatchObject({ kind: 'local' });
    const list = await call('browse.list', { prefix: 'logs/', delimiter: '' });
    expect(list.value.objects.map((o: { key: string }) => o.key)).toEqual([
      'logs/2023/11/15/06/13_1700000000000000000_1',
      'logs/ds=20231115/06_1700000000000000000_2.csv',
      'logs/p/log_061320_1700000000000000000_3.parquet',
      'logs/z/13_1700000000000000000_4.snappy',
    ]);

    const json = await call('table.open', { key: 'logs/2023/11/15/06/13_1700000000000000000_1' });
    expect(json.value).toMatchObject({ format: 'json', compression: 'none', numRows: 2, hasRaw: true, rawBytes: jsonLines.length });
    const jsonRows = await call('table.rows', { tableId: json.value.tableId, offset: 0, limit: 10 });
    const pathCol = json.value.columns.findIndex((c: { name: string }) => c.name === 'path');
    expect(jsonRows.value.rows.map((r: unknown[]) => r[pathCol])).toEqual(['/a', '/b']);
    const raw = await call('table.raw', { tableId: json.value.tableId, offset: 0, length: 1000 });
    expect(raw.value).toEqual({ text: jsonLines, totalBytes: jsonLines.length });

    const csv = await call('table.open', {
      key: 'logs/ds=20231115/06_1700000000000000000_2.csv',
      dialect: { columns: ['time', 'ip', 'path', 'status'] },
    });
    expect(csv.value).toMatchObject({ format: 'csv', numRows: 2 });
    const csvRows = await call('table.rows', { tableId: csv.value.tableId, offset: 1, limit: 5 });
    expect(csvRows.value.rows).toEqual([['1700000001', '10.0.0.2', '/b', '500']]);
    const exported = await call('export.csv', { tableId: csv.value.tableId, fileName: 'out.csv' });
    expect(exported.ok).toBe(true);
    expect(exported.value.rows).toBe(2);
    const content = await readFile(exported.value.path, 'utf8');
    expect(content).toBe('time,ip,path,status\r\n1700000000,10.0.0.1,"\'=cmd",200\r\n1700000001,10.0.0.2,/b,500\r\n');
    expect(exported.value.bytes).toBe(Buffer.byteLength(content));
    const again = await call('export.csv', { tableId: csv.value.tableId, fileName: 'out.csv' });
    expect(again.error.code).toBe('FILE_EXISTS');
    const escape = await call('export.csv', { tableId: csv.value.tableId, fileName: '../escape.csv' });
    expect(escape.error.code).toBe('PATH_OUTSIDE_ROOT');

    const parquet = await call('table.open', { key: 'logs/p/log_061320_1700000000000000000_3.parquet' });
    expect(parquet.value).toMatchObject({ format: 'parquet', numRows: 2, hasRaw: false });
    expect(parquet.value.columns).toEqual([
      { name: 'path', type: 'string' },
      { name: 'n', type: 'int64' },
    ]);
    const pqRows = await call('table.rows', { tableId: parquet.value.tableId, offset: 0, limit: 2 });
    expect(pqRows.value.rows).toEqual([
      ['/a', '9007199254740993'],
      ['/b', null],
    ]);
    const schema = await call('parquet.schema', { key: 'logs/p/log_061320_1700000000000000000_3.parquet' });
    expect(schema.value).toMatchObject({ numRows: 2, key: 'logs/p/log_061320_1700000000000000000_3.parquet' });
    expect(schema.value.reads).toBeGreaterThanOrEqual(1);
    expect(schema.value.reads).toBeLessThanOrEqual(2);
    expect(schema.value.bytesRead).toBeGreaterThan(0);

    // Over the worker threshold (64 bytes in this test): decoded in the worker thread.
    const snappy = await call('table.open', { key: 'logs/z/13_1700000000000000000_4.snappy' });
    expect(snappy.value).toMatchObject({ format: 'json', compression: 'snappy', numRows: 2 });
    expect((await call('table.close', { tableId: snappy.value.tableId })).value).toEqual({ closed: true });
    expect((await call('table.rows', { tableId: snappy.value.tableId, offset: 0, limit: 1 })).error.code).toBe('NOT_FOUND');
  });

  it('decompresses an upload to exact bytes with a derived name', async () => {
    const compressed = await readFile(join(root, 'bucket', 'logs', 'z', '13_1700000000000000000_4.snappy'));
    const up = await fetch(`http://127.0.0.1:${server.port}/api/upload?name=${encodeURIComponent('13_1700000000000000000_4.snappy')}`, {
      method: 'POST',
      headers: { 'X-Shiplens-Token': server.token },
      body: compressed,
    });
    const { value } = (await up.json()) as { value: { uploadId: string } };
    const result = await call('decompress.file', { uploadId: value.uploadId, outDir: join(root, 'decoded') });
    expect(result.error).toBeUndefined();
    expect(result.value).toEqual({
      path: join(root, 'decoded', '13_1700000000000000000_4.json'),
      bytes: jsonLines.length,
      variant: 'raw',
      inputBytes: compressed.length,
      contentFormat: 'json',
    });
    expect(await readFile(result.value.path, 'utf8')).toBe(jsonLines);
    const again = await call('decompress.file', { uploadId: value.uploadId, outDir: join(root, 'decoded') });
    expect(again.error.code).toBe('FILE_EXISTS');
    const overwrite = await call('decompress.file', { uploadId: value.uploadId, outDir: join(root, 'decoded'), overwrite: true });
    expect(overwrite.ok).toBe(true);
  });

  it('streams job progress over SSE', async () => {
    const controller = new AbortController();
    const res = await fetch(`http://127.0.0.1:${server.port}/api/events?token=${server.token}`, { signal: controller.signal });
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = res.body!.getReader();
    await reader.read(); // ": connected"
    const result = await call('export.csv', {
      tableId: (await call('table.open', { key: 'logs/ds=20231115/06_1700000000000000000_2.csv' })).value.tableId,
      fileName: 'sse.csv',
      jobId: 'job-sse-1',
    });
    expect(result.ok).toBe(true);
    let text = '';
    while (!text.includes('job-sse-1')) text += new TextDecoder().decode((await reader.read()).value);
    const event = JSON.parse(
      text
        .split('\n')
        .find((l) => l.includes('job-sse-1'))!
        .slice('data: '.length),
    );
    expect(event).toMatchObject({ event: 'onJobProgress', payload: { jobId: 'job-sse-1' } });
    controller.abort();
  });

  it('reads OSS through a profile and never returns a secret it was given', async () => {
    const oss = await startOssTestServer({ accessKeySecret: secret });
    try {
      oss.put('logs/a.json', jsonLines);
      const wrong = await call('connection.openOss', {
        bucket: oss.bucket,
        endpoint: oss.endpoint,
        accessKeyId: oss.accessKeyId,
        accessKeySecret: `${secret}-wrong`,
      });
      expect(wrong.ok).toBe(true);
      const refused = await call('browse.list', { prefix: '' });
      expect(refused.error.code).toBe('AUTH_FAILED');
      const saved = await call('profiles.save', {
        name: 'p1',
        bucket: oss.bucket,
        endpoint: oss.endpoint,
        accessKeyId: oss.accessKeyId,
        accessKeySecret: secret,
      });
      expect(saved.value).toEqual({
        name: 'p1',
        bucket: oss.bucket,
        endpoint: oss.endpoint,
        accessKeyId: oss.accessKeyId,
        hasSecret: true,
      });
      expect((await call('profiles.list', {})).value).toEqual([saved.value]);
      expect((await call('connection.openOss', { bucket: oss.bucket, profileName: 'p1' })).value).toEqual({
        kind: 'oss',
        label: `oss://${oss.bucket}`,
        bucket: oss.bucket,
        profileName: 'p1',
      });
      expect((await call('browse.list', { prefix: '', delimiter: '' })).value.objects.map((o: { key: string }) => o.key)).toEqual([
        'logs/a.json',
      ]);
      const table = await call('table.open', { key: 'logs/a.json' });
      expect(table.value).toMatchObject({ format: 'json', numRows: 2 });
      const missing = await call('connection.openOss', { bucket: oss.bucket, profileName: 'nope' });
      expect(missing.error.code).toBe('NOT_FOUND');
      for (const text of responses) expect(text.includes(secret) ? text : '').toBe('');
    } finally {
      await call('connection.openLocal', { path: join(root, 'bucket') });
      await oss.close();
    }
  });
});
