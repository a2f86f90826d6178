import { describe, expect, it } from 'vitest';
import { gapsCompute, gapsInputFromListing } from '../../../../core/shipping/gaps';
import type { GapInput } from '../../../../core/shipping/gaps';
import { objectKeyBuild } from '../../../../core/shipping/objectKey';
import { shippingRuleDefault } from '../../../../core/shipping/rule';

const I = 300_000;
const t0 = Date.UTC(2026, 10, 23, 0, 0, 43);

function task(slot: number, offsetMs = 0, lateByMs?: number): GapInput {
  const taskTimeMs = t0 + slot * I + offsetMs;
  return lateByMs === undefined
    ? { key: `k${slot}_${offsetMs}`, taskTimeMs }
    : { key: `k${slot}_${offsetMs}`, taskTimeMs, lastModifiedMs: taskTimeMs + lateByMs };
}

function statuses(objects: GapInput[], options = {}): string {
  return gapsCompute(objects, 300, options)
    .slots.map((s) => s.status[0])
    .join('');
}

describe('gapsCompute', () => {
  it('finds a missing slot among regular tasks', () => {
    const objects = [0, 1, 2, 4, 5].map((k) => task(k, 0, 5000));
    const r = gapsCompute(objects, { bufferIntervalSec: 300 });
    expect(r.slots.map((s) => s.status)).toEqual(['present', 'present', 'present', 'missing', 'present', 'present']);
    expect(r.anchorMs % I).toBe(t0 % I);
    expect(r.slots[3]).toEqual({ start: t0 + 3 * I - I / 2, end: t0 + 3 * I + I / 2, expectedMs: t0 + 3 * I, status: 'missing', keys: [] });
    expect(r.counts).toEqual({ present: 5, missing: 1, late: 0 });
    expect(r.runs.map((x) => [x.status, x.slots])).toEqual([
      ['present', 3],
      ['missing', 1],
      ['present', 2],
    ]);
  });

  it('tolerates task times up to interval/2 off', () => {
    expect(statuses([task(0), task(1, 140_000), task(2, -140_000), task(3, 20_000), task(4)])).toBe('ppppp');
  });

  it('marks a task whose objects arrived after the slot ended as late', () => {
    const r = gapsCompute([task(0, 0, 3000), task(1, 0, 47 * 60_000), task(2, 0, 3000)], 300);
    expect(r.slots.map((s) => s.status)).toEqual(['present', 'late', 'present']);
    expect(r.slots[1]?.keys).toEqual(['k1_0']);
    expect(statuses([task(0, 0, 3000), task(1, 0, 47 * 60_000), task(2, 0, 3000)], { lateGraceMs: 3_600_000 })).toBe('ppp');
  });

  it('calls an object landing minutes after its task on time: late only beyond the 30-minute grace (SPEC §5)', () => {
    // Slot end is task + 150 s; 12 minutes after the task is normal shipping, 33 minutes is not.
    expect(statuses([task(0, 0, 3000), task(1, 0, 12 * 60_000), task(2, 0, 3000)])).toBe('ppp');
    expect(statuses([task(0, 0, 3000), task(1, 0, 33 * 60_000), task(2, 0, 3000)])).toBe('plp');
    expect(statuses([task(0, 0, 3000), task(1, 0, 12 * 60_000), task(2, 0, 3000)], { lateGraceMs: 0 })).toBe('plp');
  });

  it('does not judge lateness by modified times that cannot belong to the task (a copied folder)', () => {
    // 2017 tasks with 2026 file times: nothing is late, and the timeline says how many were not judged.
    const copied = [0, 1, 2, 3].map((k) => ({
      key: `c${k}`,
      taskTimeMs: Date.UTC(2017, 0, 20, 11) + k * I,
      lastModifiedMs: Date.UTC(2026, 10, 1),
    }));
    const r = gapsCompute(copied, 300);
    expect(r.counts).toEqual({ present: 4, missing: 0, late: 0 });
    expect(r.arrivalsNotJudged).toBe(4);
    // A retry within Log Service's two days is judged (late); a write before the task is not.
    const retried = gapsCompute([task(0, 0, 3000), task(1, 0, 40 * 3_600_000), task(2, 0, -3 * 3_600_000)], 300);
    expect(retried.slots.map((s) => s.status)).toEqual(['present', 'late', 'present']);
    expect(retried.arrivalsNotJudged).toBe(1);
  });

  it('marks an empty slot followed by an extra task as late, keeping the rest present', () => {
    const r = gapsCompute([task(0), task(2, -100_000), task(2), task(3)], 300);
    expect(r.slots.map((s) => s.status)).toEqual(['present', 'late', 'present', 'present']);
    expect(r.slots[1]?.keys).toEqual(['k2_-100000']);
  });

  it('counts shards: two tasks per slot are normal, so an empty slot stays missing', () => {
    const objects = [0, 1, 3].flatMap((k) => [task(k), task(k, 2000)]);
    expect(statuses(objects)).toBe('ppmp');
    expect(statuses([...objects, task(3, -120_000)])).toBe('pplp');
  });

  it('groups the objects of one task (cut by size) in one slot', () => {
    const r = gapsCompute([task(0), { key: 'k0_b', taskTimeMs: t0 }, task(1)], 300);
    expect(r.slots[0]?.keys).toEqual(['k0_0', 'k0_b']);
  });

  it('finds the phase across the wrap-around of the interval', () => {
    const base = Date.UTC(2026, 0, 1);
    const objects = [0, 1, 2, 3].map((k) => ({ key: `w${k}`, taskTimeMs: base + k * I + (k % 2 === 0 ? -2000 : 2000) }));
    const r = gapsCompute(objects, 300);
    const phase = (((r.anchorMs - base) % I) + I) % I;
    expect(Math.min(phase, I - phase)).toBe(2000);
    expect(r.slots.map((s) => s.status)).toEqual(['present', 'present', 'present', 'present']);
  });

  it('covers an explicit range, missing at both ends', () => {
    const r = gapsCompute([task(2)], 300, { fromMs: t0, toMs: t0 + 5 * I });
    expect(r.slots.map((s) => s.status)).toEqual(['missing', 'missing', 'present', 'missing', 'missing']);
  });

  it('returns no slots for no objects and no range', () => {
    expect(gapsCompute([], 300)).toEqual({
      intervalMs: I,
      anchorMs: 0,
      slots: [],
      runs: [],
      counts: { present: 0, missing: 0, late: 0 },
      arrivalsNotJudged: 0,
    });
  });

  it('refuses too many slots and a bad interval', () => {
    expect(() => gapsCompute([], 300, { fromMs: 0, toMs: 10 * 365 * 86_400_000 })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => gapsCompute([], 0)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('gapsInputFromListing', () => {
  it('parses shipped keys with lastModified and skips the rest', () => {
    const rule = { ...shippingRuleDefault(), prefix: 'p' };
    const key = objectKeyBuild(rule, 1484913043351525351n, 1);
    expect(gapsInputFromListing([{ key, lastModified: '2017-01-20T11:50:50.000Z' }, { key: 'p/readme.txt' }, { key }], rule)).toEqual([
      { key, taskTimeMs: 1484913043351, lastModifiedMs: Date.parse('2017-01-20T11:50:50.000Z') },
      { key, taskTimeMs: 1484913043351 },
    ]);
  });
});
