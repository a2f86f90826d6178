// Child process of listingLoad.test.ts: `concurrency` browse.list pages of a `keys`-key local
// folder, all at once and cold, through the browser-mode HTTP server, while app.info is called
// every 25 ms; prints ChildFigures with the slowest app.info and every page's first/last key.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startBrowserServer } from '../../main/server/browserServer';
import { pageTokenEncode } from '../../main/storage/listing';
import { servicesCreate } from '../../main/services/wiring';
import { listingKey } from './listingFixture';
import { measureStep } from './measure';

async function main(): Promise<void> {
  const [bucket, keysText, concurrencyText, workDir] = process.argv.slice(2) as [string, string, string, string];
  const keys = Number(keysText);
  const concurrency = Number(concurrencyText);
  mkdirSync(join(workDir, 'renderer'), { recursive: true });
  const services = servicesCreate({ mode: 'browser', dataDir: join(workDir, 'data'), outputDir: join(workDir, 'out'), workerPath: null });
  const server = await startBrowserServer({ rendererDir: join(workDir, 'renderer'), bucketDir: bucket, services });
  const post = async (method: string, arg: unknown): Promise<{ ok: boolean; value?: { objects: { key: string }[] }; error?: unknown }> => {
    const res = await fetch(`http://127.0.0.1:${server.port}/api/call/${method}`, { method: 'POST', headers: { 'X-Shiplens-Token': server.token }, body: JSON.stringify(arg) });
    return (await res.json()) as never;
  };
  const lag = monitorEventLoopDelay({ resolution: 10 });
  await measureStep(async () => {
    lag.enable();
    // Page i starts after key i * keys / concurrency - 1 (a token as the previous page would give).
    const starts = Array.from({ length: concurrency }, (_v, i) => Math.floor((i * keys) / concurrency));
    let done = false;
    let infoMaxMs = 0;
    let infoCalls = 0;
    const sampler = (async () => {
      while (!done) {
        const t = performance.now();
        const info = await post('app.info', {});
        if (!info.ok) throw new Error('app.info failed');
        infoMaxMs = Math.max(infoMaxMs, performance.now() - t);
        infoCalls++;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();
    // Each answer is reduced to its first key, last key and count at once (the client keeps no pages).
    const pages = await Promise.all(starts.map(async (start) => {
      const page = await post('browse.list', { prefix: 'logs/', delimiter: '/', maxKeys: 1000, ...(start > 0 ? { pageToken: pageTokenEncode('local1', { k: listingKey(start - 1) }) } : {}) });
      const objects = page.value?.objects ?? [];
      return { ok: page.ok, error: page.error, summary: [objects[0]?.key, objects.at(-1)?.key, objects.length] };
    }));
    done = true;
    await sampler;
    lag.disable();
    const failed = pages.filter((p) => !p.ok);
    if (failed.length > 0) throw new Error(`${failed.length} pages failed: ${JSON.stringify(failed[0])}`);
    // The longest event-loop stall: what any light call could have waited behind.
    const loopMaxMs = Math.round(lag.max / 1e6);
    return { pages: pages.length, infoMaxMs: Math.round(infoMaxMs), infoCalls, loopMaxMs, firstLast: pages.map((p) => p.summary) };
  });
  await server.close();
  process.exit(0);
}

void main();
