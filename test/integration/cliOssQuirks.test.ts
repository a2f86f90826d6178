// The CLI against OSS-compatible servers (issue 14): a localhost endpoint reached path-style,
// suffix ranges answered with the object's head, ListObjectsV2 without continuation tokens.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cliOssStorage } from '../../main/cli/cliSources';
import { ossPathStyle } from '../../main/storage/ossClient';
import { ossQuirksForget } from '../../main/storage/ossQuirks';
import { startOssTestServer } from '../servers/ossServer';
import type { OssTestServer } from '../servers/ossServer';
import { cliCapture } from './cliHelpers';

let server: OssTestServer;
let env: Record<string, string>;
/** ~190 KB of JSON lines: longer than the 64 KiB tail `open` asks for. */
const lines = Array.from({ length: 3000 }, (_, i) =>
  JSON.stringify({ __time__: 1484913043 + i, status: String(200 + (i % 5)), msg: `line ${i} ${'x'.repeat(40)}` }),
);
const jsonKey = 'shiplens/json/2017/01/20/19/50_1484913043351525351_1';

beforeAll(async () => {
  server = await startOssTestServer();
  env = { ALIBABA_CLOUD_ACCESS_KEY_ID: server.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: server.accessKeySecret };
  server.put(jsonKey, `${lines.join('\n')}\n`);
  for (let i = 0; i < 5; i++) server.put(`pages/k${i}`, 'x');
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  ossQuirksForget();
  server.stats.reset();
  Object.assign(server.quirks, { suffixRange: 'ok', listV2WithoutToken: false, pathStyleOnly: false });
});

describe('shiplens on OSS-compatible servers', () => {
  it('reads from a path-style-only server at http://localhost:PORT', async () => {
    server.quirks.pathStyleOnly = true;
    const r = await cliCapture(
      ['head', `oss://${server.bucket}/${jsonKey}`, '-n', '2', '--json', '--endpoint', `http://localhost:${server.port}`],
      { env },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${lines[0]}\n${lines[1]}\n`);
    expect(r.code).toBe(0);
  });

  it('info and head work when suffix ranges are answered with the head of the object', async () => {
    server.quirks.suffixRange = 'head';
    const url = `oss://${server.bucket}/${jsonKey}`;
    const info = await cliCapture(['info', url, '--json', '--endpoint', server.endpoint], { env });
    expect(info.stderr).toBe('');
    expect(JSON.parse(info.stdout)).toMatchObject({
      source: url,
      size: `${lines.join('\n')}\n`.length,
      format: 'json',
      compression: 'none',
    });
    const head = await cliCapture(['head', url, '-n', '1', '--json', '--endpoint', server.endpoint], { env });
    expect(head.stdout).toBe(`${lines[0]}\n`);
    expect(server.stats.log.filter((l) => l.range === 'bytes=-65536')).toHaveLength(1);
  });

  it('head works when suffix ranges are answered with the whole object (200), in one request', async () => {
    server.quirks.suffixRange = 'whole';
    const head = await cliCapture(['head', `oss://${server.bucket}/${jsonKey}`, '-n', '1', '--json', '--endpoint', server.endpoint], {
      env,
    });
    expect(head.stderr).toBe('');
    expect(head.stdout).toBe(`${lines[0]}\n`);
    expect(server.stats.log.map((l) => `${l.op} ${l.range} ${l.status}`)).toEqual(['get bytes=-65536 200']);
  });

  it('ls pages on with v1 markers when v2 gives no continuation token', async () => {
    server.quirks.listV2WithoutToken = true;
    const r = await cliCapture(['ls', `oss://${server.bucket}/pages/`, '--page-size', '2', '--endpoint', server.endpoint], { env });
    expect(r.stderr).toBe('');
    expect(
      r.stdout
        .trimEnd()
        .split('\n')
        .map((l) => l.split(/\s+/).pop()),
    ).toEqual(['pages/k0', 'pages/k1', 'pages/k2', 'pages/k3', 'pages/k4']);
    expect(server.stats.log.map((l) => l.op)).toEqual(['listV2', 'listV1', 'listV1', 'listV1']);
  });

  it('--path-style reaches the storage; without it a named host stays virtual-hosted', async () => {
    const io = { env, homeDir: '/nonexistent-home' } as Parameters<typeof cliOssStorage>[2];
    const forced = await cliOssStorage('logs', { endpoint: 'https://oss.gateway.example', pathStyle: true }, io);
    const plain = await cliOssStorage('logs', { endpoint: 'https://oss.gateway.example' }, io);
    expect([ossPathStyle(forced.request.endpointConfig), ossPathStyle(plain.request.endpointConfig)]).toEqual([true, false]);
    const usage = await cliCapture(['--help']);
    expect(usage.stdout).toContain('--path-style');
  });
});
