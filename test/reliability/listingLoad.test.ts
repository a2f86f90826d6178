// Issue 12 §2 soak: a local folder of 100,000 keys, 200 concurrent cold browse.list pages through
// the browser-mode server, app.info sampled meanwhile; peak RSS and the slowest app.info printed.
// `npm test` runs small sizes; `npm run soak` (SHIPLENS_SOAK=1) the full ones.
// Targets (issue 12): <= 400 MB peak RSS, app.info <= 200 ms (printed, not asserted: timing).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { childRun } from './childRun';
import type { ChildFigures } from './childRun';
import { listingFolder, listingKey } from './listingFixture';

const soak = Boolean(process.env.SHIPLENS_SOAK);
const sizes = soak ? { keys: 100_000, concurrency: 200 } : { keys: 4_000, concurrency: 20 };
const timeoutMs = soak ? 900_000 : 60_000;
const work = mkdtempSync(path.join(os.tmpdir(), 'shiplens-listing-load-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe(`listing load through the browser server (${soak ? 'soak' : 'short'} sizes)`, () => {
  it(
    `serves ${sizes.concurrency} concurrent pages of a ${sizes.keys}-key folder, each exact`,
    async () => {
      const bucket = listingFolder(sizes.keys);
      const figures = await childRun<ChildFigures>(
        path.join(__dirname, 'listingLoadChild.ts'),
        [bucket, String(sizes.keys), String(sizes.concurrency), work],
        { timeoutMs },
      );
      const { firstLast, ...shown } = figures.detail ?? {};
      console.log(`listing load ${JSON.stringify({ ...figures, detail: shown })}`);
      expect(figures.outcome).toBe('value');
      const per = sizes.keys / sizes.concurrency;
      // Page i starts at key i*per and holds min(1000, keys - i*per) keys.
      expect(firstLast).toEqual(
        Array.from({ length: sizes.concurrency }, (_v, i) => {
          const count = Math.min(1000, sizes.keys - i * per);
          return [listingKey(i * per), listingKey(i * per + count - 1), count];
        }),
      );
      if (soak) expect(figures.peakRssMb).toBeLessThanOrEqual(400);
    },
    timeoutMs,
  );
});
