// Load one of the project's TypeScript modules from a script: bundled by esbuild into out/,
// packages left external, then required.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

/** The exports of `relativePath` (e.g. `main/sample/sampleBucket.ts`). */
export async function loadTs(relativePath) {
  const outfile = join(root, 'out', 'scripts', `${basename(relativePath, '.ts')}.cjs`);
  await build({
    entryPoints: [join(root, relativePath)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return createRequire(import.meta.url)(outfile);
}
