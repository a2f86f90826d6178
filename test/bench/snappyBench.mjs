// Snappy bench: raw-block decode MB/s of shiplens' pure-JS path (snappyjs) and native path,
// against native `snappy` called directly, a C++ libsnappy reference and the Buffer.copy
// ceiling (page faults of a fresh output buffer), on ~32 MB and ~200 MB raw blocks of SLS
// JSON logs written by python3-snappy into test/bench/inputs/ (git-ignored, made once).
// shiplens' browser/worker path (hysnappy WASM through snappyDecode) is measured against C++ too.
// Every decode writes into a fresh buffer. Medians of several runs, in round-robin; ratios are
// vs C++. The machine is shared (2 cores, other jobs), so `mbPerSec` uses the process's CPU
// time (user + system, which includes page faults) and `wallMbPerSec` the wall clock.
// Min/max/per-run rates are kept because fresh output pages cost wildly different kernel time
// here (issue 7: perf shows clear_page_erms; the VM's balloon reports free pages to the host,
// which refaults them): any case, C++ included, can drop to ~350 MB/s in a run.
// SNAPPY_BENCH_RUNS=1 prints the per-run rates.
// Run standalone (`node test/bench/snappyBench.mjs`) or via run().
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { slsJsonLines } from '../fixtures/genSnappy.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const inputs = join(root, 'test', 'bench', 'inputs');
const sizes = [
  { label: '32MB', bytes: 32 * 1024 * 1024, runs: 7 },
  { label: '200MB', bytes: 200 * 1024 * 1024, runs: 10 },
];

const cppSource = `// Decode a raw snappy block into a fresh buffer, N times; print median MB/s by CPU time and wall time.
#include <snappy.h>
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>
int main(int argc, char** argv) {
  std::ifstream in(argv[1], std::ios::binary);
  std::string block((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  int runs = std::stoi(argv[2]);
  size_t n = 0;
  if (!snappy::GetUncompressedLength(block.data(), block.size(), &n)) return 2;
  std::vector<double> cpu, wall;
  for (int i = 0; i < runs; i++) {
    std::clock_t c0 = std::clock();
    auto t0 = std::chrono::steady_clock::now();
    std::unique_ptr<char[]> out(new char[n]);
    if (!snappy::RawUncompress(block.data(), block.size(), out.get())) return 3;
    auto t1 = std::chrono::steady_clock::now();
    std::clock_t c1 = std::clock();
    volatile char sink = out[n - 1]; (void)sink;
    cpu.push_back(n / 1e6 / (double(c1 - c0) / CLOCKS_PER_SEC));
    wall.push_back(n / 1e6 / std::chrono::duration<double>(t1 - t0).count());
  }
  std::sort(cpu.begin(), cpu.end());
  std::sort(wall.begin(), wall.end());
  std::printf("%.1f %.1f\\n", cpu[cpu.size() / 2], wall[wall.size() / 2]);
  return 0;
}
`;

/** Bundle core's snappy codec and main's native decoder (CommonJS, so `require` finds snappy). */
async function shiplensLoad() {
  const contents =
    "export * from './core/codecs/snappy'; export { nativeRawBlockDecoder } from './main/codecs/nativeSnappy'; export { wasmRawBlockDecoder } from './main/codecs/wasmSnappy';";
  const out = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    packages: 'external',
    logLevel: 'error',
  });
  const file = join(inputs, `shiplens-snappyBench.cjs`);
  writeFileSync(file, out.outputFiles[0].text);
  return createRequire(import.meta.url)(file);
}

/** Make the plaintexts (JSON lines) and their python3-snappy raw blocks once. */
function inputsEnsure() {
  mkdirSync(inputs, { recursive: true });
  const missing = sizes.filter((s) => !existsSync(join(inputs, `logs-${s.label}.raw.snappy`)));
  if (missing.length === 0) return;
  const all = slsJsonLines(sizes.at(-1).bytes, 42);
  for (const s of missing) {
    const cut = all.lastIndexOf(0x0a, s.bytes - 1) + 1;
    writeFileSync(join(inputs, `logs-${s.label}.txt`), all.subarray(0, cut));
  }
  const script =
    'import snappy, sys\nfor p in sys.argv[1:]:\n    open(p[:-4] + ".raw.snappy", "wb").write(snappy.compress(open(p, "rb").read()))\n';
  execFileSync('/usr/bin/python3', ['-c', script, ...missing.map((s) => join(inputs, `logs-${s.label}.txt`))], { stdio: 'inherit' });
}

