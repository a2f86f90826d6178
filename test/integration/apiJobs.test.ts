// Jobs over HTTP: cancel a running decode (inline and in a worker thread); no file is left behind.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserServer } from '../../main/server/browserServer';
import type { BrowserServer } from '../../main/server/browserServer';
import { DecodeRunner } from '../../main/services/decodeRunner';
import { servicesCreate } from '../../main/services/wiring';
import { rendererWrite, tempDir } from './serverHelpers';

let server: BrowserServer;
let root: string;

async function call(method: string, arg: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
  const res = await fetch(`http://127.0.0.1:${server.port}/api/call/${method}`, {
    method: 'POST',
    headers: { 'X-Shiplens-Token': server.token },
    body: JSON.stringify(arg),
  });
  return (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string } };
}

async function jobRunning(id: string): Promise<void> {
  while (!server.services.jobs.ids().includes(id)) await new Promise((r) => setTimeout(r, 5));
}

beforeAll(async () => {
  root = await tempDir('jobs');
  await rendererWrite(join(root, 'renderer'));
  await mkdir(join(root, 'bucket'));
  const services = servicesCreate({ mode: 'browser', dataDir: join(root, 'data'), outputDir: join(root, 'out') });
  // A decode that only ends when cancelled: the test controls when the job is "long".
  services.decoder = new DecodeRunner(
    {
      snappyDecode: (_bytes, options) =>
        new Promise((_resolve, reject) => {
          options.onProgress?.(0, 100);
          options.signal?.addEventListener('abort', () => reject(options.signal?.reason));
        }),
    },
    null,
  );
  server = await startBrowserServer({ rendererDir: join(root, 'renderer'), bucketDir: join(root, 'bucket'), services });
});

afterAll(async () => {
  await server?.close();
});

describe('jobs.cancel', () => {
  it('cancels a running decompress job and leaves no output', async () => {
    await writeFile(join(root, 'input.snappy'), new Uint8Array([1, 2, 3]));
    const pending = call('decompress.file', { path: join(root, 'input.snappy'), jobId: 'job-cancel-1' });
    await jobRunning('job-cancel-1');
    expect(await call('jobs.cancel', { jobId: 'job-cancel-1' })).toEqual({ ok: true, value: { cancelled: true } });
    expect((await pending).error?.code).toBe('CANCELLED');
    expect(server.services.jobs.ids()).toEqual([]);
    expect(await readdir(root)).not.toContain('out');
    expect(await call('jobs.cancel', { jobId: 'job-cancel-1' })).toEqual({ ok: true, value: { cancelled: false } });
  });
});

describe('DecodeRunner worker', () => {
  it('terminates the worker on cancel', async () => {
    // A worker that never answers stands in for a long decode.
    const workerPath = join(root, 'silentWorker.cjs');
    await writeFile(workerPath, "require('node:worker_threads').parentPort.on('message', () => {});\n");
    const runner = new DecodeRunner({ snappyDecode: () => Promise.reject(new Error('inline path used')) }, workerPath, 1);
    expect(runner.usesWorker(10)).toBe(true);
    const controller = new AbortController();
    const decoding = runner.decode(new Uint8Array(10), { maxDecodeBytes: 1 << 20, signal: controller.signal });
    controller.abort();
    await expect(decoding).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('reports a worker crash as a typed error', async () => {
    const workerPath = join(root, 'crashWorker.cjs');
    await writeFile(workerPath, "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n");
    const runner = new DecodeRunner({ snappyDecode: () => Promise.reject(new Error('inline path used')) }, workerPath, 1);
    await expect(runner.decode(new Uint8Array(10), { maxDecodeBytes: 1 << 20 })).rejects.toMatchObject({
      code: 'INTERNAL',
      message: 'The decode worker stopped (exit code 3).',
    });
  });
});
