// Remote Parquet bench: schema, first 100 rows and a 100-row page at row N of a Parquet object
// served by the OSS test server (test/servers/ossServer.ts) through main/storage/ossStorage.ts,
// at 0 and 30 ms added latency per request; requests and bytes come from the server's stats.
// References on a plain HTTP range server with the same latency: parquet-wasm (ParquetFile
// over HTTP, arrow-rs) and hyparquet (asyncBufferFromUrl). Run standalone or via run().
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const inputs = join(root, 'test', 'bench', 'inputs');

/** The bench's bundle of main/core (CommonJS, native snappy loads). */
export async function libLoad() {
  const contents = [
    "export { OssStorage } from './main/storage/ossStorage';",
    "export { startOssTestServer } from './test/servers/ossServer';",
    "export { parquetSchemaRead, parquetFooterRead, parquetTable } from './core/formats/parquet';",
    "export { engineRawDecoder } from './main/engine/engineDecoder';",
  ].join('\n');
  // CommonJS, as main and the CLI ship: engineRawDecoder loads `snappy` (and hysnappy) with require, which
  // an ESM bundle lacks (the first bench run measured hyparquet's JS snappy for that reason).
  const out = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    packages: 'external',
    logLevel: 'error',
  });
  // Written inside the repo so the external packages (ali-oss, snappy) resolve from node_modules.
  const file = join(inputs, 'shiplens-remoteBench.cjs');
  writeFileSync(file, out.outputFiles[0].text);
  return createRequire(import.meta.url)(file);
}

