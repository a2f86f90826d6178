// Shared setup for browser-server integration tests: a temp bucket, a fake renderer, HTTP helpers.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { snappyCompressRaw } from '../../core/codecs/snappy';
import { parquetWriteLite } from '../../main/shipping/parquetWriter';

export const jsonLines =
  '{"__time__":1700000000,"__topic__":"t","__source__":"10.0.0.1","path":"/a","status":"200"}\n{"__time__":1700000001,"__topic__":"t","__source__":"10.0.0.2","path":"/b","status":"500"}\n';
export const csvText = '1700000000,10.0.0.1,=cmd,200\n1700000001,10.0.0.2,/b,500\n';

/** Write a small bucket: JSON, CSV, Parquet, JSON+snappy. */
export async function bucketWrite(root: string): Promise<void> {
  const files: Record<string, Uint8Array> = {
    'logs/2023/11/15/06/13_1700000000000000000_1': new TextEncoder().encode(jsonLines),
    'logs/ds=20231115/06_1700000000000000000_2.csv': new TextEncoder().encode(csvText),
    'logs/p/log_061320_1700000000000000000_3.parquet': await parquetWriteLite(
      [
        { name: 'path', type: 'string' },
        { name: 'n', type: 'int64' },
      ],
      [
        ['/a', 9007199254740993n],
        ['/b', null],
      ],
      { codec: 'SNAPPY' },
    ),
    'logs/z/13_1700000000000000000_4.snappy': snappyCompressRaw(new TextEncoder().encode(jsonLines)),
  };
  for (const [key, bytes] of Object.entries(files)) {
    const file = join(root, ...key.split('/'));
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, bytes);
  }
}

/** A fake built renderer. */
export async function rendererWrite(root: string): Promise<void> {
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>shiplens</title><script type="module" src="./assets/app.js"></script>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log("app");\n');
}

/** Build the decode worker bundle into `dir` (as scripts/build.mjs does). */
export async function workerBuild(): Promise<string> {
  // Inside the project so the bundle resolves node_modules (packages stay external).
  const outfile = new URL(`../../node_modules/.cache/shiplens-test/decodeWorker-${process.pid}.cjs`, import.meta.url).pathname;
  await build({
    entryPoints: [new URL('../../main/workers/decodeWorker.ts', import.meta.url).pathname],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  return outfile;
}

export async function tempDir(name: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `shiplens-${name}-`));
}

/** A raw HTTP request (lets tests send any Host/Origin and unnormalised paths). */
export function rawRequest(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Uint8Array; host?: string },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: options.host ?? '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
        setHost: !options.headers?.Host,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}
