// Range query bench (issue 15): a generated day (288 raw-snappy JSON objects, ≥ 2 M rows,
// python3-snappy) queried with `shiplens query` (the built CLI, cold and warm cache) against the
// hand-built pipeline (python3-snappy decode to files + DuckDB read_json). Wall times and peak
// RSS from /usr/bin/time; the LIMIT 100 latency after the first decoded object in-process.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dayDir = join(root, 'test', 'bench', 'inputs', 'range-day');
// As users run it: bin/shiplens.cjs starts `query` from its quick bundle (out/main/cliQuickQuery.cjs).
const cli = join(root, 'bin', 'shiplens.cjs');
const built = join(root, 'out', 'main', 'cli.cjs');
const groupBy = 'SELECT status, count(*) AS n, sum(bytes::BIGINT) AS s FROM logs GROUP BY status ORDER BY status';
const dayArgs = ['--from', '2026-12-04', '--to', '2026-12-05', '--partition-format', '%Y/%m/%d/%H/%M', '--compression', 'snappy'];

function dayEnsure() {
  if (existsSync(join(dayDir, 'tally.json'))) return;
  mkdirSync(dayDir, { recursive: true });
  execFileSync('/usr/bin/python3', [
    join(root, 'test', 'fixtures', 'range', 'genRangeDay.py'),
    dayDir,
    '--objects',
    '288',
    '--rows',
    '7000',
  ]);
}

