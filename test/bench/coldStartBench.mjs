// Cold-start bench of browser mode: from `startBrowserServer` (sample bucket already generated,
// Chromium already running like the user's browser) to the first listing row visible in the
// page. Debian Chromium via playwright-core, the e2e harness's flags; needs `npm run build`
// (out/renderer). Medians of fresh server + fresh page runs; Chromium launch reported apart.
import { build } from 'esbuild';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const inputs = join(root, 'test', 'bench', 'inputs');
const rendererDir = join(root, 'out', 'renderer');
const flags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

async function libLoad() {
  const contents =
    "export { startBrowserServer } from './main/server/browserServer'; export { sampleBucketEnsure } from './main/sample/sampleBucket';";
  const file = join(inputs, 'shiplens-coldStartBench.cjs');
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
  return createRequire(import.meta.url)(file);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Run `runs` cold starts; returns { ms (median), runs, chromiumLaunchMs, phases } or { skipped }. */
export async function run({ runs = 5 } = {}) {
  if (!existsSync(join(rendererDir, 'index.html'))) return { skipped: 'out/renderer missing: run `npm run build`' };
  const lib = await libLoad();
  const { chromium } = await import('playwright-core');
  const temp = mkdtempSync(join(tmpdir(), 'shiplens-coldstart-'));
  const bucketDir = await lib.sampleBucketEnsure(join(temp, 'bucket'));
  const launchStart = performance.now();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: flags });
  const chromiumLaunchMs = Math.round(performance.now() - launchStart);
  const times = [];
  const phases = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 760 } }); // no cache from earlier runs
      const t0 = performance.now();
      const server = await lib.startBrowserServer({ rendererDir, bucketDir, dataDir: join(temp, `data-${i}`) });
      const t1 = performance.now();
      const page = await context.newPage();
      await page.goto(server.url, { waitUntil: 'commit' });
      const t2 = performance.now();
      await page.locator('.vrow[data-key]').first().waitFor({ state: 'visible' });
      const t3 = performance.now();
      times.push(t3 - t0);
      phases.push({ serverMs: Math.round(t1 - t0), navigationMs: Math.round(t2 - t1), toFirstRowMs: Math.round(t3 - t2) });
      await context.close();
      await server.close();
    }
  } finally {
    await browser.close();
    rmSync(temp, { recursive: true, force: true });
  }
  const result = {
    ms: Math.round(median(times)),
    min: Math.round(Math.min(...times)),
    max: Math.round(Math.max(...times)),
    runs,
    chromiumLaunchMs,
    phases,
  };
  console.log(`browser-mode cold start to the first listing row: ${JSON.stringify(result)}`);
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
