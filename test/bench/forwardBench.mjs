// Forward bench: replay throughput of the built `shiplens forward` to the file sink and to a
// loopback HEC (events/s, MB/s of raw = decompressed log text), against the document's
// ~10 MB/s per consumer, with python3 json + a plain file / socket writer as the reference
// (test/bench/forwardReference.py) measured in the same run on the same objects.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const inputs = join(root, 'test', 'bench', 'inputs', 'forward');
const objects = 20;
const perObject = 10_000;

function inputEnsure() {
  const bucket = join(inputs, 'bucket');
  if (!existsSync(join(inputs, 'expected.jsonl'))) {
    execFileSync('/usr/bin/python3', [join(root, 'test/fixtures/forward/genRange.py'), bucket, String(objects), String(perObject)]);
  }
  const files = [];
  const walk = (d) => readdirSync(d).forEach((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : files.push(join(d, n))));
  walk(bucket);
  return { bucket, files: files.sort() };
}

/** A loopback HEC that accepts everything (counts events by their newline separators). */
async function hecStart() {
  let events = 0;
  const server = http.createServer((req, res) => {
    req.on('data', (c) => {
      for (const b of c) if (b === 10) events++;
    });
    req.on('end', () => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"text":"Success","code":0}'));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    host: `127.0.0.1:${server.address().port}`,
    count: () => events,
    stop: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(r);
      }),
  };
}

/** Run under /usr/bin/time: wall seconds and CPU seconds (user + sys) of the child. */
function spawnTimed(cmd, args, env = {}) {
  const cpuFile = join(tmpdir(), `fwd-bench-cpu-${process.pid}-${Math.random().toString(36).slice(2)}`);
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', ['-o', cpuFile, '-f', '%U %S', cmd, ...args], {
      env: { PATH: process.env.PATH, HOME: tmpdir(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${cmd} exited ${code}: ${err}`));
      const cpu = readFileSync(cpuFile, 'utf8')
        .trim()
        .split('\n')
        .pop()
        .split(' ')
        .reduce((a, b) => a + Number(b), 0);
      rmSync(cpuFile, { force: true });
      resolve({ seconds: Number(process.hrtime.bigint() - t0) / 1e9, cpu, out, err });
    });
  });
}

function rates(events, rawBytes, run) {
  const mb = rawBytes / 2 ** 20;
  return {
    events,
    seconds: +run.seconds.toFixed(2),
    cpuSeconds: +run.cpu.toFixed(2),
    eventsPerSec: Math.round(events / run.seconds),
    mbPerSec: +(mb / run.seconds).toFixed(1),
    mbPerCpuSec: +(mb / run.cpu).toFixed(1),
  };
}

export async function run() {
  const { bucket, files } = inputEnsure();
  const rawBytes = Number(
    JSON.parse(
      execFileSync('/usr/bin/python3', [join(root, 'test/bench/forwardReference.py'), 'file', '/dev/null', ...files], { encoding: 'utf8' }),
    ).rawBytes,
  );
  const work = mkdtempSync(join(tmpdir(), 'fwd-bench-'));
  const cli = join(root, 'out', 'main', 'cli.cjs');
  const range = [
    bucket,
    '--from',
    '2026-11-25T10:00:00+08:00',
    '--to-time',
    '2026-11-25T11:40:00+08:00',
    '--partition-format',
    '%Y/%m/%d/%H/%M',
    '--time-zone',
    '+08:00',
  ];
  const events = objects * perObject;
  try {
    const file = await spawnTimed(process.execPath, [
      cli,
      'forward',
      '--to',
      `file:${join(work, 'out.jsonl')}`,
      ...range,
      '--checkpoint',
      join(work, 'f.json'),
    ]);
    const hec = await hecStart();
    const toHec = await spawnTimed(
      process.execPath,
      [cli, 'forward', '--to', `hec://${hec.host}`, ...range, '--hec-token-env', 'T', '--checkpoint', join(work, 'h.json')],
      { T: 'bench' },
    );
    const pyFile = await spawnTimed('/usr/bin/python3', [
      join(root, 'test/bench/forwardReference.py'),
      'file',
      join(work, 'py.jsonl'),
      ...files,
    ]);
    const pyHec = await spawnTimed('/usr/bin/python3', [join(root, 'test/bench/forwardReference.py'), 'hec', hec.host, ...files]);
    const received = hec.count();
    await hec.stop();
    if (received !== 2 * events) throw new Error(`HEC received ${received} of ${2 * events} events (shiplens + python)`);
    for (const py of [pyFile, pyHec]) if (JSON.parse(py.out).events !== events) throw new Error(`python sent ${py.out}`);
    return {
      rawBytes,
      file: rates(events, rawBytes, file),
      hec: rates(events, rawBytes, toHec),
      pythonFile: rates(events, rawBytes, pyFile),
      pythonHec: rates(events, rawBytes, pyHec),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(JSON.stringify(await run(), null, 1));
