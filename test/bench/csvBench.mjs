// CSV export bench: csvExport (batched, formula guard on) MB/s vs one bare papaparse.unparse
// of the same rows. core/ is bundled with esbuild. Run standalone or via run().
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Papa from 'papaparse';

const root = fileURLToPath(new URL('../..', import.meta.url));
const rowCount = 500_000;

async function coreLoad() {
  const contents = "export { csvExport } from './core/export/csvExport';";
  const out = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    logLevel: 'error',
  });
  const file = join(tmpdir(), `shiplens-csvBench-${process.pid}.mjs`);
  writeFileSync(file, out.outputFiles[0].text);
  return import(pathToFileURL(file).href);
}

/** 8 columns like a shipped log: int64 time, strings (some needing quotes), numbers, null. */
function rowsMake() {
  const rows = new Array(rowCount);
  for (let i = 0; i < rowCount; i++) {
    rows[i] = [
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
  return rows;
}

function readerOf(rows) {
  const columns = ['__time__', '__topic__', '__source__', 'status', 'seq', 'ua', 'request', 'agent'].map((name) => ({
    name,
    type: 'string',
  }));
  return {
    columns,
    numRows: rows.length,
    async readRows(o, l) {
      return rows.slice(o, o + l);
    },
    async *rowBatches() {
      for (let i = 0; i < rows.length; i += 10_000) yield rows.slice(i, i + 10_000);
    },
  };
}

async function timed(fn) {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

/** Run the bench once; returns the numbers and prints them. */
export async function run() {
  const { csvExport } = await coreLoad();
  const rows = rowsMake();
  const ours = [];
  let bytes = 0;
  for (let i = 0; i < 3; i++) {
    const r = await timed(() => csvExport(readerOf(rows), () => {}, {}));
    ours.push(r.ms);
    bytes = r.value.bytes;
  }
  const bare = [];
  let bareLength = 0;
  for (let i = 0; i < 3; i++) {
    const r = await timed(() => Papa.unparse(rows, { newline: '\r\n' }));
    bare.push(r.ms);
    bareLength = r.value.length;
  }
  const best = (xs) => Math.min(...xs);
  const result = {
    rows: rowCount,
    bytes,
    exportMs: best(ours),
    exportMBps: +(bytes / 1e6 / (best(ours) / 1000)).toFixed(1),
    bareUnparseMs: best(bare),
    bareMBps: +(bareLength / 1e6 / (best(bare) / 1000)).toFixed(1),
  };
  result.ratio = +(result.exportMBps / result.bareMBps).toFixed(2);
  console.log(`csv bench: ${rowCount} rows × 8 columns, ${(bytes / 1e6).toFixed(1)} MB of CSV`);
  console.log(
    `  csvExport (batched, guard on) ${result.exportMs.toFixed(0)} ms = ${result.exportMBps} MB/s; bare Papa.unparse ${result.bareUnparseMs.toFixed(0)} ms = ${result.bareMBps} MB/s; ratio ${result.ratio}×`,
  );
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
