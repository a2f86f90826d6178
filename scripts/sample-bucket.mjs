// Writes the sample bucket (main/sample/sampleBucket.ts) into assets/sample-bucket/ or the
// folder given as the first argument. Skips when that folder is already complete.
//   node scripts/sample-bucket.mjs [dir]      (npm run sample)
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const outfile = join(root, 'out', 'sample', 'sampleBucket.cjs');
await build({
  entryPoints: [join(root, 'main', 'sample', 'sampleBucket.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const { sampleBucketEnsure, sampleMarkerRead } = createRequire(import.meta.url)(outfile);
const dir = resolve(process.argv[2] ?? join(root, 'assets', 'sample-bucket'));
const started = Date.now();
await sampleBucketEnsure(dir);
const summary = await sampleMarkerRead(dir);
console.log(`${dir}: ${summary.objects} objects, ${summary.rows} rows, ${summary.bytes} bytes (${Date.now() - started} ms)`);
