import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { objectKeyBuild, objectKeyParse, objectKeyParseTail } from '../../../../core/shipping/objectKey';
import { partitionFormatRender } from '../../../../core/shipping/partitionFormat';
import { shippingRuleDefault } from '../../../../core/shipping/rule';
import { timeZoneNormalize } from '../../../../core/shipping/timeZone';
import { specRows, specTaskNumber, specTaskTimeMs, specTaskTimeNs } from './specExamples';

describe('objectKeyParseTail', () => {
  it.each(specRows)('reads time, number and format of $key like objectKeyParse', (row) => {
    const full = objectKeyParse(row.key);
    if (!full.ok) throw new Error(full.reason);
    expect(objectKeyParseTail(row.key)).toEqual({
      taskTimeNs: specTaskTimeNs,
      taskTimeMs: specTaskTimeMs,
      taskNumber: specTaskNumber,
      format: full.value.format,
      compression: full.value.compression,
      suffix: full.value.suffix,
    });
  });

  it('gives null where objectKeyParse refuses', () => {
    for (const key of ['', 'a/b/', 'x_1484913043351525351_1.gz', 'plain.txt', '2017/01/20_148491304335152535_1']) {
      expect(objectKeyParse(key).ok).toBe(false);
      expect(objectKeyParseTail(key)).toBeNull();
    }
  });
});

describe('objectKeyParse inference (zone pre-check keeps results exact)', () => {
  it('reads a digit stem that is not the task time as a literal, with no zone', () => {
    const r = objectKeyParse('many/000123_1484913043351525351_123.snappy');
    expect(r.ok && r.value).toMatchObject({
      prefix: 'many',
      partitionPath: '000123',
      partitionFormat: '000123',
      timeZone: null,
      taskNumber: 123,
    });
  });

  it('recovers the zone and format of keys rendered in any half-hour offset', () => {
    const zones = ['-12:00', '-09:30', '-03:30', '+00:00', '+03:30', '+05:30', '+08:00', '+09:30', '+14:00'];
    fc.assert(
      fc.property(fc.bigInt({ min: 10n ** 18n, max: 4n * 10n ** 18n }), fc.constantFrom(...zones), (ns, zone) => {
        const rule = { ...shippingRuleDefault(), bucket: 'b', prefix: 'logs', partitionFormat: '%Y/%m/%d/%H/%M', timeZone: zone };
        const r = objectKeyParse(objectKeyBuild(rule, ns, 7));
        if (!r.ok) throw new Error(r.reason);
        // Fields can coincide (minute = second, a neighbour zone): the inference need only explain the path.
        expect(r.value.prefix).toBe('logs');
        expect(r.value.timeZone).not.toBeNull();
        expect(partitionFormatRender(r.value.partitionFormat as string, r.value.taskTimeMs, r.value.timeZone as string)).toBe(
          r.value.partitionPath,
        );
        if (r.value.partitionFormat === '%Y/%m/%d/%H/%M') expect(r.value.timeZone).toBe(timeZoneNormalize(zone));
      }),
      { numRuns: 200, seed: 8 },
    );
  });
});
