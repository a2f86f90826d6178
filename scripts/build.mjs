// Builds main-process entries with esbuild (CommonJS for Electron and the CLI) and the
// renderer with Vite. `--main` or `--renderer` builds one half only.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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

const quickBundles = ['cliQuickShipping', 'cliQuickDecode'];

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
    const runs = {
      cliQuickShipping: ['key', 'shiplens/json/2017/01/20/19/50_1484913043351525351_2850008.snappy'],
      cliQuickDecode: ['decode', input, '-o', join(temp, 'sample.json')],
    };
    for (const [name, args] of Object.entries(runs)) {
      const run = spawnSync(process.execPath, [join(root, 'bin', 'shiplens.cjs'), ...args], {
        env: { ...process.env, SHIPLENS_CODE_CACHE_FD3: '1' },
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
  // The quick CLI bundles (bin/shiplens.cjs runs them for key, path, --version and decode) carry
  // commander inside: one file to read and compile instead of resolving the package and loading
  // its six files at every start (issue 14). Other packages stay external, loaded when used.
  for (const name of quickBundles) rmSync(join(root, 'out', 'main', `${name}.cjs.v8cache`), { force: true });
  await build({
    entryPoints: quickBundles.map((name) => join(root, 'main', `${name}.ts`)),
    outdir: join(root, 'out', 'main'),
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    plugins: [packagesExternalBut(['commander'])],
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
