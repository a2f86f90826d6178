/**
 * Decompress a partition in one go (issue 18 feature 5), in browser mode: the Decompress view's
 * folder job and Browse's "Decompress the N listed objects". Every output is byte-equal to what
 * Debian's python3-snappy (an independent decoder) makes of the shipped object; the progress is
 * seen while the job waits on its third object (a gate in the decoder, no clock); existing files
 * are replaced only after the confirmation; Cancel stops after the objects already written.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../renderer/i18n';
import { bytesFormat } from '../../renderer/util/format';
import { decodeGate } from './decodeGate';
import type { DecodeGate } from './decodeGate';
import type { Harness } from './harness';
import { harnessStart, listingDone, outputDirSet, shot } from './harness';
import { csvOutputName, outputsExpect, pythonDecoded } from './pythonSnappy';

/** The sample's CSV + snappy rule writes `ds=%Y%m%d/%H…`: the hour is in the name, one folder per day. */
const folder = 'nginx-access-csv/ds=20261123/';
/** 2026-11-23 in UTC+8: 24 hours of 5-minute tasks, none missing. */
const objectCount = 288;

let h: Harness;
let gate: DecodeGate | null = null;
/** Object name → what python3-snappy decodes it to, in the listing's (key) order. */
let expected: Map<string, Buffer>;

/** The outputs expected of the first `n` objects (all by default), by output name. */
function expectedOutputs(n = objectCount): [string, Buffer][] {
  return [...expected].slice(0, n).map(([name, bytes]) => [csvOutputName(name), bytes]);
}

/** Every file of `dir` equals python3-snappy's decode of its object (the first `n`), and there are no others. */
function outputsCheck(dir: string, n = objectCount): void {
  outputsExpect(dir, expectedOutputs(n));
}

function bytesOf(n: number): number {
  return expectedOutputs(n).reduce((sum, [, bytes]) => sum + bytes.length, 0);
}

function summaryText(decoded: number, bytes: number, skipped: number, dir: string): string {
  return translate('en', 'partition.summary', { decoded, bytes: bytesFormat(bytes), skipped, failed: 0, dir });
}

/** The Decompress view with its output folder and the partition folder filled in. */
async function decompressViewOpen(outDir: string): Promise<Page> {
  const page = await h.page();
  await listingDone(page, '');
  await page.locator('[data-view="decompress"]').click();
  await page.getByTestId('decompress-out-dir').fill(outDir);
  await page.getByTestId('partition-prefix').fill(folder);
  return page;
}

beforeAll(async () => {
  h = await harnessStart();
  expected = pythonDecoded(join(h.bucketDir, ...folder.split('/')), join(h.tempDir, 'python'));
  expect(expected.size).toBe(objectCount);
  // Browse's job writes to the settings' output folder: this run's temp folder, never ~/Downloads.
  await outputDirSet(h, join(h.tempDir, 'downloads'));
});
afterEach(() => {
  gate?.restore();
  gate = null;
});
afterAll(async () => {
  await h?.close();
});

