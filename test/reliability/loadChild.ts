// Child-process load scenarios for load.test.ts: each prints one JSON line of ChildFigures
// (peak RSS growth of the measured step; inputs are prepared before measuring).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { apiDispatch } from '../../main/api/dispatch';
import type { ApiServices } from '../../main/services/types';
import { servicesCreate } from '../../main/services/wiring';
import { startOssTestServer } from '../servers/ossServer';
import { measureStep } from './measure';

type Ok<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

async function call<T>(services: ApiServices, method: string, arg: unknown): Promise<T> {
  const response = (await apiDispatch(services, method, arg)) as Ok<T>;
  if (!response.ok) throw new Error(`${method}: ${response.error.code} ${response.error.message}`);
  return response.value;
}

function servicesFor(workDir: string): ApiServices {
  return servicesCreate({
    mode: 'browser',
    dataDir: join(workDir, 'data'),
    outputDir: join(workDir, 'out'),
    workerPath: process.env.SHIPLENS_WORKER ?? null,
  });
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const scenarios: Record<string, (args: string[]) => Promise<void>> = {
  /** browse.list through the API over `n` keys on the OSS test server, 1,000 per page. */
  async list([n, workDir]) {
    const count = Number(n);
    const server = await startOssTestServer();
    for (let i = 0; i < count; i++) server.put(`logs/ds=20240101/${String(i).padStart(7, '0')}_1484913043351525351_${i}.snappy`, 'x');
    const services = servicesFor(workDir as string);
    await call(services, 'connection.openOss', {
      endpoint: server.endpoint,
      bucket: server.bucket,
      accessKeyId: server.accessKeyId,
      accessKeySecret: server.accessKeySecret,
    });
    await measureStep(async () => {
      let pageToken: string | undefined;
      let keys = 0;
      let pages = 0;
      let last = '';
      do {
        const page = await call<{ objects: { key: string }[]; nextPageToken: string | null }>(services, 'browse.list', {
          prefix: 'logs/',
          delimiter: '',
          maxKeys: 1000,
          ...(pageToken ? { pageToken } : {}),
        });
        keys += page.objects.length;
        pages++;
        last = page.objects.at(-1)?.key ?? last;
        pageToken = page.nextPageToken ?? undefined;
      } while (pageToken);
      return { keys, pages, last };
    });
    await server.close();
  },

  /** table.open + table.rows of the last page of a Parquet object in a local bucket. */
  async parquet([bucket, key, workDir]) {
    const services = servicesFor(workDir as string);
    await call(services, 'connection.openLocal', { path: bucket });
    await measureStep(async () => {
      const table = await call<{ tableId: string; numRows: number }>(services, 'table.open', { key });
      const { rows } = await call<{ rows: unknown[][] }>(services, 'table.rows', {
        tableId: table.tableId,
        offset: table.numRows - 100,
        limit: 100,
      });
      return { numRows: table.numRows, lastRows: rows.length, lastRow: rows.at(-1) };
    });
  },

  /** export.csv of every row of a table (formula guard on, the default). */
  async export([bucket, key, workDir]) {
    const services = servicesFor(workDir as string);
    await call(services, 'connection.openLocal', { path: bucket });
    const table = await call<{ tableId: string; numRows: number }>(services, 'table.open', { key });
    await measureStep(async () => {
      const result = await call<{ path: string; rows: number; bytes: number }>(services, 'export.csv', {
        tableId: table.tableId,
        fileName: 'export.csv',
        outDir: join(workDir as string, 'export'),
      });
      return { rows: result.rows, bytes: result.bytes, path: result.path };
    });
  },

  /** decompress.file of a raw snappy file (worker thread above 8 MB), output hashed after. */
  async decode([file, workDir]) {
    const services = servicesFor(workDir as string);
    await measureStep(async () => {
      const result = await call<{ path: string; bytes: number; variant: string }>(services, 'decompress.file', {
        path: file,
        outDir: join(workDir as string, 'decoded'),
      });
      // Streaming hash (64 KiB reads): checks the bytes without holding them.
      return {
        bytes: result.bytes,
        variant: result.variant,
        usedWorker: services.decoder.usesWorker(result.bytes),
        sha256: await sha256File(result.path),
      };
    });
  },
};

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  const scenario = scenarios[name as string];
  if (!scenario) throw new Error(`unknown scenario ${name}`);
  await scenario(args);
  process.exit(0);
}

void main();
