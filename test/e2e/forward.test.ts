/**
 * Forward view, browser mode: a log-time range of the sample bucket previewed as the exact
 * syslog frames and replayed into a file sink, both checked against the bucket's JSON lines
 * read here directly (no shiplens code).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../renderer/i18n/en';
import { HecServer } from '../servers/hecServer';
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

describe('forward view', () => {
  it('previews the exact syslog frame of the first log, then replays the range into a file sink', async () => {
    const page = await h.page();
    await page.getByRole('button', { name: en['nav.forward'] }).click();
    await page.getByTestId('forward-from').fill('2026-11-24T10:00');
    await page.getByTestId('forward-to').fill('2026-11-24T10:05');
    await page.getByTestId('forward-hostname').fill('h');
    await page.getByTestId('forward-separator').fill('|');
    await page.getByTestId('forward-previewLimit').fill('1');
    const logs = logsInWindow(
      join(h.bucketDir, 'nginx-access-json'),
      Date.parse('2026-11-24T10:00:00+08:00') / 1000,
      Date.parse('2026-11-24T10:05:00+08:00') / 1000,
    );
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
      const page = await h.page();
      await page.getByRole('button', { name: en['nav.forward'] }).click();
      await page.getByTestId('forward-from').fill('2026-11-24T10:00');
      await page.getByTestId('forward-to').fill('2026-11-24T10:05');
      await page.getByTestId('forward-sinkTo').fill(`hec://${host}`);
      await page.getByTestId('forward-token').fill(token);
      await page.getByTestId('forward-hecMode').selectOption('raw');
      await page.getByTestId('forward-separator').fill('|');
      await page.getByTestId('forward-gzip').check();
      await page.getByTestId('forward-ack').check();
      await page.getByTestId('forward-start').click();
      await page.getByTestId('forward-done').waitFor();
      const logs = logsInWindow(
        join(h.bucketDir, 'nginx-access-json'),
        Date.parse('2026-11-24T10:00:00+08:00') / 1000,
        Date.parse('2026-11-24T10:05:00+08:00') / 1000,
      );
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
});