function cppBuild() {
  const exe = join(inputs, 'snappyRef');
  if (existsSync(exe)) return exe;
  const src = join(tmpdir(), `snappyRef-${process.pid}.cc`);
  writeFileSync(src, cppSource);
  execFileSync('g++', ['-O2', '-std=c++17', '-o', exe, src, '-lsnappy'], { stdio: 'inherit' });
  return exe;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// A full GC before each timed call: otherwise a decode's speed depends on whether the previous
// case's output (an external buffer for native snappy) was collected yet, which made native
// snappy look bimodal (~350 vs ~2,400 MB/s) depending on the order of cases.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');

/** [CPU-time, wall-time] MB/s (decimal, of output) of one call of `decode`. */
async function measureOnce(decode, outputBytes) {
  gc();
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const out = await decode();
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const { user, system } = process.cpuUsage(c0);
  if (out.length !== outputBytes) throw new Error(`decoded ${out.length} bytes, expected ${outputBytes}`);
  return [outputBytes / 1e6 / ((user + system) / 1e6), outputBytes / 1e6 / wall];
}

async function sizeRows(lib, native, hysnappy, exe, { label, runs }) {
  const block = new Uint8Array(readFileSync(join(inputs, `logs-${label}.raw.snappy`)));
  const plain = readFileSync(join(inputs, `logs-${label}.txt`));
  const n = plain.length;
  const check = (await lib.snappyDecode(block, { variant: 'raw' })).output;
  if (!Buffer.from(check.buffer, check.byteOffset, check.length).equals(plain)) throw new Error('snappyjs path decoded wrong bytes');
  const nativeDecoder = lib.nativeRawBlockDecoder();
  const snappyjs = createRequire(import.meta.url)('snappyjs');
  const cases = [
    ['shiplens pure-JS (snappyDecode + snappyjs)', () => lib.snappyDecode(block, { variant: 'raw' }).then((r) => r.output)],
    ['snappyjs.uncompress direct (no checks)', () => snappyjs.uncompress(block)],
    [
      'shiplens native (snappyDecode + nativeRawBlockDecoder)',
      nativeDecoder && (() => lib.snappyDecode(block, { variant: 'raw', rawDecoder: nativeDecoder }).then((r) => r.output)),
    ],
    ['native snappy uncompressSync direct (external buffer)', native && (() => native.uncompressSync(block, { asBuffer: true }))],
    [
      'native snappy uncompressSync direct, copyOutputData',
      native && (() => native.uncompressSync(block, { asBuffer: true, copyOutputData: true })),
    ],
    [
      'hysnappy (WASM, for comparison)',
      hysnappy &&
        (
          (decode) => () =>
            decode(block, n)
        )(hysnappy.snappyUncompressor()),
    ],
    [
      'shiplens browser/worker (snappyDecode + hysnappyRawDecoder, WASM)',
      lib.wasmRawBlockDecoder() &&
        (() => lib.snappyDecode(block, { variant: 'raw', rawDecoder: lib.wasmRawBlockDecoder() }).then((r) => r.output)),
    ],
    [
      'Buffer.copy into a fresh buffer (ceiling)',
      () => {
        const out = Buffer.allocUnsafeSlow(n);
        plain.copy(out);
        return out;
      },
    ],
  ];
  // Round-robin: each round runs every case once, so load from other processes hits all alike.
  const active = cases.filter(([, decode]) => decode);
  const rates = active.map(() => []);
  const walls = active.map(() => []);
  const cppRates = [];
  const cppWalls = [];
  const blockFile = join(inputs, `logs-${label}.raw.snappy`);
  for (let round = 0; round < runs; round++) {
    const [cpu, wall] = execFileSync(exe, [blockFile, '1'], { encoding: 'utf8' }).trim().split(' ').map(Number);
    cppRates.push(cpu);
    cppWalls.push(wall);
    // Rotate the order each round so no case always runs first after the C++ process.
    for (let k = 0; k < active.length; k++) {
      const i = (k + round) % active.length;
      const [rate, wallRate] = await measureOnce(active[i][1], n);
      rates[i].push(rate);
      walls[i].push(wallRate);
    }
  }
  const cpp = median(cppRates);
  const rows = [
    {
      name: `snappy ${label} (${(n / block.length).toFixed(2)}:1): C++ libsnappy RawUncompress (reference)`,
      mbPerSec: Math.round(cpp),
      ratio: 1,
      wallMbPerSec: Math.round(median(cppWalls)),
      minMbPerSec: Math.round(Math.min(...cppRates)),
      maxMbPerSec: Math.round(Math.max(...cppRates)),
      runsMbPerSec: cppRates.map(Math.round),
    },
  ];
  for (const [i, [name]] of active.entries()) {
    const mbPerSec = median(rates[i]);
    rows.push({
      name: `snappy ${label}: ${name}`,
      mbPerSec: Math.round(mbPerSec),
      ratio: Math.round((mbPerSec / cpp) * 100) / 100,
      wallMbPerSec: Math.round(median(walls[i])),
      minMbPerSec: Math.round(Math.min(...rates[i])),
      maxMbPerSec: Math.round(Math.max(...rates[i])),
      runsMbPerSec: rates[i].map(Math.round),
    });
  }
  return rows;
}

/** Run the bench; rows are { name, mbPerSec (median), ratio, wallMbPerSec, minMbPerSec, maxMbPerSec, runsMbPerSec } with ratio relative to C++ libsnappy. */
export async function run() {
  inputsEnsure();
  const exe = cppBuild();
  const lib = await shiplensLoad();
  let native = null;
  try {
    native = createRequire(import.meta.url)('snappy');
  } catch {
    native = null;
  }
  const hysnappy = await import('hysnappy').catch(() => null);
  const rows = [];
  for (const size of sizes) rows.push(...(await sizeRows(lib, native, hysnappy, exe, size)));
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await run();
  console.log(
    `${'case'.padEnd(72)} ${'MB/s (CPU)'.padStart(10)} ${'vs C++'.padStart(7)} ${'MB/s (wall)'.padStart(11)} ${'min–max (CPU)'.padStart(14)}`,
  );
  for (const row of rows) {
    const spread = row.minMbPerSec === undefined ? '' : `${row.minMbPerSec}–${row.maxMbPerSec}`;
    console.log(
      `${row.name.padEnd(72)} ${String(row.mbPerSec).padStart(10)} ${`${row.ratio.toFixed(2)}×`.padStart(7)} ${String(row.wallMbPerSec ?? '').padStart(11)} ${spread.padStart(14)}`,
    );
    if (process.env.SNAPPY_BENCH_RUNS) console.log(`  per run (CPU MB/s, round order): ${row.runsMbPerSec.join(' ')}`);
  }
}
