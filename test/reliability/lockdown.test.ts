// App lock-down (issue 8 §5), beyond test/integration/server.test.ts and dispatch.test.ts:
// a canary secret given through the environment, a profile and a connection never appears in
// the real server's stdout/stderr, API results, errors, SSE events or HTML; every API method
// refuses invalid arguments built from its own field names without touching a service; CSV
// export guards formulas by default; the Electron shell denies navigation and new windows.
import fc from 'fast-check';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShiplensError } from '../../core/errors';
import { apiInputs, apiMethods } from '../../main/api/contract';
import { apiDispatch } from '../../main/api/dispatch';
import type { ApiServices } from '../../main/services/types';
import { servicesCreate } from '../../main/services/wiring';
import { startOssTestServer } from '../servers/ossServer';
import type { OssTestServer } from '../servers/ossServer';

const repo = path.join(__dirname, '../..');
const canaries = [
  'CANARYenvSECRETd41d8cd98f00b204',
  'CANARYprofileSECRET9e107d9d372bb6826',
  'CANARYstsTOKENe4d909c290d0fb1ca068',
  'CANARYcallSECRET45c48cce2e2d7fbdea1a',
];

describe('secrets never leave main (real start.cjs in a child process)', () => {
  let child: ChildProcess | null = null;
  let oss: OssTestServer;
  let tmp: string;
  let stdout = '';
  let stderr = '';

  beforeAll(async () => {
    if (!existsSync(path.join(repo, 'out/main/start.cjs'))) {
      await new Promise((resolve) =>
        spawn(process.execPath, ['scripts/build.mjs', '--main'], { cwd: repo, stdio: 'ignore' }).on('exit', resolve),
      );
    }
    oss = await startOssTestServer();
    oss.put('logs/a_1484913043351525351_1.json', '{"__time__":1484913043,"a":"1"}\n');
    tmp = mkdtempSync(path.join(os.tmpdir(), 'shiplens-canary-'));
  });
  afterAll(async () => {
    child?.kill('SIGTERM');
    await oss.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('scans stdout, stderr, HTML, every API response and every SSE event for canaries', async () => {
    child = spawn(process.execPath, ['out/main/start.cjs', '--no-open'], {
      cwd: repo,
      env: {
        ...process.env,
        SHIPLENS_DATA_DIR: path.join(tmp, 'data'),
        DISPLAY: '',
        WAYLAND_DISPLAY: '',
        CI: '1',
        ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIcanaryenvkeyid',
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: canaries[0] as string,
        ALIBABA_CLOUD_SECURITY_TOKEN: canaries[2] as string,
      },
    });
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child?.stdout?.on('data', (c: Buffer) => {
        stdout += c.toString();
        const match = /http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+/.exec(stdout);
        if (match) resolve(match[0]);
      });
      child?.once('exit', (code) => reject(new Error(`start exited ${code}: ${stderr}`)));
    });
    const base = url.slice(0, url.indexOf('/#'));
    const token = url.slice(url.indexOf('#token=') + 7);
    const seen: string[] = [];
    const html = await (await fetch(`${base}/`)).text();
    seen.push(html);
    const events = new AbortController();
    let sse = '';
    const sseDone = fetch(`${base}/api/events?token=${token}`, { signal: events.signal })
      .then(async (res) => {
        const reader = res.body?.getReader();
        for (;;) {
          const chunk = await reader?.read();
          if (!chunk || chunk.done) break;
          sse += new TextDecoder().decode(chunk.value);
        }
      })
      .catch(() => undefined);
    const call = async (method: string, arg: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> => {
      const res = await fetch(`${base}/api/call/${method}`, {
        method: 'POST',
        headers: { 'X-Shiplens-Token': token, 'content-type': 'application/json' },
        body: JSON.stringify(arg),
      });
      const text = await res.text();
      seen.push(text);
      return JSON.parse(text) as { ok: boolean; error?: { code: string } };
    };
    // Ambient (env) credentials: the server rejects them; the error must not echo them.
    expect((await call('connection.openOss', { bucket: oss.bucket, endpoint: oss.endpoint })).ok).toBe(true);
    expect((await call('browse.list', { prefix: '' })).error?.code).toBe('AUTH_FAILED');
    // A profile with a secret and a token; a connection with a secret given in the call.
    await call('profiles.save', {
      name: 'canary',
      bucket: oss.bucket,
      endpoint: oss.endpoint,
      accessKeyId: 'LTAIprofile',
      accessKeySecret: canaries[1],
      securityToken: canaries[2],
    });
    await call('profiles.list', {});
    await call('connection.openOss', { bucket: oss.bucket, profileName: 'canary' });
    await call('object.download', { key: 'logs/a_1484913043351525351_1.json', outDir: path.join(tmp, 'dl'), jobId: 'job-canary-1' });
    await call('connection.openOss', {
      bucket: oss.bucket,
      endpoint: oss.endpoint,
      accessKeyId: oss.accessKeyId,
      accessKeySecret: canaries[3],
    });
    await call('table.open', { key: 'logs/a_1484913043351525351_1.json', jobId: 'job-canary-2' });
    await call('connection.current', {});
    await call('settings.get', {});
    await call('app.info', {});
    await call('connection.openOss', {
      bucket: oss.bucket,
      endpoint: oss.endpoint,
      accessKeyId: oss.accessKeyId,
      accessKeySecret: oss.accessKeySecret,
    });
    expect((await call('table.open', { key: 'logs/a_1484913043351525351_1.json', jobId: 'job-canary-3' })).ok).toBe(true);
    expect(
      (await call('object.download', { key: 'logs/a_1484913043351525351_1.json', outDir: path.join(tmp, 'dl2'), jobId: 'job-canary-4' }))
        .ok,
    ).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    events.abort();
    await sseDone;
    expect(sse).toMatch(/job-canary-[34]/);
    const haystacks = { stdout, stderr, sse, ...Object.fromEntries(seen.map((s, i) => [`response ${i}`, s])) };
    for (const [where, text] of Object.entries(haystacks)) {
      for (const canary of canaries) expect(text.includes(canary) ? `${where} leaks ${canary}` : '').toBe('');
    }
    // Nothing secret on disk in plain text either (browser mode: session-only secrets).
    const dataFiles = readdirRecursive(path.join(tmp, 'data'));
    for (const file of dataFiles)
      for (const canary of canaries) expect(readFileSync(file, 'latin1').includes(canary) ? `${file} holds ${canary}` : '').toBe('');
  }, 60_000);
});

function readdirRecursive(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((f) => path.join(dir, String(f)))
    .filter((f) => !statSync(f).isDirectory());
}

/** Services that record every property touched (a refused call must touch none). */
function recordingServices(): { services: ApiServices; touched: string[] } {
  const touched: string[] = [];
  const trap = (where: string): unknown =>
    new Proxy(() => undefined, {
      get: (_t, prop) => (touched.push(`${where}.${String(prop)}`), trap(`${where}.${String(prop)}`)),
      apply: () => {
        touched.push(`${where}()`);
        throw new ShiplensError('INTERNAL', 'fake service');
      },
    });
  return { services: trap('services') as ApiServices, touched };
}

describe('every API method validates before acting', () => {
  it.each(apiMethods.map((m) => [m]))(
    '%s: arguments made of its own field names with junk values are refused untouched, or valid',
    async (method) => {
      const schema = apiInputs[method] as unknown as { shape?: Record<string, unknown>; safeParse(v: unknown): { success: boolean } };
      const fields = Object.keys(schema.shape ?? {});
      const junk = fc.oneof(
        fc.anything({ withBigInt: true, withNullPrototype: true }),
        fc.constantFrom('', '../..', '\u0000', 'x'.repeat(5000), -1, Number.POSITIVE_INFINITY, Number.NaN, [], {}, null),
      );
      const argArb = fields.length
        ? fc.dictionary(fc.constantFrom(...fields, '__proto__', 'constructor', 'extra'), junk, { maxKeys: fields.length + 1 })
        : fc.anything();
      await fc.assert(
        fc.asyncProperty(argArb, async (arg) => {
          const { services, touched } = recordingServices();
          const response = await apiDispatch(services, method, arg);
          if (!schema.safeParse(arg ?? {}).success) {
            expect(response).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
            expect(touched).toEqual([]);
          }
        }),
        { numRuns: 60 },
      );
    },
  );
});

describe('CSV export guards formulas by default', () => {
  it('prefixes =, +, -, @ cells with a quote unless formulaGuard is false', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'shiplens-formula-'));
    try {
      mkdirSync(path.join(root, 'bucket'), { recursive: true });
      writeFileSync(path.join(root, 'bucket', 'f.csv'), "=cmd|' /C calc'!A0,+1,-2,@SUM(A1),plain\n");
      const services = servicesCreate({ mode: 'browser', dataDir: path.join(root, 'data'), outputDir: path.join(root, 'out') });
      await apiDispatch(services, 'connection.openLocal', { path: path.join(root, 'bucket') });
      const opened = await apiDispatch(services, 'table.open', { key: 'f.csv' });
      const tableId = (opened as { value: { tableId: string } }).value.tableId;
      const guarded = await apiDispatch(services, 'export.csv', { tableId, fileName: 'guarded.csv' });
      const text = readFileSync((guarded as { value: { path: string } }).value.path, 'utf8');
      for (const cell of ['=cmd', '+1', '-2', '@SUM(A1)'])
        expect(text).not.toMatch(new RegExp(`(^|,|\\n)"?${cell.replace(/[+|()]/g, '\\$&')}`));
      expect(text).toContain('plain');
      const raw = await apiDispatch(services, 'export.csv', { tableId, fileName: 'raw.csv', formulaGuard: false });
      expect(readFileSync((raw as { value: { path: string } }).value.path, 'utf8')).toMatch(/(^|\n)"?=cmd/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('Electron shell (source checks; the binary cannot run here)', () => {
  it('denies new windows, redirects, webviews and permission requests, and gates navigation', () => {
    const source = readFileSync(path.join(repo, 'main/electron.ts'), 'utf8');
    expect(source).toMatch(/setWindowOpenHandler\([\s\S]{0,200}return \{ action: 'deny' \}/);
    expect(source).toMatch(/'will-navigate',[\s\S]{0,120}navigationAllowed\([\s\S]{0,60}event\.preventDefault\(\)/);
    expect(source).toMatch(/'will-redirect', \(event\) => event\.preventDefault\(\)/);
    expect(source).toMatch(/'will-attach-webview', \(event\) => event\.preventDefault\(\)/);
    expect(source).toMatch(/setPermissionRequestHandler\([^)]*\) => callback\(false\)\)/);
  });
});
