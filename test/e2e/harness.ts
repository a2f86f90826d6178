/**
 * E2E harness: one Debian Chromium and one browser-mode server over a generated sample bucket.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { startBrowserServer } from '../../main/server/browserServer';
import { sampleBucketEnsure } from '../../main/sample/sampleBucket';

export const repoRoot = join(import.meta.dirname, '..', '..');
export const rendererDir = join(repoRoot, 'out', 'renderer');
export const resultsDir = join(repoRoot, 'test-results', 'e2e');

export interface Harness {
  browser: Browser;
  server: Awaited<ReturnType<typeof startBrowserServer>>;
  bucketDir: string;
  outDir: string;
  tempDir: string;
  page(): Promise<Page>;
  close(): Promise<void>;
}

/** Start the server (sample bucket in a temp dir) and the browser. */
export async function harnessStart(): Promise<Harness> {
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` first (npm test does it in pretest).');
  const tempDir = mkdtempSync(join(tmpdir(), 'shiplens-e2e-'));
  const bucketDir = await sampleBucketEnsure(join(tempDir, 'bucket'));
  const outDir = join(tempDir, 'out');
  mkdirSync(outDir, { recursive: true });
  mkdirSync(resultsDir, { recursive: true });
  const server = await startBrowserServer({ rendererDir, bucketDir, dataDir: join(tempDir, 'data') });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const pages: Page[] = [];
  return {
    browser,
    server,
    bucketDir,
    outDir,
    tempDir,
    async page() {
      const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
      pages.push(page);
      page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
      page.on('console', (message) => message.type() === 'error' && !message.text().includes('frame-ancestors') && console.error(`[console] ${message.text()}`));
      await page.goto(server.url);
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
      rmSync(tempDir, { recursive: true, force: true });
    },
  };
}

/** Save a screenshot artifact under test-results/e2e. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(resultsDir, `${name}.png`) });
}
