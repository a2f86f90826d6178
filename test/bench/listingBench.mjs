// Listing bench: 100,000 keys in the OSS test server listed through main/storage/ossStorage.ts.
// First page: requests and time; all pages: requests, time and heap held by the entries.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fileURLToPath } from 'node:url';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');

/** Run once (the remote bench has written the bundle of OssStorage + test server). */
export async function run({ keys = 100_000 } = {}) {
  const lib = await (await import('./remoteBench.mjs')).libLoad();
  const server = await lib.startOssTestServer({ bucket: 'listing' });
  try {
    for (let i = 0; i < keys; i++)
      server.put(
        `logstore/2024/05/${String(i % 28).padStart(2, '0')}/${String(i).padStart(7, '0')}_1715000000000000000_${i}.snappy.parquet`,
        'x',
      );
    const storage = new lib.OssStorage({
      endpoint: server.endpoint,
      bucket: server.bucket,
      accessKeyId: server.accessKeyId,
      accessKeySecret: server.accessKeySecret,
    });
    server.stats.reset();
    let t = performance.now();
    const first = await storage.list({ prefix: 'logstore/', delimiter: '' });
    const firstPage = { requests: server.stats.requests, ms: +(performance.now() - t).toFixed(1), objects: first.objects.length };
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    server.stats.reset();
    t = performance.now();
    const all = [];
    let token;
    do {
      const page = await storage.list({ prefix: 'logstore/', delimiter: '', pageToken: token });
      all.push(...page.objects);
      token = page.nextPageToken ?? undefined;
    } while (token);
    const ms = +(performance.now() - t).toFixed(0);
    gc();
    const heapMB = +((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20).toFixed(1);
    const result = { keys, firstPage, all: { requests: server.stats.requests, ms, objects: all.length, heapMB } };
    console.log(`listing: ${JSON.stringify(result)}`);
    return result;
  } finally {
    await server.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
