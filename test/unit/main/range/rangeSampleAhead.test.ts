// A JSON range's sample described while it is fetched (main/range/rangeSampleAhead.ts): only the
// sampled objects, one describe at a time, merged once; anything not described ahead leaves the
// columns to `attach` (undefined).
import { describe, expect, it } from 'vitest';
import type { RangeFile } from '../../../../main/range/rangeFetch';
import type { RangeSession } from '../../../../main/range/rangeQuery';
import { RangeSampleAhead } from '../../../../main/range/rangeSampleAhead';
import type { RangeColumnType } from '../../../../main/range/rangeView';

const file = (i: number, columnar = false): RangeFile =>
  ({
    object: { key: `k${i}` },
    file: `/c/${i}.ndjson`,
    fromCache: false,
    ...(columnar ? { columnar: { file: `/c/${i}.parquet`, signature: 'aaaaaaaaaaaa' } } : {}),
  }) as unknown as RangeFile;

function fakeSession(fail: Set<string> = new Set()) {
  const log: string[] = [];
  let running = 0;
  const session = {
    ownColumns: async (f: RangeFile): Promise<RangeColumnType[] | null> => {
      running++;
      log.push(`own ${f.file}${running > 1 ? ' (overlapping)' : ''}`);
      await new Promise((r) => setTimeout(r, 2));
      running--;
      return fail.has(f.file) ? null : [{ name: `c${f.file}`, type: 'BIGINT' }];
    },
    mergedColumns: async (own: RangeColumnType[][]): Promise<RangeColumnType[]> => {
      log.push(`merge ${own.length}`);
      return own.flat();
    },
  };
  return { session: Promise.resolve(session as unknown as RangeSession), log };
}

describe('RangeSampleAhead', () => {
  it('describes the first, last and evenly between objects as they are ready, one at a time, then merges once', async () => {
    const { session, log } = fakeSession();
    const ahead = new RangeSampleAhead(session, 11);
    const files = Array.from({ length: 11 }, (_, i) => file(i));
    for (const i of [10, 3, 0, 1, 2, 4, 5, 6, 7, 8, 9]) ahead.ready(i, files[i] as RangeFile);
    const columns = await ahead.columns(files);
    // rangeSampleFiles of 11: indexes 0, 2, 4, 6, 8, 10.
    expect(log).toEqual([
      'own /c/10.ndjson',
      'own /c/0.ndjson',
      'own /c/2.ndjson',
      'own /c/4.ndjson',
      'own /c/6.ndjson',
      'own /c/8.ndjson',
      'merge 6',
    ]);
    expect(columns?.map((c) => c.name)).toEqual([
      'c/c/0.ndjson',
      'c/c/2.ndjson',
      'c/c/4.ndjson',
      'c/c/6.ndjson',
      'c/c/8.ndjson',
      'c/c/10.ndjson',
    ]);
  });

  it('leaves the columns to attach when a sampled object was skipped, has a columnar form, or could not be described', async () => {
    const files = Array.from({ length: 3 }, (_, i) => file(i));
    const skipped = fakeSession();
    const a = new RangeSampleAhead(skipped.session, 3);
    a.ready(0, files[0] as RangeFile);
    a.ready(1, null);
    a.ready(2, files[2] as RangeFile);
    expect(await a.columns([files[0] as RangeFile, files[2] as RangeFile])).toEqual([
      { name: 'c/c/0.ndjson', type: 'BIGINT' },
      { name: 'c/c/2.ndjson', type: 'BIGINT' },
    ]);
    expect(await a.columns(files)).toBeUndefined();

    const cached = fakeSession();
    const b = new RangeSampleAhead(cached.session, 2);
    b.ready(0, file(0, true));
    b.ready(1, file(1));
    expect(await b.columns([file(0, true), file(1)])).toBeUndefined();
    expect(cached.log).toEqual(['own /c/1.ndjson']);

    const failing = fakeSession(new Set(['/c/1.ndjson']));
    const c = new RangeSampleAhead(failing.session, 2);
    c.ready(0, file(0));
    c.ready(1, file(1));
    expect(await c.columns([file(0), file(1)])).toBeUndefined();
    expect(failing.log).not.toContain('merge 2');
  });

  it('settles only after the describe in flight, so the session is not closed under it', async () => {
    const { session, log } = fakeSession();
    const ahead = new RangeSampleAhead(session, 2);
    ahead.ready(0, file(0));
    ahead.ready(1, file(1));
    await ahead.settled();
    log.push('closed');
    expect(log).toEqual(['own /c/0.ndjson', 'own /c/1.ndjson', 'closed']);
  });
});
