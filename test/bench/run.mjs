// `npm run bench`: every bench in one run, shiplens and its references side by side; prints a
// table and writes test/bench/results.json (ratios = shiplens ÷ reference, machine description).
// Inputs are generated once into test/bench/inputs/ (git-ignored). Flags: --no-large skips the
// 16 M-row Parquet (≈45 s to generate once on 2 cores), --only=snappy,parquet,remote,csv,eventloop,coldstart,listing,cli,query.
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const inputs = join(here, 'inputs');
const small = join(inputs, '20_1484913043351525351_2850099.snappy.parquet');
const large = join(inputs, 'large-16M.snappy.parquet');
const args = process.argv.slice(2);
const only =
  args
    .find((a) => a.startsWith('--only='))
    ?.slice(7)
    .split(',') ?? null;
const wants = (name) => !only || only.includes(name);
const rows = [];
const raw = {};

/** One table row: ratio = shiplens ÷ reference; `better` says which way is good. */
function row(what, shiplens, reference, referenceName, unit, target, holds) {
  const ratio = reference ? +(shiplens / reference).toFixed(2) : null;
  rows.push({ what, shiplens, reference, referenceName, unit, ratio, target, holds });
}

async function largeEnsure() {
  if (existsSync(large)) return;
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  await conn.run(`COPY (SELECT (1484913043 + i // 1000)::INTEGER AS __time__, CASE WHEN i % 3 = 0 THEN '' ELSE 'nginx' END AS __topic__,
      '10.0.' || (i % 256)::VARCHAR || '.' || (i % 97)::VARCHAR AS __source__, (200 + i % 5)::BIGINT * 1000000000000 AS status,
      CASE WHEN i % 10 = 0 THEN NULL ELSE i * 0.5 END::DOUBLE AS seq, i % 2 = 0 AS ua,
      'GET /api/v1/items/' || i::VARCHAR || '?q=' || substr(md5(i::VARCHAR), 1, 6) AS msg, (i % 1000)::FLOAT / 7 AS ratio
    FROM range(16000000) r(i)) TO '${large}' (FORMAT PARQUET, COMPRESSION SNAPPY)`);
}

