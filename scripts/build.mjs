// Builds main-process entries with esbuild (CommonJS for Electron and the CLI) and the
// renderer with Vite. `--main` or `--renderer` builds one half only.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import snappyjs from 'snappyjs';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv[2];

/** esbuild's `packages: 'external'`, except for the packages named (bundled in). */
function packagesExternalBut(bundled) {
  return {
    name: 'packages-external-but',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, ({ path }) =>
        bundled.some((name) => path === name || path.startsWith(`${name}/`)) ? undefined : { path, external: true },
      );
    },
  };
}

const quickBundles = ['cliQuickShipping', 'cliQuickDecode', 'cliQuickQuery'];

/**
 * V8 code caches for the quick bundles (bin/shiplens.cjs compiles them with these): each taken
 * at the end of one typical run, so it also holds the functions that command compiles. A
 * decoded size over 16 MiB takes the native decoder's path, as a shipped object does. Optional:
 * when a run fails the bundle just compiles as usual.
 */
function quickCodeCachesWrite(outDir) {
  const temp = mkdtempSync(join(tmpdir(), 'shiplens-code-cache-'));
  try {
    const input = join(temp, 'sample.snappy');
    const line = '{"__time__":1484913043,"__topic__":"nginx","status":"200","msg":"GET /api/v1/items"}\n';
    writeFileSync(input, snappyjs.compress(Buffer.from(line.repeat(Math.ceil((17 << 20) / line.length)))));
    // A range of one object (its task at 10:00 +08:00), queried once to fill the cache: the
    // code cache is then taken from a warm query, the path a repeated query takes.
    const task = join(temp, 'logs', '2026', '12', '04', '10', '00');
    mkdirSync(task, { recursive: true });
    const rangeLine = line.replace('1484913043', '1796349600');
    writeFileSync(join(task, '00_1796349600000000000_1.snappy'), snappyjs.compress(Buffer.from(rangeLine.repeat(4))));
    const runs = {
      cliQuickShipping: ['key', 'shiplens/json/2017/01/20/19/50_1484913043351525351_2850008.snappy'],
      cliQuickDecode: ['decode', input, '-o', join(temp, 'sample.json')],
      cliQuickQuery: [
        'query',
        join(temp, 'logs'),
        ...['--from', '2026-12-04', '--to', '2026-12-05', '--partition-format', '%Y/%m/%d/%H/%M', '--compression', 'snappy'],
        ...['--json', '--sql', 'SELECT status, count(*) AS n FROM logs GROUP BY status ORDER BY status'],
      ],
    };
    const env = { ...process.env, SHIPLENS_DATA_DIR: join(temp, 'data'), SHIPLENS_RANGE_CONVERT: 'off' };
    spawnSync(process.execPath, [join(root, 'bin', 'shiplens.cjs'), ...runs.cliQuickQuery], { env, stdio: 'ignore' });
    for (const [name, args] of Object.entries(runs)) {
      const run = spawnSync(process.execPath, [join(root, 'bin', 'shiplens.cjs'), ...args], {
        env: { ...env, SHIPLENS_CODE_CACHE_FD3: '1' },
        stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
      });
      if (run.status === 0 && run.output[3]?.length > 0) writeFileSync(join(outDir, `${name}.cjs.v8cache`), run.output[3]);
      else console.warn(`build: no code cache for ${name} (${run.error?.message ?? run.stderr.toString().trim()})`);
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

async function buildMain() {
  const entries = ['electron', 'cli', 'start', 'rangeConvertChild']
    .map((name) => join(root, 'main', `${name}.ts`))
    .filter((file) => existsSync(file));
  const workerDir = join(root, 'main', 'workers');
  const workers = existsSync(workerDir)
    ? readdirSync(workerDir)
        .filter((f) => f.endsWith('Worker.ts'))
        .map((f) => join(workerDir, f))
    : [];
  await build({
    entryPoints: entries,
    outdir: join(root, 'out', 'main'),
    outbase: join(root, 'main'),
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  // The quick CLI bundles (bin/shiplens.cjs runs them for key, path, --version, decode and query)
  // carry commander and DuckDB's JS API inside: one file to read and compile (with its code cache)
  // instead of resolving the packages and loading their files at every start (commander's 6,
  // @duckdb/node-api's ~40: ~60 ms of a warm range query, issue 15). Other packages stay
  // external, loaded when used; DuckDB's native binding always is.
  for (const name of quickBundles) rmSync(join(root, 'out', 'main', `${name}.cjs.v8cache`), { force: true });
  await build({
    entryPoints: quickBundles.map((name) => join(root, 'main', `${name}.ts`)),
    outdir: join(root, 'out', 'main'),
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    plugins: [packagesExternalBut(['commander', '@duckdb/node-api'])],
    sourcemap: true,
    logLevel: 'warning',
  });
  // Workers load from app.asar.unpacked in a packaged app, where only native modules are
  // unpacked: bundle every pure-JS dependency into them; keep the optional native snappy external.
  if (workers.length > 0) {
    await build({
      entryPoints: workers,
      outdir: join(root, 'out', 'main', 'workers'),
      outExtension: { '.js': '.cjs' },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['snappy'],
      sourcemap: true,
      logLevel: 'warning',
    });
  }
  // The sandboxed preload can require only 'electron': bundle everything else (zod, contract).
  const preload = join(root, 'main', 'preload.ts');
  if (existsSync(preload)) {
    await build({
      entryPoints: [preload],
      outfile: join(root, 'out', 'main', 'preload.cjs'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['electron'],
      sourcemap: true,
      logLevel: 'warning',
    });
  }
  quickCodeCachesWrite(join(root, 'out', 'main'));
}

async function buildRenderer() {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
}

if (only !== '--renderer') await buildMain();
if (only !== '--main' && existsSync(join(root, 'renderer', 'index.html'))) await buildRenderer();
