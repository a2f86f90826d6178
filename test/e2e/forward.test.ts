/**
 * Forward view, browser mode: a log-time range of the sample bucket previewed as the exact
 * syslog frames and replayed into a file sink, both checked against the bucket's JSON lines
 * read here directly (no shiplens code); HEC over TLS with the CA file picked in the form.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../renderer/i18n/en';
import { HecServer } from '../servers/hecServer';
import { testCaAvailable, testCaCreate } from '../servers/testCa';
import type { Page } from 'playwright-core';
import type { Harness } from './harness';
import { harnessStart, shot } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await harnessStart();
});
afterAll(async () => {
  await h?.close();
});

/** The logs of [fromSec, toSec) in object key order then line order (the replay's order). */
function logsInWindow(dir: string, fromSec: number, toSec: number): Record<string, unknown>[] {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(dir);
  files.sort((a, b) => (relative(dir, a) < relative(dir, b) ? -1 : 1));
  return files
    .flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    )
    .filter((log) => (log.__time__ as number) >= fromSec && (log.__time__ as number) < toSec);
}

/** RFC 5424 message as the document describes it: facility user, severity info, hostname h, key=value joined by `|`. */
function rfc5424(log: Record<string, unknown>): string {
  const stamp = new Date((log.__time__ as number) * 1000).toISOString().replace('.000Z', 'Z');
  return `<14>1 ${stamp} h - - - - ${Object.entries(log)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join('|')}`;
}

/** The sample's nginx-access-json logs of the window forwardViewOpen sets (10:00–10:05 +08:00). */
function windowLogs(): Record<string, unknown>[] {
  const from = Date.parse('2026-11-24T10:00:00+08:00') / 1000;
  return logsInWindow(join(h.bucketDir, 'nginx-access-json'), from, from + 300);
}

/** A new page on the Forward view with the 10:00–10:05 window of 2026-11-24 and the sink (and HEC token) set. */
async function forwardViewOpen(sinkTo: string, token?: string): Promise<Page> {
  const page = await h.page();
  await page.getByRole('button', { name: en['nav.forward'] }).click();
  await page.getByTestId('forward-from').fill('2026-11-24T10:00');
  await page.getByTestId('forward-to').fill('2026-11-24T10:05');
  await page.getByTestId('forward-sinkTo').fill(sinkTo);
  if (token !== undefined) await page.getByTestId('forward-token').fill(token);
  return page;
}

describe('forward view', () => {
  it('previews the exact syslog frame of the first log, then replays the range into a file sink', async () => {
    const page = await h.page();
    await page.getByRole('button', { name: en['nav.forward'] }).click();
    await page.getByTestId('forward-from').fill('2026-11-24T10:00');
    await page.getByTestId('forward-to').fill('2026-11-24T10:05');
    await page.getByTestId('forward-hostname').fill('h');
    await page.getByTestId('forward-separator').fill('|');
    await page.getByTestId('forward-previewLimit').fill('1');
    const logs = windowLogs();
    expect(logs.length).toBeGreaterThan(1);
    // TCP framing: octet counting (RFC 5425), the length in bytes then a space.
    await page.getByTestId('forward-preview-run').click();
    const first = rfc5424(logs[0] as Record<string, unknown>);
    await expect.poll(() => page.getByTestId('forward-preview').textContent()).toBe(`${Buffer.byteLength(first)} ${first}`);
    await page.getByTestId('forward-sinkTo').fill('file:forwarded.log');
    await page.getByTestId('forward-outDir').fill(h.outDir);
    await page.getByTestId('forward-start').click();
    await page.getByTestId('forward-done').waitFor();
    expect(await page.getByTestId('forward-done').textContent()).toMatch(
      /^Done: every event of the range was acknowledged or dead-lettered \(\d+ objects\)\.$/,
    );
    expect(await page.getByTestId('forward-counters').textContent()).toContain(`acknowledged ${logs.length} · retried 0 · dead-lettered 0`);
    expect(readFileSync(join(h.outDir, 'forwarded.log'), 'utf8')).toBe(logs.map((log) => `${rfc5424(log)}\n`).join(''));
    await shot(page, 'forward-view');
  });

  it('sends HEC raw events gzipped with indexer acknowledgement, as the form sets them', async () => {
    const token = 'e2e-hec-token-0000-1111';
    const hec = new HecServer(token, true);
    const host = await hec.start();
    try {
      const page = await forwardViewOpen(`hec://${host}`, token);
      await page.getByTestId('forward-hecMode').selectOption('raw');
      await page.getByTestId('forward-separator').fill('|');
      await page.getByTestId('forward-gzip').check();
      await page.getByTestId('forward-ack').check();
      await page.getByTestId('forward-start').click();
      await page.getByTestId('forward-done').waitFor();
      const logs = windowLogs();
      expect(hec.batches.length).toBeGreaterThan(0);
      expect(hec.batches.every((b) => b.gzip && b.channel !== null)).toBe(true);
      expect(hec.events.map((e) => e.event)).toEqual(
        logs.map((log) =>
          Object.entries(log)
            .map(([k, v]) => `${k}=${String(v)}`)
            .join('|'),
        ),
      );
    } finally {
      await hec.stop();
    }
  });

  it.skipIf(!testCaAvailable)(
    'hecs:// — without the CA the connection test names the certificate; with the CA file picked it passes and the range arrives',
    async () => {
      const token = 'e2e-hecs-token-4444-5555';
      const pems = testCaCreate(mkdtempSync(join(h.tempDir, 'ca-')));
      const hec = new HecServer(token);
      const tls = { key: readFileSync(pems.key, 'utf8'), cert: readFileSync(pems.cert, 'utf8') };
      const host = (await hec.start(tls)).replace('127.0.0.1', 'localhost');
      try {
        const page = await forwardViewOpen(`hecs://${host}`, token);
        await page.getByTestId('forward-check').click();
        const alert = page.getByRole('alert');
        await alert.waitFor();
        expect(await alert.getAttribute('data-code')).toBe('ACCESS_DENIED');
        expect(await alert.locator('.error-message').textContent()).toMatch(
          /^The HEC server's TLS certificate was not accepted \((UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)\)\.$/,
        );
        expect(await alert.locator('.error-source').textContent()).toBe(host);
        // The app's own words (the CA picker of this view), not the CLI's --ca / --insecure.
        expect(await alert.locator('.error-hint').textContent()).toBe(
          'What to do: Choose the CA certificate that signed it in “CA certificate file (PEM)” of the Forward view, then test the connection again',
        );
        expect(hec.batches).toEqual([]);
        // The CA picker is a file input: in browser mode the PEM text is read by the page.
        await page.getByTestId('forward-ca').setInputFiles(pems.ca);
        await expect.poll(() => page.getByTestId('forward-ca-name').textContent()).toBe('ca.pem');
        await page.getByTestId('forward-check').click();
        await expect
          .poll(() => page.getByTestId('forward-check-result').textContent())
          .toBe(`hecs://${host}: reachable, token accepted, certificate verified`);
        expect(await alert.count()).toBe(0);
        await page.getByTestId('forward-start').click();
        await page.getByTestId('forward-done').waitFor();
        const logs = windowLogs();
        expect(logs.length).toBeGreaterThan(1);
        expect(await page.getByTestId('forward-counters').textContent()).toContain(
          `acknowledged ${logs.length} · retried 0 · dead-lettered 0`,
        );
        expect(hec.events.map((e) => [e.time, e.host, e.event])).toEqual(logs.map((log) => [log.__time__, log.__source__, log]));
      } finally {
        await hec.stop();
      }
    },
  );
});
