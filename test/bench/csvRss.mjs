// Child process of the bench: one CSV export of 1 M rows, printing { ms, bytes, maxRssMB } as
// JSON, so peak RSS is this case's alone. Modes: shiplens (csvExport over a streaming reader),
// papaparse (one bare unparse of the rows held in memory), parquet (csvExport of a Parquet file).
import { build } from 'esbuild';
import { fstatSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Papa from 'papaparse';

const root = fileURLToPath(new URL('../..', import.meta.url));
const rowCount = 1_000_000;

function rowAt(i) {
  return [
    BigInt(1484913043 + (i >> 10)),
    i % 3 ? 'nginx' : '',
    `10.0.${i & 255}.${i % 97}`,
    200 + (i % 5),
    i % 10 ? i * 0.5 : null,
    i % 2 === 0,
    i % 50 ? `GET /api/v1/items/${i}?q=x` : `say "hi", item ${i}`,
    i % 100 ? 'Mozilla/5.0' : '=HYPERLINK("x")',
  ];
}

async function core() {
  const contents = "export { csvExport } from './core/export/csvExport'; export { parquetTable } from './core/formats/parquet';";
  const out = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    logLevel: 'error',
  });
  const file = join(root, 'test', 'bench', 'inputs', `shiplens-csvRss-${process.pid}.mjs`);
  writeFileSync(file, out.outputFiles[0].text);
  return import(pathToFileURL(file).href);
}

function streamingReader() {
  const columns = ['__time__', '__topic__', '__source__', 'status', 'seq', 'ua', 'request', 'agent'].map((name) => ({
    name,
    type: 'string',
  }));
  return {
    columns,
    numRows: rowCount,
    async readRows() {
      return [];
    },
    async *rowBatches() {
      for (let i = 0; i < rowCount; i += 10_000) yield Array.from({ length: Math.min(10_000, rowCount - i) }, (_, k) => rowAt(i + k));
    },
  };
}

function fileSource(path) {
  const fd = openSync(path, 'r');
  return {
    size: fstatSync(fd).size,
    name: path,
    async read(offset, length) {
      const b = new Uint8Array(length);
      readSync(fd, b, 0, length, offset);
      return b;
    },
  };
}

/** Peak RSS of this process (VmHWM: ru_maxrss would include the parent's RSS before exec). */
function peakRssMB() {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : Math.round(process.resourceUsage().maxRSS / 1024);
}

const mode = process.argv[2];
let bytes = 0;
const start = performance.now();
if (mode === 'papaparse') {
  const rows = Array.from({ length: rowCount }, (_, i) => rowAt(i));
  const t = performance.now();
  bytes = Buffer.byteLength(Papa.unparse(rows, { newline: '\r\n' }));
  console.log(JSON.stringify({ ms: +(performance.now() - t).toFixed(0), bytes, maxRssMB: peakRssMB() }));
} else {
  const lib = await core();
  const reader = mode === 'parquet' ? await lib.parquetTable(fileSource(process.argv[3])) : streamingReader();
  const t = performance.now();
  const result = await lib.csvExport(
    reader,
    (chunk) => {
      bytes += chunk.length;
    },
    {},
  );
  console.log(
    JSON.stringify({
      ms: +(performance.now() - t).toFixed(0),
      rows: result.rows,
      bytes: result.bytes,
      maxRssMB: peakRssMB(),
      totalMs: +(performance.now() - start).toFixed(0),
    }),
  );
}