/** A plain HTTP server with Range support, a latency knob and request/byte counters. */
async function rangeServer(bytes) {
  const stats = { requests: 0, bytes: 0, latencyMs: 0 };
  const server = http.createServer((req, res) => {
    stats.requests++;
    setTimeout(() => {
      const headers = { 'accept-ranges': 'bytes', 'access-control-allow-origin': '*' };
      const suffix = /bytes=-(\d+)/.exec(req.headers.range ?? '');
      const m = suffix
        ? [null, String(Math.max(0, bytes.length - Number(suffix[1]))), '']
        : /bytes=(\d+)-(\d*)/.exec(req.headers.range ?? '');
      if (req.method === 'HEAD') {
        res.writeHead(200, { ...headers, 'content-length': bytes.length });
        res.end();
        return;
      }
      if (!m) {
        stats.bytes += bytes.length;
        res.writeHead(200, { ...headers, 'content-length': bytes.length });
        res.end(bytes);
        return;
      }
      const start = Number(m[1]);
      const end = Math.min(bytes.length - 1, m[2] ? Number(m[2]) : bytes.length - 1);
      stats.bytes += end - start + 1;
      res.writeHead(206, { ...headers, 'content-length': end - start + 1, 'content-range': `bytes ${start}-${end}/${bytes.length}` });
      res.end(bytes.subarray(start, end + 1));
    }, stats.latencyMs);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/file.parquet`,
    stats,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

async function timed(fn) {
  const start = performance.now();
  const value = await fn();
  return { ms: +(performance.now() - start).toFixed(1), value };
}

/** shiplens through OssStorage: schema, first 100, page at row N (fresh open per latency). */
async function shiplensCases(lib, server, key, rowN) {
  const storage = new lib.OssStorage({
    endpoint: server.endpoint,
    bucket: server.bucket,
    accessKeyId: server.accessKeyId,
    accessKeySecret: server.accessKeySecret,
  });
  const rawDecoder = lib.engineRawDecoder(); // as main/engine injects
  if (!rawDecoder) console.warn('remote bench: native snappy did not load; measuring the JS fallback');
  const count = () => ({ requests: server.stats.requests, bytes: server.stats.byOp.get.bytesSent + server.stats.byOp.head.bytesSent });
  const delta = (a) => {
    const b = count();
    return { requests: b.requests - a.requests, bytes: b.bytes - a.bytes };
  };
  let mark = count();
  let metadata;
  const schema = await timed(async () => {
    const source = await storage.open(key);
    metadata = await lib.parquetFooterRead(source);
    return source;
  });
  const schemaCost = delta(mark);
  mark = count();
  let reader;
  const first = await timed(async () => {
    reader = await lib.parquetTable(schema.value, { metadata, rawDecoder });
    return reader.readRows(0, 100);
  });
  const firstCost = delta(mark);
  await new Promise((resolve) => setTimeout(resolve, 100)); // let a prefetch land before counting the next case
  mark = count();
  const page = await timed(() => reader.readRows(rowN, 100));
  const pageCost = delta(mark);
  return {
    schema: { ms: schema.ms, ...schemaCost },
    first100: { ms: first.ms, rows: first.value.length, ...firstCost },
    pageAtN: { row: rowN, ms: page.ms, rows: page.value.length, ...pageCost },
  };
}

async function parquetWasmCases(plain) {
  const wasm = await import('parquet-wasm/node');
  const before = { ...plain.stats };
  const schema = await timed(() => wasm.ParquetFile.fromUrl(plain.url));
  const schemaCost = { requests: plain.stats.requests - before.requests, bytes: plain.stats.bytes - before.bytes };
  const mid = { ...plain.stats };
  const first = await timed(async () => (await schema.value.read({ limit: 100 })).numRows);
  return {
    schema: { ms: schema.ms, ...schemaCost },
    first100: { ms: first.ms, rows: first.value, requests: plain.stats.requests - mid.requests, bytes: plain.stats.bytes - mid.bytes },
  };
}

async function hyparquetCases(plain, size) {
  const { asyncBufferFromUrl, parquetMetadataAsync, parquetRead } = await import('hyparquet');
  const before = { ...plain.stats };
  const schema = await timed(async () => {
    const file = await asyncBufferFromUrl({ url: plain.url, byteLength: size });
    return { file, metadata: await parquetMetadataAsync(file, { initialFetchSize: 64 * 1024 }) };
  });
  const schemaCost = { requests: plain.stats.requests - before.requests, bytes: plain.stats.bytes - before.bytes };
  const mid = { ...plain.stats };
  const first = await timed(async () => {
    let n = 0;
    await parquetRead({
      ...schema.value,
      rowEnd: 100,
      rowFormat: 'array',
      onComplete: (rows) => {
        n = rows.length;
      },
    });
    return n;
  });
  return {
    schema: { ms: schema.ms, ...schemaCost },
    first100: { ms: first.ms, rows: first.value, requests: plain.stats.requests - mid.requests, bytes: plain.stats.bytes - mid.bytes },
  };
}

/** The first round's counts with every `ms` replaced by the median over the rounds. */
function medianTimes(rounds) {
  const pick = (path) => {
    const xs = rounds
      .map((r) => path.reduce((o, k) => o?.[k], r))
      .filter((x) => typeof x === 'number')
      .sort((a, b) => a - b);
    return xs.length ? xs[Math.floor(xs.length / 2)] : undefined;
  };
  const out = structuredClone(rounds[0]);
  for (const [who, cases] of Object.entries(out)) {
    for (const [name, value] of Object.entries(cases)) if (value && typeof value.ms === 'number') value.ms = pick([who, name, 'ms']);
  }
  return out;
}

/** Run every remote case on `file` at each latency; returns { file, bytes, latencies: {0: …, 30: …} }. */
export async function run({ file, latencies = [0, 30] } = {}) {
  const lib = await libLoad();
  const bytes = new Uint8Array(readFileSync(file));
  const server = await lib.startOssTestServer({ bucket: 'bench' });
  const key = 'logstore/2017/01/20/20_1484913043351525351_2850099.snappy.parquet';
  server.put(key, bytes);
  const plain = await rangeServer(bytes);
  const result = { file, bytes: bytes.length, latencies: {} };
  try {
    const numRows = Number((await lib.parquetFooterRead({ size: bytes.length, read: async (o, l) => bytes.subarray(o, o + l) })).num_rows);
    const rowN = Math.floor(numRows * 0.6) + 17;
    for (const latency of latencies) {
      server.faults.latencyMs = latency;
      plain.stats.latencyMs = latency;
      // Three rounds, medians of the times (one sample swings 2-3× on a loaded 2-core machine).
      const rounds = [];
      for (let round = 0; round < 3; round++) {
        rounds.push({
          shiplens: await shiplensCases(lib, server, key, rowN),
          parquetWasm: await parquetWasmCases(plain).catch((error) => ({ error: String(error) })),
          hyparquet: await hyparquetCases(plain, bytes.length),
        });
      }
      const { shiplens, parquetWasm, hyparquet } = medianTimes(rounds);
      result.latencies[latency] = { shiplens, parquetWasm, hyparquet };
      console.log(`remote ${(bytes.length / 1e6).toFixed(0)} MB at +${latency} ms: ${JSON.stringify(result.latencies[latency])}`);
    }
  } finally {
    await server.close();
    await plain.close();
  }
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  await run({ file: process.argv[2] ?? join(inputs, '20_1484913043351525351_2850099.snappy.parquet') });
