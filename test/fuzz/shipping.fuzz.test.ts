// Fuzzing the shipping parsers: object keys (with and without a rule), partition formats
// (render + parse), and Log Service JSON import (mutated sample-bucket rules).
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { objectKeyParse } from '../../core/shipping/objectKey';
import { partitionFormatParse, partitionFormatRender } from '../../core/shipping/partitionFormat';
import type { ShippingRule } from '../../core/model/rule';
import { ruleValidate } from '../../core/shipping/ruleValidate';
import { ruleFromSlsJson, ruleToSlsJson } from '../../core/shipping/slsJson';
import { sampleRuleSpecs } from '../../main/sample/sampleRules';
import { specRows } from '../unit/core/shipping/specExamples';
import { fuzzRuns, fuzzTally, fuzzTallyReport, fuzzVerdict, mutate, mutationsArb } from './fuzzHarness';
import type { FuzzTally } from './fuzzHarness';

const tallies: FuzzTally[] = [];
afterAll(() => tallies.forEach(fuzzTallyReport));
const utf8 = { encode: (s: string) => new TextEncoder().encode(s), decode: (b: Uint8Array) => new TextDecoder().decode(b) };

const hostilePieces = [
  '..',
  '/',
  '\\',
  '\0',
  '\u202e',
  '%',
  '%Y',
  '%%',
  '_',
  '.snappy',
  '.parquet',
  '.csv',
  'ds=',
  '=',
  '\u2024\u2024',
  '\uff0e\uff0e',
  'CON',
  '\ud800',
  '９９',
  '1484913043351525351',
  '_99999999999999999999999_',
  '-1',
];
const keyArb = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc
    .array(fc.oneof(fc.constantFrom(...hostilePieces), fc.stringMatching(/^[0-9]{1,20}$/), fc.string({ maxLength: 6 })), { maxLength: 14 })
    .map((p) => p.join('')),
  fc
    .tuple(fc.nat(specRows.length - 1), mutationsArb)
    .map(([i, m]) => utf8.decode(mutate(utf8.encode((specRows[i] as (typeof specRows)[number]).key), m))),
);
const formatArb = fc.oneof(
  fc.constantFrom(...specRows.map((r) => r.partitionFormat)),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(
          '%Y',
          '%m',
          '%d',
          '%H',
          '%M',
          '%s',
          '%',
          '%%',
          '%q',
          '/',
          '=',
          'ds',
          '(',
          '*',
          '+',
          '.',
          '\\',
          '$',
          '^',
          '[',
          '?',
          '|',
        ),
        fc.string({ maxLength: 4 }),
      ),
      { maxLength: 16 },
    )
    .map((p) => p.join('')),
);
const zoneArb = fc.oneof(
  fc.constantFrom('+08:00', '+0800', '-12:00', 'UTC', 'Asia/Shanghai', 'America/St_Johns', '', '+99:99', 'Not/AZone', 'Etc/GMT+14'),
  fc.string({ maxLength: 12 }),
);
const ruleArb: fc.Arbitrary<Partial<ShippingRule> | undefined> = fc.option(
  fc.record(
    {
      prefix: fc.oneof(fc.constantFrom(...specRows.map((r) => r.prefix)), fc.string({ maxLength: 10 })),
      partitionFormat: formatArb,
      timeZone: zoneArb,
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

describe('shipping parsers fuzz', () => {
  it('objectKeyParse never throws; a parsed key keeps its text and a finite task time', async () => {
    const tally = fuzzTally('object keys');
    tallies.push(tally);
    await fc.assert(
      fc.asyncProperty(keyArb, ruleArb, async (key, rule) => {
        await fuzzVerdict(tally, () => {
          const parsed = objectKeyParse(key, rule);
          if (parsed.ok) {
            expect(parsed.value.key).toBe(key);
            expect(Number.isFinite(parsed.value.taskTimeMs)).toBe(true);
          } else {
            expect(typeof parsed.reason).toBe('string');
          }
        });
      }),
      { numRuns: fuzzRuns(500) },
    );
  });

  it('partition formats: render is a string or a typed error; parse is null or fields, never a throw', async () => {
    const tally = fuzzTally('partition formats');
    tallies.push(tally);
    const epochArb = fc.oneof(fc.integer({ min: -8.64e15, max: 8.64e15 }), fc.constantFrom(Number.NaN, Infinity, -0, 1484913043351));
    await fc.assert(
      fc.asyncProperty(formatArb, epochArb, zoneArb, fc.string({ maxLength: 40 }), async (format, epoch, zone, path) => {
        await fuzzVerdict(tally, () => {
          let rendered: string | null = null;
          try {
            rendered = partitionFormatRender(format, epoch, zone);
          } finally {
            // parse must never throw, whether or not render succeeded
            partitionFormatParse(format, path);
            if (rendered !== null) {
              const back = partitionFormatParse(format, rendered);
              if (back) expect(typeof back.fields).toBe('object');
            }
          }
        });
      }),
      { numRuns: fuzzRuns(500) },
    );
  });

  it('Log Service JSON import: mutated rules end in a rule (that validates and exports) or a typed error', async () => {
    const tally = fuzzTally('Log Service JSON import');
    tallies.push(tally);
    // Seeds: the sample bucket's rules in both Log Service shapes (no generated files needed).
    const seeds = sampleRuleSpecs.flatMap((spec) => [ruleToSlsJson(spec.rule, 'ossExport'), ruleToSlsJson(spec.rule, 'shipper')]);
    expect(seeds.length).toBeGreaterThan(0);
    const structural = fc
      .tuple(fc.nat(seeds.length - 1), fc.array(fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 2 })), { maxLength: 3 }))
      .map(([i, edits]) => {
        const value = JSON.parse(seeds[i] as string) as unknown;
        for (const [at, replacement] of edits) replaceSomewhere(value, at, replacement);
        return JSON.stringify(value);
      });
    const textual = fc
      .tuple(fc.nat(seeds.length - 1), mutationsArb)
      .map(([i, m]) => utf8.decode(mutate(utf8.encode(seeds[i] as string), m)));
    await fc.assert(
      fc.asyncProperty(fc.oneof(structural, textual, fc.json()), async (text) => {
        await fuzzVerdict(tally, () => {
          const rule = ruleFromSlsJson(text);
          expect(Array.isArray(ruleValidate(rule))).toBe(true);
          ruleToSlsJson(rule, 'ossExport');
          ruleToSlsJson(rule, 'shipper');
        });
      }),
      { numRuns: fuzzRuns(500) },
    );
  });
});

/** Replace the `at`-th (modulo count) value in a JSON tree, depth first. */
function replaceSomewhere(root: unknown, at: number, replacement: unknown): void {
  const slots: [Record<string, unknown> | unknown[], string | number][] = [];
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      slots.push([node as Record<string, unknown>, Array.isArray(node) ? Number(k) : k]);
      walk(v);
    }
  };
  walk(root);
  if (slots.length === 0) return;
  const [parent, key] = slots[at % slots.length] as [Record<string | number, unknown>, string | number];
  parent[key] = replacement;
}