/** Local first-100 and schema (child process): shiplens (the decoders main injects), parquet-wasm, DuckDB. */
async function parquetLocal() {
  const out = execFileSync(process.execPath, [join(here, 'parquetLocalChild.mjs'), small], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const { decoder, ours, pw, oursRuns, pwRuns, duck, schemaOurs, schemaDuck } = JSON.parse(out.trim().split('\n').pop());
  raw.parquetLocalDecoder = decoder;
  raw.parquetLocalRuns = { shiplens: oursRuns, parquetWasm: pwRuns };
  raw.parquetLocal = { first100: { shiplens: ours, parquetWasm: pw, duckdb: duck }, schema: { shiplens: schemaOurs, duckdb: schemaDuck } };
  row(
    `Parquet 1M first 100 rows, local (ms; min ${Math.min(...oursRuns)} vs ${Math.min(...pwRuns)})`,
    ours,
    pw,
    'parquet-wasm',
    'ms',
    '≤ 2× parquet-wasm',
    ours <= 2 * pw,
  );
  row('Parquet 1M first 100 rows, local (ms)', ours, duck, 'DuckDB', 'ms', 'info', null);
  row('Parquet 1M schema, local (ms)', schemaOurs, schemaDuck, 'DuckDB parquet_schema', 'ms', 'info', null);
}

function remoteRows(result, label) {
  for (const [latency, r] of Object.entries(result.latencies)) {
    const s = r.shiplens;
    const w = r.parquetWasm.first100 ? r.parquetWasm : null;
    row(
      `${label} schema +${latency}ms: requests / bytes`,
      s.schema.requests,
      r.hyparquet.schema.requests,
      'hyparquet',
      `req (${s.schema.bytes} B)`,
      '≤ 2 req, ≤ 128 KB',
      s.schema.requests <= 2 && s.schema.bytes <= 128 * 1024,
    );
    row(
      `${label} first 100 +${latency}ms: requests after schema`,
      s.first100.requests,
      w?.first100.requests ?? null,
      'parquet-wasm',
      'req',
      '≤ 3',
      s.first100.requests <= 3,
    );
    row(
      `${label} first 100 +${latency}ms: bytes`,
      s.first100.bytes,
      w?.first100.bytes ?? null,
      'parquet-wasm',
      'B',
      '≤ 1.2× parquet-wasm',
      w ? s.first100.bytes <= 1.2 * w.first100.bytes : null,
    );
    row(
      `${label} first 100 +${latency}ms: time`,
      s.first100.ms,
      w?.first100.ms ?? null,
      'parquet-wasm',
      'ms',
      latency === '30' ? '≤ 2× parquet-wasm' : 'info',
      latency === '30' && w ? s.first100.ms <= 2 * w.first100.ms : null,
    );
    row(`${label} first 100 +${latency}ms: time`, s.first100.ms, r.hyparquet.first100.ms, 'hyparquet', 'ms', 'info', null);
    row(
      `${label} 100 rows at row ${s.pageAtN.row} +${latency}ms: time (${s.pageAtN.requests} req, ${s.pageAtN.bytes} B)`,
      s.pageAtN.ms,
      null,
      '',
      'ms',
      latency === '30' ? '≤ 300 ms' : 'info',
      latency === '30' ? s.pageAtN.ms <= 300 : null,
    );
  }
}

function csvChild(mode, file) {
  const out = execFileSync(process.execPath, [join(here, 'csvRss.mjs'), mode, ...(file ? [file] : [])], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop());
}

async function main() {
  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    node: process.version,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.arch()}`,
    loadavg: os.loadavg().map((x) => +x.toFixed(1)),
  };
  console.log(`machine: ${JSON.stringify(machine)}`);
  if (wants('snappy')) {
    const snappy = await (await import('./snappyBench.mjs')).run();
    raw.snappy = snappy;
    const targetOf = (name) => (name.includes('shiplens native') ? 0.8 : name.includes('shiplens browser') ? 0.75 : null);
    for (const r of snappy) {
      const target = targetOf(r.name);
      row(
        r.name,
        r.mbPerSec,
        null,
        'C++ libsnappy',
        'MB/s',
        target ? `≥ ${target}× C++ (min ${r.minMbPerSec}, max ${r.maxMbPerSec})` : 'info',
        target ? r.ratio >= target : null,
      );
    }
    // snappyBench reports its ratio against C++ itself; keep it as the ratio.
    rows.slice(-snappy.length).forEach((r, i) => {
      r.ratio = snappy[i].ratio;
      r.referenceName = 'C++ libsnappy (same run)';
    });
  }
  if (wants('parquet') || wants('remote'))
    await (await import('./parquetBench.mjs')).run().then((r) => {
      raw.parquetBench = r;
    });
  if (wants('remote')) {
    const remote = await import('./remoteBench.mjs');
    raw.remote1M = await remote.run({ file: small });
    remoteRows(raw.remote1M, 'remote 1M-row 47 MB');
    if (!args.includes('--no-large')) {
      await largeEnsure();
      raw.remote16M = await remote.run({ file: large });
      remoteRows(raw.remote16M, 'remote 16M-row 343 MB');
    }
  }
  if (wants('parquet')) {
    await parquetLocal();
    const p = raw.parquetBench;
    row(
      'Parquet 1M all rows to JS (ms)',
      p.allRows.ms,
      p.plainHyparquet.ms,
      'hyparquet parquetRead',
      'ms',
      '≤ 1.0× hyparquet time',
      p.allRows.ms <= p.plainHyparquet.ms,
    );
  }
  if (wants('csv')) {
    const ours = csvChild('shiplens');
    const bare = csvChild('papaparse');
    const parquet = csvChild('parquet', small);
    raw.csv = { ours, bare, parquet };
    const mbps = (r) => +(r.bytes / 1e6 / (r.ms / 1000)).toFixed(1);
    row('CSV export 1M rows throughput (MB/s)', mbps(ours), mbps(bare), 'bare Papa.unparse', 'MB/s', '≥ 1.0×', mbps(ours) >= mbps(bare));
    row('CSV export 1M rows peak RSS (MB)', ours.maxRssMB, bare.maxRssMB, 'bare Papa.unparse', 'MB', '≤ 250 MB', ours.maxRssMB <= 250);
    row('CSV export of the 1M-row Parquet: peak RSS (MB)', parquet.maxRssMB, null, '', 'MB', '≤ 250 MB', parquet.maxRssMB <= 250);
  }
  if (wants('eventloop')) {
    const e = (raw.eventLoop = await (await import('./eventLoopBench.mjs')).run());
    row(
      `Open 200 MB JSON lines inline (before): longest event-loop stall (open ${e.inline.ms} ms)`,
      e.inline.worstTickGapMs,
      e.idle.worstTickGapMs,
      'idle loop, same machine',
      'ms',
      'info',
      null,
    );
    row(
      `Open 200 MB JSON lines in the table worker: longest stall (open ${e.worker.ms} ms, first page ${e.worker.value.pageMs} ms)`,
      e.worker.worstTickGapMs,
      e.idle.worstTickGapMs,
      'idle loop, same machine',
      'ms',
      '≤ 250 ms (no stall that grows with the object)',
      e.worker.worstTickGapMs <= 250,
    );
  }
  if (wants('coldstart')) {
    const c = (raw.coldStart = await (await import('./coldStartBench.mjs')).run());
    if (c.skipped) console.log(`cold start skipped: ${c.skipped}`);
    else {
      row(
        `Browser mode cold start → first listing row (median of ${c.runs}, ${c.min}–${c.max} ms)`,
        c.ms,
        null,
        '',
        'ms',
        '≤ 1500 ms',
        c.ms <= 1500,
      );
      row(`  … plus launching Chromium (${c.chromiumLaunchMs} ms)`, c.ms + c.chromiumLaunchMs, null, '', 'ms', 'info', null);
    }
  }
  if (wants('cli')) {
    const c = (raw.cli = await (await import('./cliBench.mjs')).run());
    if (c.skipped) console.log(`cli skipped: ${c.skipped}`);
    else {
      for (const [name, s] of Object.entries(c.startup))
        row(
          `CLI start-up: shiplens ${name} (CPU ms, median of ${c.runs})`,
          s.cpuMs,
          c.nodeCpuMs,
          'node -e 0',
          'ms',
          '≤ 1.5× node -e 0',
          s.ratio <= 1.5,
        );
      const d = c.decode;
      row(
        `CLI decode of a ${(d.bytes / 1e6).toFixed(1)} MB raw block, ${(d.decodedBytes / 1e6).toFixed(1)} MB out (wall ms; CPU ${d.cpuMs} vs ${d.pythonCpuMs})`,
        d.wallMs,
        d.pythonWallMs,
        'python3-snappy',
        'ms',
        '≤ 1.3× python3-snappy',
        d.wallMs <= 1.3 * d.pythonWallMs,
      );
    }
  }
  if (wants('listing')) {
    raw.listing = await (await import('./listingBench.mjs')).run();
    const l = raw.listing;
    row('Listing 100k keys: requests before the first page', l.firstPage.requests, null, '', 'req', '1', l.firstPage.requests === 1);
    row(
      `Listing 100k keys: all pages (${l.all.requests} req, ${l.all.ms} ms) heap held (MB)`,
      l.all.heapMB,
      null,
      '',
      'MB',
      '≤ 100 MB',
      l.all.heapMB <= 100,
    );
  }
  if (wants('forward')) {
    const f = (raw.forward = await (await import('./forwardBench.mjs')).run());
    for (const [name, ours, ref, refName] of [
      ['file sink', f.file, f.pythonFile, 'python3 json + file'],
      ['loopback HEC', f.hec, f.pythonHec, 'python3 json + socket'],
    ]) {
      row(
        `Forward replay → ${name}: MB/s of raw logs, wall (${ours.eventsPerSec} events/s; ${ref.eventsPerSec} ref)`,
        ours.mbPerSec,
        ref.mbPerSec,
        refName,
        'MB/s',
        'info (document: ~10 MB/s per consumer)',
        null,
      );
      row(
        `Forward replay → ${name}: MB/s of raw logs per CPU second`,
        ours.mbPerCpuSec,
        ref.mbPerCpuSec,
        refName,
        'MB/s',
        '≥ 10 MB/s (document, per consumer)',
        ours.mbPerCpuSec >= 10,
      );
    }
  }
  if (wants('query')) {
    const q = (raw.query = await (await import('./queryBench.mjs')).run());
    if (q.skipped) console.log(`query skipped: ${q.skipped}`);
    else {
      const ref = q.reference;
      row(
        `Range query GROUP BY over a day (${q.objects} raw-snappy objects, ${q.rows} rows; exact: ${q.exact}), cold cache (ms)`,
        q.cold.ms,
        ref.totalMs,
        'python3-snappy + DuckDB read_json',
        'ms',
        '≤ 1.0× pipeline',
        q.exact && q.cold.ms <= ref.totalMs,
      );
      row(
        'Range query GROUP BY over the day, warm cache (ms)',
        q.warm.ms,
        ref.totalMs,
        'python3-snappy + DuckDB read_json',
        'ms',
        '≤ 0.3× pipeline',
        q.exact && q.warm.ms <= 0.3 * ref.totalMs,
      );
      row(
        'Range cache conversion to Parquet after the cold query (ms, detached, low priority)',
        Math.max(...q.convertWaitMs),
        null,
        '',
        'ms',
        'info',
        null,
      );
      row(
        'Range query over the day: peak RSS (MB)',
        Math.max(q.cold.rssMB, q.warm.rssMB),
        ref.rssMB,
        'pipeline (largest step)',
        'MB',
        '≤ 600 MB',
        Math.max(q.cold.rssMB, q.warm.rssMB) <= 600,
      );
      row(
        `Range query, 2-hour window: objects read (${q.twoHours.totals})`,
        q.twoHours.objects,
        null,
        '',
        'objects',
        "the planner's (27)",
        q.twoHours.objects === 27,
      );
      row(
        'Range query LIMIT 100 after the first object is decoded (ms)',
        q.limit.afterFirstMs,
        null,
        '',
        'ms',
        '≤ 1000 ms',
        q.limit.afterFirstMs <= 1000,
      );
    }
  }
  console.log(`\n${'case'.padEnd(84)} ${'shiplens'.padStart(10)} ${'reference'.padStart(10)} ${'ratio'.padStart(6)}  reference / target`);
  for (const r of rows) {
    const mark = r.holds === true ? 'OK ' : r.holds === false ? 'MISS' : '   ';
    console.log(
      `${r.what.padEnd(84)} ${String(r.shiplens).padStart(10)} ${String(r.reference ?? '').padStart(10)} ${String(r.ratio ?? '').padStart(6)}  ${mark} ${r.referenceName} / ${r.target}`,
    );
  }
  const out = { date: new Date().toISOString(), machine, rows, raw: { ...raw, snappy: undefined } };
  writeFileSync(join(here, 'results.json'), `${JSON.stringify(out, null, 1)}\n`);
  console.log(`\nwrote test/bench/results.json`);
}

await main();