describe('the Decompress view: a partition folder as one job', () => {
  it('shows the progress while it waits on the third object, then writes every file as python3-snappy decodes it', async () => {
    const outDir = join(h.tempDir, 'view-out');
    const page = await decompressViewOpen(outDir);
    gate = decodeGate(h.server.services, 3);
    await page.getByTestId('partition-start').click();
    await gate.reached;
    const progress = page.getByTestId('partition-progress');
    await progress.locator(`[role="progressbar"][aria-valuenow="2"][aria-valuemax="${objectCount}"]`).waitFor();
    expect(await progress.locator('.progress-text').textContent()).toBe(`${translate('en', 'partition.decoding')} 2 / ${objectCount}`);
    expect(await page.getByTestId('partition-bytes').textContent()).toBe(
      translate('en', 'partition.written', { bytes: bytesFormat(bytesOf(2)) }),
    );
    expect(await page.getByTestId('partition-start').isDisabled()).toBe(true);
    await shot(page, 'p1-partition-progress');
    gate.release();
    const summary = page.getByTestId('partition-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toBe(summaryText(objectCount, bytesOf(objectCount), 0, outDir));
    const rows = page.getByTestId('partition-result');
    expect(await rows.count()).toBe(objectCount);
    expect(await page.locator('[data-testid="partition-result"][data-status="ok"]').count()).toBe(objectCount);
    expect(await rows.first().locator('.mono').first().textContent()).toBe([...expected.keys()][0]);
    expect(await page.getByTestId('partition-overwrite').count()).toBe(0);
    outputsCheck(outDir);
  });

  it('skips the files that exist and replaces them only after "Overwrite the N existing files…" is confirmed', async () => {
    const outDir = join(h.tempDir, 'overwrite-out');
    mkdirSync(outDir, { recursive: true });
    const stale = expectedOutputs(3).map(([name]) => name);
    for (const name of stale) writeFileSync(join(outDir, name), 'stale\n');
    const page = await decompressViewOpen(outDir);
    await page.getByTestId('partition-start').click();
    const summary = page.getByTestId('partition-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toBe(summaryText(objectCount - 3, bytesOf(objectCount) - bytesOf(3), 3, outDir));
    expect(await page.locator('[data-testid="partition-result"][data-reason="exists"]').count()).toBe(3);
    for (const name of stale) expect(readFileSync(join(outDir, name), 'utf8')).toBe('stale\n');

    const overwrite = page.getByTestId('partition-overwrite');
    expect(await overwrite.textContent()).toBe(translate('en', 'partition.overwriteExisting', { n: 3 }));
    // Escape answers no: nothing is replaced.
    await overwrite.click();
    const dialog = page.getByTestId('overwrite-dialog');
    await dialog.waitFor();
    expect(await dialog.locator('h2').textContent()).toBe(translate('en', 'partition.overwriteAsk', { n: 3, dir: outDir }));
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(translate('en', 'common.cancel'));
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await summary.textContent()).toBe(summaryText(objectCount - 3, bytesOf(objectCount) - bytesOf(3), 3, outDir));
    for (const name of stale) expect(readFileSync(join(outDir, name), 'utf8')).toBe('stale\n');

    await overwrite.click();
    await page.getByTestId('confirm-overwrite').click();
    // The re-run keeps the first result on screen until its own replaces the three outcomes.
    await expect.poll(() => summary.textContent(), { timeout: 60_000 }).toBe(summaryText(objectCount, bytesOf(objectCount), 0, outDir));
    expect(await page.getByTestId('partition-overwrite').count()).toBe(0);
    expect(await page.locator('[data-testid="partition-result"][data-status="ok"]').count()).toBe(objectCount);
    outputsCheck(outDir);
  });

  it('Cancel stops the job on its third object: the two objects before it are written whole, nothing else', async () => {
    const outDir = join(h.tempDir, 'cancel-out');
    const page = await decompressViewOpen(outDir);
    gate = decodeGate(h.server.services, 3);
    await page.getByTestId('partition-start').click();
    await gate.reached;
    await page
      .getByTestId('partition-progress')
      .getByRole('button', { name: translate('en', 'common.cancel') })
      .click();
    const summary = page.getByTestId('partition-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toBe(summaryText(2, bytesOf(2), 0, outDir) + translate('en', 'partition.stopped'));
    expect(await page.locator('[data-testid="partition-result"][data-status="ok"]').count()).toBe(2);
    expect(await page.getByTestId('partition-result').count()).toBe(2);
    expect(await page.getByTestId('partition-progress').count()).toBe(0);
    outputsCheck(outDir, 2);
  });
});

describe('Browse: "Decompress the N listed objects"', () => {
  it('decodes the listed folder into the output folder, with the object list folded', async () => {
    const page = await h.page();
    await listingDone(page, '');
    await page.locator('[data-key="nginx-access-csv/"]').click();
    await listingDone(page, 'nginx-access-csv/');
    await page.locator(`[data-key="${folder}"]`).click();
    await listingDone(page, folder);
    const button = page.getByTestId('decompress-listed');
    expect(await button.textContent()).toBe(translate('en', 'partition.browseButton', { n: String(objectCount) }));
    await button.click();
    const job = page.getByTestId('folder-decompress');
    const summary = job.getByTestId('partition-summary');
    await summary.waitFor();
    const outDir = join(h.tempDir, 'downloads');
    expect(await summary.textContent()).toBe(summaryText(objectCount, bytesOf(objectCount), 0, outDir));
    expect(await job.locator('details').getAttribute('open')).toBe(null);
    await shot(page, 'p2-browse-decompress-listed');
    outputsCheck(outDir);
  });
});
