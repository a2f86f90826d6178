import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { objectKeyBuild, objectKeyParse, objectSuffix } from '../../../../core/shipping/objectKey';
import { shippingRuleDefault } from '../../../../core/shipping/rule';
import type { ShippingRule } from '../../../../core/model/rule';
import { specRows, specTaskNumber, specTaskTimeMs, specTaskTimeNs } from './specExamples';

function ruleOf(row: (typeof specRows)[number]): ShippingRule {
  return {
    ...shippingRuleDefault(),
    bucket: 'test-bucket',
    prefix: row.prefix,
    partitionFormat: row.partitionFormat,
    format: row.format,
    compression: row.compression,
  };
}

describe('objectSuffix', () => {
  it.each([
    ['json', 'none', ''],
    ['json', 'snappy', '.snappy'],
    ['csv', 'none', '.csv'],
    ['csv', 'snappy', '.snappy.csv'],
    ['parquet', 'none', '.parquet'],
    ['parquet', 'snappy', '.snappy.parquet'],
  ] as const)('gives %s/%s → "%s" (SPEC §2)', (format, compression, suffix) => {
    expect(objectSuffix(format, compression)).toBe(suffix);
  });
});

describe('objectKeyBuild', () => {
  it.each(specRows)('builds the SPEC key $key', (row) => {
    expect(objectKeyBuild(ruleOf(row), specTaskTimeNs, specTaskNumber)).toBe(row.key);
  });

  it('rejects task times outside 19 digits', () => {
    expect(() => objectKeyBuild(shippingRuleDefault(), 10n ** 19n, 1)).toThrow(expect.objectContaining({ code: 'TIME_INVALID' }));
    expect(() => objectKeyBuild(shippingRuleDefault(), -1n, 1)).toThrow(expect.objectContaining({ code: 'TIME_INVALID' }));
  });

  it('writes no leading slash for an empty prefix', () => {
    expect(objectKeyBuild({ ...shippingRuleDefault(), prefix: '' }, specTaskTimeNs, 7)).toBe('2017/01/20/19/50_1484913043351525351_7');
  });
});

describe('objectKeyParse', () => {
  it.each(specRows)('parses $key without the rule', (row) => {
    const r = objectKeyParse(row.key);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      prefix: row.prefix,
      partitionPath: row.partition,
      hiveColumns: row.hiveColumns,
      taskTimeNs: specTaskTimeNs,
      taskTimeMs: specTaskTimeMs,
      taskNumber: specTaskNumber,
      format: row.format,
      compression: row.compression,
      partitionFormat: row.partitionFormat,
      timeZone: '+08:00',
      warnings: [],
    });
  });

  it.each(specRows)('parses $key with the rule', (row) => {
    const r = objectKeyParse(row.key, ruleOf(row));
    expect(r.ok && r.value).toMatchObject({ prefix: row.prefix, partitionPath: row.partition, hiveColumns: row.hiveColumns, warnings: [] });
  });

  it('infers a UTC partition when the key was written in UTC', () => {
    const r = objectKeyParse('p/2017/01/20/11/50_1484913043351525351_1');
    expect(r.ok && r.value).toMatchObject({ prefix: 'p', partitionFormat: '%Y/%m/%d/%H/%M', timeZone: '+00:00' });
  });

  it('keeps a digit-bearing prefix level out of the partition', () => {
    const r = objectKeyParse('logs/v2/2017/01/20/19/50_1484913043351525351_1.snappy.csv');
    expect(r.ok && r.value).toMatchObject({ prefix: 'logs/v2', partitionPath: '2017/01/20/19/50', format: 'csv', compression: 'snappy' });
  });

  it('reads a custom export-job suffix made of format words, with a warning', () => {
    const r = objectKeyParse('p/2017/01/20/19/50_1484913043351525351_1.json');
    expect(r.ok && r.value).toMatchObject({
      format: 'json',
      compression: 'none',
      suffix: '.json',
      prefix: 'p',
      warnings: ['the suffix ".json" is not one of SPEC §2\'s; read as json/none'],
    });
    expect(objectKeyParse('p/2017/01/20/19/50_1484913043351525351_1.parquet.snappy').ok && true).toBe(true);
  });

  it('reports a prefix mismatch with the rule', () => {
    const r = objectKeyParse(specRows[0]!.key, { ...ruleOf(specRows[0]!), prefix: 'other' });
    expect(r).toEqual({ ok: false, reason: 'the key is not under the rule\'s prefix "other/"' });
  });

  it('uses a known prefix without a partition format, and refuses keys outside it', () => {
    const key = 'logs/2017/v2/2017/01/20/19/50_1484913043351525351_1';
    expect(objectKeyParse(key).ok && objectKeyParse(key)).toMatchObject({ value: { prefix: 'logs/2017/v2' } });
    expect(objectKeyParse(key, { prefix: 'logs' })).toMatchObject({
      ok: true,
      value: { prefix: 'logs/2017/v2', partitionPath: '2017/01/20/19/50' },
    });
    expect(objectKeyParse(key, { prefix: 'other/' })).toEqual({ ok: false, reason: 'the key is not under the rule\'s prefix "other/"' });
  });

  it('reports a partition that does not match the rule', () => {
    const r = objectKeyParse(specRows[0]!.key, { ...ruleOf(specRows[0]!), partitionFormat: '%Y%m%d' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain('does not match the partition format "%Y%m%d"');
  });

  it('warns when the partition is not the task time or the suffix disagrees with the rule', () => {
    const r = objectKeyParse('test-table/2017/01/20/18/50_1484913043351525351_2850008.csv', ruleOf(specRows[0]!));
    expect(r.ok && r.value.warnings).toEqual([
      'the partition "2017/01/20/18/50" is not the task time 2017/01/20/19/50 in +08:00',
      'the suffix ".csv" says csv/none, the rule says json/none',
    ]);
  });

  it.each([
    ['', 'empty key'],
    ['a/b/', 'the key is a folder'],
    ['a/b/file.txt', 'the key does not end with `_<19-digit task time>_<task number>[suffix]` (SPEC §1)'],
    ['a/2017_148491304335152535_1', 'the key does not end with `_<19-digit task time>_<task number>[suffix]` (SPEC §1)'],
    [
      'a/2017_1484913043351525351_1.gz',
      'unknown suffix ".gz": Log Service writes none, .snappy, .csv, .snappy.csv, .parquet or .snappy.parquet (SPEC §2)',
    ],
    ['a/2017_1484913043351525351_1.', 'the key does not end with `_<19-digit task time>_<task number>[suffix]` (SPEC §1)'],
  ])('refuses %j with a reason', (key, reason) => {
    expect(objectKeyParse(key)).toEqual({ ok: false, reason });
  });

  it('never throws on odd input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (key) => {
        const r = objectKeyParse(key);
        expect(typeof r.ok).toBe('boolean');
        const r2 = objectKeyParse(key, { prefix: 'a', partitionFormat: '%Y/%q', timeZone: 'Nowhere/X' });
        expect(typeof r2.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
    expect(objectKeyParse('x_1484913043351525351_1', { partitionFormat: '%Y', timeZone: 'Nowhere/X' }).ok).toBe(false);
  });
});

