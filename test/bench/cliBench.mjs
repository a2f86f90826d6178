// CLI start-up and one-shot decode (issue 14): CPU time (user + system, read by the child itself
// at exit) of `shiplens --version | key | path` against `node -e 0`, and of `shiplens decode` of
// a 30 MB raw snappy block against python3-snappy doing the same file to file. Needs the built
// bundle (`npm run build`). Medians of interleaved runs; the input is generated once into inputs/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const inputs = join(root, 'test', 'bench', 'inputs');
// As users run it: bin/shiplens.cjs picks the quick bundle for key/path/--version, the full one otherwise.
const cli = process.env.CLI_BENCH_BUNDLE ?? join(root, 'bin', 'shiplens.cjs');
const bundle = join(root, 'out', 'main', 'cli.cjs');
const python = '/usr/bin/python3';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A preload that writes the process's own CPU time (ms) to fd 3 when it exits. */
function cpuProbe(dir) {
  const file = join(dir, 'cpuAtExit.cjs');
  writeFileSync(
    file,
    "process.on('exit', () => { const u = process.cpuUsage(); require('fs').writeSync(3, String((u.user + u.system) / 1000)); });\n",
  );
  return file;
}

/** CPU ms and wall ms of one child; `cpuOf` reads the CPU figure from the child's fd 3 output. */
function timed(command, args) {
  const start = performance.now();
  const r = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  const wallMs = performance.now() - start;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${r.stderr}`);
  return { cpuMs: Number(r.output[3]), wallMs };
}

const pythonDecode = [
  'import os, resource, snappy, sys',
  "data = snappy.uncompress(open(sys.argv[1], 'rb').read())",
  "open(sys.argv[2], 'wb').write(data)",
  'u = resource.getrusage(resource.RUSAGE_SELF)',
  'os.write(3, str((u.ru_utime + u.ru_stime) * 1000).encode())',
].join('\n');

/** ~30 MB of shipped-looking JSON lines (decoded size) compressed by python3-snappy as one raw block. */
function decodeInputEnsure() {
  const file = join(inputs, 'cli-decode-30M.raw.snappy');
  if (existsSync(file)) return file;
  mkdirSync(inputs, { recursive: true });
  const lines = [];
  for (let i = 0; lines.length < 230_000; i++)
    lines.push(
      JSON.stringify({
        __time__: 1484913043 + (i >> 4),
        __topic__: 'nginx',
        __source__: `10.0.${i % 256}.${i % 97}`,
        status: String(200 + (i % 5)),
        msg: `GET /api/v1/items/${i}?q=${(i * 2654435761) % 1000003}`,
      }),
    );
  const plain = join(inputs, 'cli-decode-30M.txt');
  writeFileSync(plain, `${lines.join('\n')}\n`);
  const r = spawnSync(python, [
    '-c',
    "import snappy, sys; open(sys.argv[2], 'wb').write(snappy.compress(open(sys.argv[1], 'rb').read()))",
    plain,
    file,
  ]);
  if (r.status !== 0) throw new Error(`python3-snappy failed: ${r.stderr}`);
  return file;
}

/** Run the cases; returns { startup: {case: {cpuMs, ratio}}, nodeCpuMs, decode: {...} } or { skipped }. */
export async function run({ runs = 9 } = {}) {
  if (!existsSync(bundle)) return { skipped: 'out/main/cli.cjs missing: run `npm run build`' };
  const temp = mkdtempSync(join(tmpdir(), 'shiplens-clibench-'));
  try {
    const probe = cpuProbe(temp);
    const node = (args) => timed(process.execPath, ['-r', probe, ...args]);
    const cases = {
      '--version': [cli, '--version'],
      key: [cli, 'key', 'shiplens/json/2017/01/20/19/50_1484913043351525351_2850008.snappy'],
      path: [cli, 'path', '--format', '%Y/%m/%d/%H/%M', '--time', '2017-01-20T19:50:43+08:00'],
    };
    const samples = { node: [], ...Object.fromEntries(Object.keys(cases).map((k) => [k, []])) };
    for (let i = 0; i < runs; i++) {
      samples.node.push(node(['-e', '0']).cpuMs);
      for (const [name, args] of Object.entries(cases)) samples[name].push(node(args).cpuMs);
    }
    const nodeCpuMs = +median(samples.node).toFixed(1);
    const startup = Object.fromEntries(
      Object.keys(cases).map((k) => [k, { cpuMs: +median(samples[k]).toFixed(1), ratio: +(median(samples[k]) / nodeCpuMs).toFixed(2) }]),
    );
    const input = decodeInputEnsure();
    const ours = [];
    const theirs = [];
    for (let i = 0; i < Math.min(runs, 5); i++) {
      ours.push(node([cli, 'decode', input, '-o', join(temp, 'ours.json'), '--force']));
      theirs.push(timed(python, ['-c', pythonDecode, input, join(temp, 'theirs.json')]));
    }
    if (!readFileSync(join(temp, 'ours.json')).equals(readFileSync(join(temp, 'theirs.json')))) throw new Error('decode outputs differ');
    const pick = (xs, k) => +median(xs.map((x) => x[k])).toFixed(1);
    const decode = {
      bytes: readFileSync(input).length,
      decodedBytes: readFileSync(join(temp, 'ours.json')).length,
      cpuMs: pick(ours, 'cpuMs'),
      wallMs: pick(ours, 'wallMs'),
      pythonCpuMs: pick(theirs, 'cpuMs'),
      pythonWallMs: pick(theirs, 'wallMs'),
    };
    return { runs, nodeCpuMs, startup, decode };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

// `node test/bench/cliBench.mjs`: this case alone, printing the ratios.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await run();
  if (r.skipped) console.log(`cli bench skipped: ${r.skipped}`);
  else {
    for (const [name, s] of Object.entries(r.startup))
      console.log(`shiplens ${name}: ${s.cpuMs} ms CPU = ${s.ratio}× node -e 0 (${r.nodeCpuMs} ms)`);
    const d = r.decode;
    console.log(
      `decode of a ${(d.bytes / 1e6).toFixed(1)} MB raw block (${(d.decodedBytes / 1e6).toFixed(1)} MB decoded): ${d.wallMs} ms wall / ${d.cpuMs} ms CPU vs python3-snappy ${d.pythonWallMs} / ${d.pythonCpuMs} ms = ${(d.wallMs / d.pythonWallMs).toFixed(2)}× wall, ${(d.cpuMs / d.pythonCpuMs).toFixed(2)}× CPU`,
    );
  }
}
