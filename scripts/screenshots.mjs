// Writes the README's screenshots of the grid and the browsing (docs/screenshots/*.png) from the
// running UI: browser mode over a fresh sample bucket, driven by Debian's Chromium
// (playwright-core). Needs `npm run build` first (out/renderer).
//   node scripts/screenshots.mjs [dir]
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { loadTs } from './loadTs.mjs';

const root = new URL('..', import.meta.url).pathname;
const dir = resolve(process.argv[2] ?? join(root, 'docs', 'screenshots'));
/** A README image at most this big (PNG bytes). */
const maxBytes = 150 * 1024;

const { sampleBucketEnsure } = await loadTs('main/sample/sampleBucket.ts');
const { startBrowserServer } = await loadTs('main/server/browserServer.ts');

const temp = mkdtempSync(join(tmpdir(), 'shiplens-shots-'));
const bucketDir = await sampleBucketEnsure(join(temp, 'bucket'));
const server = await startBrowserServer({
  rendererDir: join(root, 'out', 'renderer'),
  bucketDir,
  dataDir: join(temp, 'data'),
  workerPath: null,
});
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const origin = new URL(server.url).origin;

/** A page at 1280×640 CSS pixels drawn at 0.8 scale (1024×512 PNG), on `hash`. */
async function pageAt(hash) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 640 }, deviceScaleFactor: 0.8 });
  await page.goto(server.url);
  await page.locator('[data-testid="listing-status"][data-state="done"]').first().waitFor();
  if (hash) {
    await page.goto(`${origin}/${hash}`);
  }
  return page;
}

async function save(page, name) {
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path });
  const bytes = statSync(path).size;
  console.log(`${path}: ${bytes} bytes`);
  if (bytes > maxBytes) throw new Error(`${name}.png is ${bytes} bytes, over ${maxBytes}: crop or scale it down`);
}

const listed = (page, prefix) => page.locator(`[data-testid="listing-status"][data-state="done"][data-prefix="${prefix}"]`).waitFor();

try {
  // The grid: one hour's JSON object sorted by latency over the whole object, filtered, row details open.
  const hour = 'nginx-access-json/2026/11/23/14/';
  const grid = await pageAt(`#/browse/${hour}`);
  await listed(grid, hour);
  await grid.locator(`.vrow[data-key^="${hour}"]`).nth(3).click();
  await grid.getByTestId('open-object').click();
  await grid.locator('[data-testid="data-table"] [role="gridcell"]').first().waitFor();
  await grid.getByTestId('grid-filter').fill('status>=400');
  const sort = grid.locator('[role="columnheader"][data-column="latency"] button.sort');
  await sort.click();
  await sort.click();
  await grid.locator('[role="columnheader"][data-column="latency"][aria-sort="descending"]').waitFor();
  await grid.locator('[data-testid="grid-view-bar"][aria-busy="false"] [data-testid="grid-count"]').waitFor();
  await grid.locator('[data-testid="data-table"] [role="gridcell"][data-column="path"]').first().click();
  await grid.getByTestId('details-toggle').click();
  await save(grid, 'grid');

  // The partition tree, a day expanded to its hours.
  const tree = await pageAt('#/browse/nginx-access-json/');
  await listed(tree, 'nginx-access-json/');
  const item = (prefix) => tree.locator(`[data-testid="partition-tree"] [role="treeitem"][data-prefix="${prefix}"]`);
  let prefix = 'nginx-access-json/';
  for (const part of ['2026/', '11/', '23/']) {
    await item(prefix).getByTestId('tree-toggle').first().click();
    prefix += part;
    await item(prefix).waitFor();
  }
  await item(prefix).getByTestId('tree-toggle').first().click();
  await item(`${prefix}23/`).waitFor();
  await item(`${prefix}08/`).getByTestId('tree-browse').first().click();
  await listed(tree, `${prefix}08/`);
  await save(tree, 'partition-tree');

  // A whole day across its hour folders, with the day's gap timeline.
  const day = 'nginx-access-json/2026/11/23/';
  const whole = await pageAt(`#/browse/${day}`);
  await listed(whole, day);
  await whole.getByTestId('browse-recursive').check();
  await whole
    .locator(`[data-testid="listing-status"][data-state="done"][data-prefix="${day}"]`)
    .filter({ hasNotText: '0 objects' })
    .waitFor();
  const timeline = whole.getByTestId('gap-timeline');
  await timeline.locator('[data-slot-status]').first().waitFor();
  await timeline.scrollIntoViewIfNeeded();
  await save(whole, 'browse-day');
} finally {
  await browser.close();
  await server.close();
  rmSync(temp, { recursive: true, force: true });
}