/** Run a command under /usr/bin/time: stdout, wall ms and peak RSS (MB). */
function run(cmd, args, env = {}) {
  const r = spawnSync('/usr/bin/time', ['-f', '__TIME__ %e %M', cmd, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0) throw new Error(`${cmd} ${args.slice(0, 2).join(' ')} failed (${r.status}): ${r.stderr.slice(-400)}`);
  const m = /__TIME__ ([\d.]+) (\d+)/.exec(r.stderr);
  return {
    stdout: r.stdout,
    stderr: r.stderr,
    ms: m ? Math.round(Number(m[1]) * 1000) : null,
    rssMB: m ? Math.round(Number(m[2]) / 1024) : null,
  };
}

/**
 * Wait for the cold query's detached converter (main/range/rangeConvertRun.ts) to give every
 * cached JSON entry its columnar form; returns the ms waited after the cold query exited.
 */
async function conversionWait(dataDir) {
  const cache = join(dataDir, 'range-cache');
  const start = performance.now();
  for (;;) {
    const names = readdirSync(cache);
    const json = names.filter((n) => n.endsWith('.ndjson')).length;
    const columnar = names.filter((n) => /^[0-9a-f]{40}-\d+\.[0-9a-f]{12}\.parquet$/.test(n)).length;
    const locked = existsSync(join(cache, 'convert', 'lock'));
    // Packs asked for (main/range/rangeCachePacks.ts) are written after the forms, under the same lock.
    const asked = existsSync(join(cache, 'convert', 'packs')) ? readdirSync(join(cache, 'convert', 'packs')).length : 0;
    if (!locked && columnar >= json && asked === 0) return Math.round(performance.now() - start);
    if (performance.now() - start > 300_000) throw new Error(`conversion unfinished after 300 s (${columnar}/${json})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The hand-built pipeline: python3-snappy decode to files, then DuckDB read_json (child node). */
function reference() {
  const out = mkdtempSync(join(tmpdir(), 'query-ref-'));
  try {
    const decode = run('/usr/bin/python3', [join(root, 'test', 'bench', 'queryReference.py'), dayDir, out]);
    const decoded = JSON.parse(decode.stdout.trim());
    const script = `const { DuckDBInstance } = require('@duckdb/node-api'); (async () => { const c = await (await DuckDBInstance.create(':memory:', { threads: '2' })).connect(); const r = await c.runAndReadAll("SELECT status, count(*) AS n, sum(bytes::BIGINT) AS s FROM read_json('${out}/*.ndjson', format='newline_delimited') GROUP BY status ORDER BY status"); console.log(JSON.stringify(r.getRowsJson())); })();`;
    const query = run(process.execPath, ['-e', script]);
    return {
      decodeMs: decode.ms,
      decodeRssMB: decode.rssMB,
      queryMs: query.ms,
      queryRssMB: query.rssMB,
      totalMs: decode.ms + query.ms,
      bytes: decoded.bytes,
      rows: JSON.parse(query.stdout.trim()),
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function shiplens(dataDir, sql, extra = []) {
  return run(process.execPath, [cli, 'query', join(dayDir, 'logs'), ...dayArgs, '--json', '--sql', sql, ...extra], {
    SHIPLENS_DATA_DIR: dataDir,
  });
}

/** LIMIT 100 in-process on a cold cache: ms from the first decoded object to the first rows. */
async function limitLatency() {
  const file = join(root, 'test', 'bench', 'inputs', 'shiplens-queryBench.cjs');
  const contents =
    "export { rangePlan } from './main/range/rangePlan'; export { rangeRuleFromOptions, rangeSpecCreate } from './main/range/rangeSpec'; export { rangeDepsCreate } from './main/range/rangeEngine'; export { rangeQuery } from './main/range/rangeRun'; export { LocalFolderStorage } from './main/storage/localFolderStorage';";
  await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
    outfile: file,
  });
  const lib = createRequire(import.meta.url)(file);
  const dataDir = mkdtempSync(join(tmpdir(), 'query-limit-'));
  try {
    const storage = new lib.LocalFolderStorage(join(dayDir, 'logs'));
    const rule = lib.rangeRuleFromOptions({ partitionFormat: '%Y/%m/%d/%H/%M', compression: 'snappy' });
    const spec = lib.rangeSpecCreate({
      prefix: '',
      rule,
      fromMs: Date.parse('2026-12-04T00:00:00+08:00'),
      toMs: Date.parse('2026-12-05T00:00:00+08:00'),
    });
    const plan = await lib.rangePlan(storage, spec);
    let first = 0;
    let rowsAt = 0;
    const deps = lib.rangeDepsCreate({ dataDir, workerPath: null, maxDecodeBytes: 1 << 30 });
    const result = await lib.rangeQuery(
      storage,
      plan,
      deps,
      'SELECT * FROM logs LIMIT 100',
      async () => {
        rowsAt ||= performance.now();
      },
      {
        onProgress: (p) => {
          if (p.done === 1) first = performance.now();
        },
      },
    );
    if (result.rows !== 100) throw new Error(`LIMIT 100 gave ${result.rows} rows`);
    return { afterFirstMs: Math.round(rowsAt - first), objectsRead: result.fetched.reads };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Run the query bench; returns timings, RSS and the check against the tally. */
export async function run_({ rounds = 3 } = {}) {
  if (!existsSync(built)) return { skipped: 'out/main/cli.cjs missing: run `npm run build`' };
  dayEnsure();
  const tally = JSON.parse(readFileSync(join(dayDir, 'tally.json'), 'utf8'));
  const refs = [];
  const cold = [];
  const warm = [];
  const converts = [];
  let answer = null;
  for (let i = 0; i < rounds; i++) {
    refs.push(reference());
    const dataDir = mkdtempSync(join(tmpdir(), 'query-bench-'));
    try {
      const c = shiplens(dataDir, groupBy);
      cold.push(c);
      converts.push(await conversionWait(dataDir));
      warm.push(shiplens(dataDir, groupBy));
      answer = c.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const exact =
    warm.every((w, i) => w.stdout === cold[i].stdout) &&
    answer.length === Object.keys(tally.byStatus).length &&
    answer.every((r) => tally.byStatus[r.status] === r.n) &&
    answer.reduce((n, r) => n + r.s, 0) === tally.bytesSum;
  const plan2h = run(process.execPath, [
    cli,
    'query',
    join(dayDir, 'logs'),
    '--from',
    '2026-12-04 10:00',
    '--to',
    '2026-12-04 12:00',
    '--partition-format',
    '%Y/%m/%d/%H/%M',
    '--compression',
    'snappy',
    '--dry-run',
  ]);
  const result = {
    rows: tally.total,
    objects: tally.objects.length,
    exact,
    reference: {
      totalMs: median(refs.map((r) => r.totalMs)),
      decodeMs: median(refs.map((r) => r.decodeMs)),
      queryMs: median(refs.map((r) => r.queryMs)),
      decodedBytes: refs[0].bytes,
      rssMB: Math.max(...refs.map((r) => Math.max(r.decodeRssMB, r.queryRssMB))),
    },
    cold: { ms: median(cold.map((r) => r.ms)), runs: cold.map((r) => r.ms), rssMB: Math.max(...cold.map((r) => r.rssMB)) },
    warm: { ms: median(warm.map((r) => r.ms)), runs: warm.map((r) => r.ms), rssMB: Math.max(...warm.map((r) => r.rssMB)) },
    // The detached conversion to columnar entries after the cold query (ms waited for it).
    convertWaitMs: converts,
    limit: await limitLatency(),
    twoHours: { objects: plan2h.stdout.trim().split('\n').length - 1, totals: plan2h.stdout.trim().split('\n').pop() },
  };
  console.log(`range query: ${JSON.stringify(result)}`);
  return result;
}

export { run_ as run, limitLatency };
