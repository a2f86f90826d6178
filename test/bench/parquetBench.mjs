// Parquet bench: schema (time, bytes, reads), first 100 rows, all rows vs plain hyparquet.
//
// Input: a 1 M-row, 8-column SNAPPY Parquet written by DuckDB into test/bench/inputs/
// (git-ignored, generated once). core/ is bundled with esbuild so the bench runs the same
// TypeScript the app ships. Run standalone (`node test/bench/parquetBench.mjs`) or via run().
import { build } from 'esbuild';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const inputs = join(root, 'test', 'bench', 'inputs');
const benchFile = join(inputs, '20_1484913043351525351_2850099.snappy.parquet');

async function coreLoad() {
  const contents = "export { parquetSchemaRead, parquetTable } from './core/formats/parquet';";
  const out = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    logLevel: 'error',
  });
  const file = join(tmpdir(), `shiplens-parquetBench-${process.pid}.mjs`);
  writeFileSync(file, out.outputFiles[0].text);
  return import(pathToFileURL(file).href);
}

async function inputEnsure() {
  if (existsSync(benchFile)) return;
  mkdirSync(inputs, { recursive: true });
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  await conn.run(`COPY (SELECT
      (1484913043 + i // 1000)::INTEGER AS __time__,
      CASE WHEN i % 3 = 0 THEN '' ELSE 'nginx' END AS __topic__,
      '10.0.' || (i % 256)::VARCHAR || '.' || (i % 97)::VARCHAR AS __source__,
      (200 + i % 5)::BIGINT * 1000000000000 AS status,
      CASE WHEN i % 10 = 0 THEN NULL ELSE i * 0.5 END::DOUBLE AS seq,
      i % 2 = 0 AS ua,
      'GET /api/v1/items/' || i::VARCHAR || '?q=' || md5(i::VARCHAR) AS msg,
      (i % 1000)::FLOAT / 7 AS ratio
    FROM range(1000000) r(i)) TO '${benchFile}' (FORMAT PARQUET, COMPRESSION SNAPPY)`);
}

/** A file ByteSource (positional reads) that counts reads and bytes. */
async function fileSource(path) {
  const handle = await open(path, 'r');
  const { size } = await stat(path);
  const source = {
    size,
    name: path,
    reads: 0,
    bytes: 0,
    async read(offset, length) {
      source.reads++;
      source.bytes += length;
      const buffer = new Uint8Array(length);
      // read() may return fewer bytes than asked: loop, or a short page decodes as garbage.
      for (let done = 0; done < length;) {
        const { bytesRead } = await handle.read(buffer, done, length - done, offset + done);
        if (bytesRead === 0) throw new Error(`short read at ${offset + done} of ${path}`);
        done += bytesRead;
      }
      return buffer;
    },
    close: () => handle.close(),
  };
  return source;
}

async function timed(fn) {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function plainHyparquet(path, rowEnd) {
  const { parquetRead } = await import('hyparquet');
  const source = await fileSource(path);
  const file = { byteLength: source.size, slice: async (s, e) => (await source.read(s, (e ?? source.size) - s)).buffer };
  let rows = 0;
  await parquetRead({
    file,
    rowEnd,
    rowFormat: 'array',
    onComplete: (r) => {
      rows = r.length;
    },
  });
  await source.close();
  return rows;
}

/** Run the bench once; returns the numbers and prints them. */
export async function run() {
  await inputEnsure();
  const core = await coreLoad();
  const size = (await stat(benchFile)).size;
  const result = { file: benchFile, bytes: size };

  const schemaRuns = [];
  for (let i = 0; i < 5; i++) {
    const source = await fileSource(benchFile);
    const { ms, value } = await timed(() => core.parquetSchemaRead(source));
    schemaRuns.push({ ms, reads: source.reads, bytes: source.bytes, rows: value.numRows, groups: value.rowGroups });
    await source.close();
  }
  result.schema = {
    ms: median(schemaRuns.map((r) => r.ms)),
    reads: schemaRuns[0].reads,
    bytes: schemaRuns[0].bytes,
    rows: schemaRuns[0].rows,
    rowGroups: schemaRuns[0].groups,
  };

  // Cold = first call in this process (JIT, bundle warm-up); warm = median of 3 fresh opens.
  const firstRuns = [];
  for (let i = 0; i < 4; i++) {
    const firstSource = await fileSource(benchFile);
    const first = await timed(async () => (await core.parquetTable(firstSource)).readRows(0, 100));
    firstRuns.push({ ms: first.ms, reads: firstSource.reads, bytes: firstSource.bytes, rows: first.value.length });
    await firstSource.close();
  }
  const first = { ms: median(firstRuns.slice(1).map((r) => r.ms)) };
  result.first100 = {
    coldMs: firstRuns[0].ms,
    ms: first.ms,
    reads: firstRuns[1].reads,
    bytes: firstRuns[1].bytes,
    rows: firstRuns[1].rows,
  };
  const plainFirst = [];
  for (let i = 0; i < 3; i++) plainFirst.push((await timed(() => plainHyparquet(benchFile, 100))).ms);
  result.first100.plainHyparquetMs = median(plainFirst);

  const allSource = await fileSource(benchFile);
  const ours = await timed(async () => {
    const reader = await core.parquetTable(allSource);
    let rows = 0;
    for await (const batch of reader.rowBatches()) rows += batch.length;
    return rows;
  });
  await allSource.close();
  const plain = await timed(() => plainHyparquet(benchFile));
  result.allRows = { ms: ours.ms, rows: ours.value, rowsPerSec: Math.round(ours.value / (ours.ms / 1000)) };
  result.plainHyparquet = { ms: plain.ms, rows: plain.value };
  result.ratioVsHyparquet = +(plain.ms / ours.ms).toFixed(2);

  console.log(`parquet bench: ${(size / 1e6).toFixed(1)} MB, ${result.schema.rows} rows, ${result.schema.rowGroups} row groups`);
  console.log(`  schema      ${result.schema.ms.toFixed(2)} ms  ${result.schema.reads} reads  ${result.schema.bytes} bytes`);
  console.log(
    `  first 100   ${first.ms.toFixed(1)} ms warm (${result.first100.coldMs.toFixed(0)} ms cold)  ${result.first100.reads} reads  ${result.first100.bytes} bytes (${((result.first100.bytes / size) * 100).toFixed(1)}% of file)  plain hyparquet ${result.first100.plainHyparquetMs.toFixed(1)} ms`,
  );
  console.log(
    `  all rows    ${ours.ms.toFixed(0)} ms (${result.allRows.rowsPerSec} rows/s)  plain hyparquet ${plain.ms.toFixed(0)} ms  ratio ${result.ratioVsHyparquet}× (hyparquet time / ours)`,
  );
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