const zoneArb = fc.constantFrom('+08:00', 'Z', '-05:30', 'Asia/Shanghai', 'Europe/London');
const formatArb = fc.constantFrom(
  '%Y/%m/%d/%H/%M',
  'year=%Y/mon=%m/day=%d/log_%H%M%s',
  'ds=%Y%m%d/%H',
  '%Y%m%d/',
  '%Y%m%d%H',
  'dt=%Y-%m-%d/hour=%H/%M%s',
  '%Y_%m_%d/good/bad',
);
const prefixArb = fc.constantFrom('', 'p', 'a/b', 'log_ship_oss_example', 'x-1/y');
const fmtArb = fc.constantFrom(
  ['json', 'none'],
  ['json', 'snappy'],
  ['csv', 'none'],
  ['csv', 'snappy'],
  ['parquet', 'none'],
  ['parquet', 'snappy'],
) as fc.Arbitrary<[ShippingRule['format'], ShippingRule['compression']]>;
const nsArb = fc.bigInt({ min: 1_000_000_000_000_000_000n, max: 4_000_000_000_000_000_000n });

describe('objectKeyBuild → objectKeyParse (property)', () => {
  it('recovers every field with the rule', () => {
    fc.assert(
      fc.property(
        formatArb,
        prefixArb,
        zoneArb,
        fmtArb,
        nsArb,
        fc.nat(99_999_999),
        (partitionFormat, prefix, timeZone, [format, compression], ns, n) => {
          const rule: ShippingRule = { ...shippingRuleDefault(), prefix, partitionFormat, timeZone, format, compression };
          const key = objectKeyBuild(rule, ns, n);
          const r = objectKeyParse(key, rule);
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          expect(r.value).toMatchObject({ prefix, taskTimeNs: ns, taskNumber: n, format, compression, warnings: [] });
          expect(r.value.partitionPath + '_').toBe(
            key.slice(prefix ? prefix.length + 1 : 0, key.length - r.value.suffix.length - `${ns}_${n}`.length),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('recovers time, number, format and (for +08:00 and dated levels) the prefix without the rule', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('%Y/%m/%d/%H/%M', 'year=%Y/mon=%m/day=%d/log_%H%M%s', 'ds=%Y%m%d/%H', '%Y%m%d%H'),
        fc.constantFrom('p', 'a/b', 'log_ship_oss_example'),
        fmtArb,
        nsArb,
        fc.nat(1000),
        (partitionFormat, prefix, [format, compression], ns, n) => {
          const rule: ShippingRule = { ...shippingRuleDefault(), prefix, partitionFormat, format, compression };
          const r = objectKeyParse(objectKeyBuild(rule, ns, n));
          expect(r.ok && r.value).toMatchObject({ prefix, taskTimeNs: ns, taskNumber: n, format, compression });
        },
      ),
      { numRuns: 300 },
    );
  });
});
