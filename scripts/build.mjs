// Builds main-process entries with esbuild (CommonJS for Electron and the CLI) and the
// renderer with Vite. `--main` or `--renderer` builds one half only.
import { build } from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

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
  await build({
    entryPoints: ['cliQuickShipping', 'cliQuickDecode'].map((name) => join(root, 'main', `${name}.ts`)),
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
}

async function buildRenderer() {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
}

if (only !== '--renderer') await buildMain();
if (only !== '--main' && existsSync(join(root, 'renderer', 'index.html'))) await buildRenderer();
