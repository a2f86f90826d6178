// Child process of listingLoad.test.ts: the browser-mode server over a `keys`-key local folder.
// Another process (the load client, like a hostile or runaway page) sends `concurrency` cold
// browse.list pages at once while this one calls app.info every 25 ms; prints ChildFigures
// (this process's peak RSS) with the slowest app.info and every page's first/last key.
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startBrowserServer } from '../../main/server/browserServer';
import { pageTokenEncode } from '../../main/storage/listing';
import { servicesCreate } from '../../main/services/wiring';
import { listingKey } from './listingFixture';
import { measureStep } from './measure';

/** The load client: posts every body at once, answers with [first key, last key, count] per page. */
const clientScript = `
const { url, token, bodies } = JSON.parse(process.argv[1]);
const pages = await Promise.all(bodies.map(async (body) => {
  const res = await fetch(url, { method: 'POST', headers: { 'X-Shiplens-Token': token }, body });
  const page = await res.json();
  const objects = page.ok ? page.value.objects : [];
  return page.ok ? [objects[0]?.key, objects.at(-1)?.key, objects.length] : page.error;
}));
process.stdout.write(JSON.stringify(pages));
`;

function loadClient(url: string, token: string, bodies: string[]): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', clientScript, JSON.stringify({ url, token, bodies })],
      { maxBuffer: 64 << 20 },
      (error, stdout) => {
        if (error) reject(error);
        else resolve(JSON.parse(stdout) as unknown[]);
      },
    );
  });
}

async function main(): Promise<void> {
  const [bucket, keysText, concurrencyText, workDir] = process.argv.slice(2) as [string, string, string, string];
  const keys = Number(keysText);
  const concurrency = Number(concurrencyText);
  mkdirSync(join(workDir, 'renderer'), { recursive: true });
  const services = servicesCreate({ mode: 'browser', dataDir: join(workDir, 'data'), outputDir: join(workDir, 'out'), workerPath: null });
  const server = await startBrowserServer({ rendererDir: join(workDir, 'renderer'), bucketDir: bucket, services });
  const info = async (): Promise<void> => {
    const res = await fetch(`http://127.0.0.1:${server.port}/api/call/app.info`, {
      method: 'POST',
      headers: { 'X-Shiplens-Token': server.token },
      body: '{}',
    });
    if (!((await res.json()) as { ok: boolean }).ok) throw new Error('app.info failed');
  };
  // Warm up this side's fetch (undici compiles on first use), as an open page would be.
  await info();
  // Page i starts after key i * keys / concurrency - 1 (the token the previous page would give).
  const bodies = Array.from({ length: concurrency }, (_v, i) => {
    const start = Math.floor((i * keys) / concurrency);
    return JSON.stringify({
      prefix: 'logs/',
      delimiter: '/',
      maxKeys: 1000,
      ...(start > 0 ? { pageToken: pageTokenEncode('local1', { k: listingKey(start - 1) }) } : {}),
    });
  });
  const lag = monitorEventLoopDelay({ resolution: 10 });
  await measureStep(async () => {
    lag.enable();
    let done = false;
    const infoMs: number[] = [];
    const sampler = (async () => {
      while (!done) {
        const t = performance.now();
        await info();
        infoMs.push(performance.now() - t);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();
    const pages = await loadClient(`http://127.0.0.1:${server.port}/api/call/browse.list`, server.token, bodies).finally(
      () => (done = true),
    );
    await sampler;
    lag.disable();
    infoMs.sort((a, b) => a - b);
    const at = (q: number): number => Math.round(infoMs[Math.min(infoMs.length - 1, Math.floor(q * infoMs.length))] ?? 0);
    // loopMaxMs: the longest event-loop stall, what any light call could have waited behind;
    // load1: the machine's load average (app.info times stretch with CPU contention).
    return {
      pages: pages.length,
      infoCalls: infoMs.length,
      infoP50Ms: at(0.5),
      infoP95Ms: at(0.95),
      infoMaxMs: at(1),
      loopMaxMs: Math.round(lag.max / 1e6),
      load1: Math.round(loadavg()[0] ?? 0),
      firstLast: pages,
    };
  });
  await server.close();
  process.exit(0);
}

void main();
