// Writes the sample bucket (main/sample/sampleBucket.ts) into assets/sample-bucket/ or the
// folder given as the first argument. Skips when that folder is already complete.
//   node scripts/sample-bucket.mjs [dir]      (npm run sample)
import { join, resolve } from 'node:path';
import { loadTs } from './loadTs.mjs';

const root = new URL('..', import.meta.url).pathname;
const { sampleBucketEnsure, sampleMarkerRead } = await loadTs('main/sample/sampleBucket.ts');
const dir = resolve(process.argv[2] ?? join(root, 'assets', 'sample-bucket'));
const started = Date.now();
await sampleBucketEnsure(dir);
const summary = await sampleMarkerRead(dir);
console.log(`${dir}: ${summary.objects} objects, ${summary.rows} rows, ${summary.bytes} bytes (${Date.now() - started} ms)`);
