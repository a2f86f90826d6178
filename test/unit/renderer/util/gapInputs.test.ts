import { describe, expect, it } from 'vitest';
import { gapsInputFromListing } from '../../../../core/shipping/gaps';
import { objectKeyBuild } from '../../../../core/shipping/objectKey';
import { shippingRuleDefault } from '../../../../core/shipping/rule';
import { gapInputsChunk, gapInputsSliced } from '../../../../renderer/util/gapInputs';

const rule = { ...shippingRuleDefault(), bucket: 'b', prefix: 'logs', partitionFormat: '%Y/%m/%d/%H/%M' };
const base = 1484913043351525351n;

// More than two chunks, with keys the rule refuses and keys that are not shipped at all.
const entries = Array.from({ length: gapInputsChunk * 2 + 7 }, (_, i) => {
  const ns = base + BigInt(i) * 300_000_000_000n;
  if (i % 97 === 0) return { key: `logs/readme${i}.txt` };
  if (i % 89 === 0) return { key: `other/x_${ns}_${i}.snappy`, lastModified: '2017-01-20T12:00:00.000Z' };
  return { key: objectKeyBuild(rule, ns, i), lastModified: '2017-01-20T12:00:00.000Z' };
});

describe('gapInputsSliced', () => {
  it('gives what gapsInputFromListing gives, with and without the rule', async () => {
    const withRule = await gapInputsSliced(entries, rule, () => false);
    expect(withRule).toEqual(gapsInputFromListing(entries, rule));
    const without = await gapInputsSliced(entries, undefined, () => false);
    expect(without).toEqual(gapsInputFromListing(entries));
    expect(without?.length).toBe(entries.filter((e) => !e.key.endsWith('.txt')).length);
    expect(withRule?.length).toBe(entries.filter((e) => e.key.startsWith('logs/') && !e.key.endsWith('.txt')).length);
  });

  it('memoizes per listing array and rule', async () => {
    const first = await gapInputsSliced(entries, undefined, () => false);
    expect(await gapInputsSliced(entries, undefined, () => false)).toBe(first);
    expect(await gapInputsSliced(entries.slice(), undefined, () => false)).not.toBe(first);
  });

  it('stops with null when cancelled between slices', async () => {
    let calls = 0;
    expect(await gapInputsSliced(entries.slice(), rule, () => ++calls > 1)).toBeNull();
    expect(calls).toBe(2);
  });
});
