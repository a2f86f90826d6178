// Event-loop bench: the main process's longest event-loop stall (perf_hooks
// monitorEventLoopDelay) while a 200 MB JSON-lines object is opened as a table: inline on the main thread (how table.open worked before: the snappy
// decode went to a worker, the JSON-lines indexing did not) vs held by the table worker
// (decode + indexing in the worker, row pages by message). Also the first page's latency.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const inputs = join(root, 'test', 'bench', 'inputs');

async function bundles() {
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', logLevel: 'error' };
  const worker = join(inputs, 'shiplens-decodeWorker.cjs');
  await build({ ...common, entryPoints: [join(root, 'main', 'workers', 'decodeWorker.ts')], outfile: worker });
  const contents = [
    "export { tableOpen } from './core/formats/tableOpen';",
    "export { byteSourceFromBytes } from './core/bytes/byteSource';",
    "export { engineRawDecoder } from './main/engine/engineDecoder';",
    "export { tableWorkerOpen } from './main/workers/tableWorkerClient';",
  ].join('\n');
  const libFile = join(inputs, 'shiplens-eventLoopBench.cjs');
  await build({ ...common, stdin: { contents, resolveDir: root, loader: 'ts' }, outfile: libFile });
  return { worker, lib: createRequire(import.meta.url)(libFile) };
}

/** Run `fn` while sampling the event loop every 10 ms; returns its time and the longest stall. */
async function stalls(fn) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  // A 5 ms ticker stands in for API calls waiting on the loop.
  let worst = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 5);
  histogram.enable();
  const t = performance.now();
  const value = await fn();
  const ms = performance.now() - t;
  // Let the timers fire once more: a stall is only recorded when the loop comes back.
  await new Promise((resolve) => setTimeout(resolve, 30));
  histogram.disable();
  clearInterval(ticker);
  return {
    ms: Math.round(ms),
    maxDelayMs: Math.round(histogram.max / 1e6),
    p99DelayMs: Math.round(histogram.percentile(99) / 1e6),
    worstTickGapMs: Math.round(worst),
    value,
  };
}

/** Run the bench; returns { inline, worker } with open time, max event-loop delay, first page time. */
export async function run() {
  const { worker, lib } = await bundles();
  // Plain JSON lines: the 200 MB raw snappy block is mis-sniffed as a Hadoop stream by
  // snappySniff (its 4-byte varint + first literal read as two plausible BE lengths), reported.
  const bytes = new Uint8Array(readFileSync(join(inputs, 'logs-200MB.txt')));
  const name = 'logs/2023/11/15/13_1700000000000000000_1';
  const rawDecoder = lib.engineRawDecoder();
  const inline = await stalls(async () => {
    const opened = await lib.tableOpen(lib.byteSourceFromBytes(bytes, name), { maxDecodeBytes: 1 << 30, rawDecoder });
    return { rows: opened.reader.numRows, first: (await opened.reader.readRows(0, 100)).length };
  });
  const inWorker = await stalls(async () => {
    const opened = await lib.tableWorkerOpen(worker, { request: { bytes, name, maxDecodeBytes: 1 << 30 } });
    const t = performance.now();
    const first = (await opened.reader.readRows(0, 100)).length;
    const pageMs = +(performance.now() - t).toFixed(1);
    opened.close();
    return { rows: opened.reader.numRows, first, pageMs };
  });
  // The same sampling with nothing running: on a shared, loaded machine the loop stalls anyway.
  const idle = await stalls(() => new Promise((resolve) => setTimeout(resolve, 3000)));
  const result = { inputBytes: bytes.length, inline, worker: inWorker, idle };
  console.log(`event loop while opening a 200 MB JSON-lines object: ${JSON.stringify(result)}`);
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
