// Child process of the bench: local "first 100 rows" and schema of the 1 M-row Parquet,
// shiplens (the decoders main injects) vs parquet-wasm and DuckDB, in a fresh process (the
// parent's heap after the remote and all-rows cases slowed these short cases 3-5×).
// Prints one JSON line. Usage: node parquetLocalChild.mjs <file.parquet>
import { readFileSync } from 'node:fs';
import { libLoad } from './remoteBench.mjs';

const file = process.argv[2];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timedMedian(n, fn) {
  const ms = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return +median(ms).toFixed(1);
}

const lib = await libLoad();
const { DuckDBInstance } = await import('@duckdb/node-api');
const wasm = await import('parquet-wasm/node');
const bytes = new Uint8Array(readFileSync(file));
const source = { size: bytes.length, read: async (o, l) => bytes.subarray(o, o + l) };
const rawDecoder = lib.engineRawDecoder(); // as main/engine injects
const conn = await (await DuckDBInstance.create(':memory:')).connect();
const first100 = async () => (await lib.parquetTable(source, { rawDecoder, prefetch: false })).readRows(0, 100);
const first100Wasm = () => wasm.readParquet(bytes, { limit: 100 });
// Warm both up first (JIT, wasm memory), then interleave, so load spikes hit both alike.
await timedMedian(3, first100);
await timedMedian(3, first100Wasm);
const oursRuns = [];
const pwRuns = [];
for (let i = 0; i < 7; i++) {
  oursRuns.push(await timedMedian(1, first100));
  pwRuns.push(await timedMedian(1, first100Wasm));
}
const duck = await timedMedian(7, () => conn.runAndReadAll(`SELECT * FROM read_parquet('${file}') LIMIT 100`));
const schemaOurs = await timedMedian(7, () => lib.parquetSchemaRead(source));
const schemaDuck = await timedMedian(7, () => conn.runAndReadAll(`SELECT * FROM parquet_schema('${file}')`));
console.log(
  JSON.stringify({
    decoder: rawDecoder?.name ?? 'hyparquet JS snappy',
    ours: median(oursRuns),
    pw: median(pwRuns),
    oursRuns,
    pwRuns,
    duck,
    schemaOurs,
    schemaDuck,
  }),
);
