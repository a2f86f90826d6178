import { describe, expect, it } from 'vitest';
import { ruleFromJsonText, ruleFromJsonValue } from '../../../../core/shipping/ruleInput';
import { ruleToSlsJson } from '../../../../core/shipping/slsJson';
import { shippingRuleDefault } from '../../../../core/shipping/rule';

describe('ruleFromJsonText', () => {
  it('reads a partial shiplens rule, filling defaults and normalising the zone', () => {
    const r = ruleFromJsonText(JSON.stringify({ name: 'a-b-c', bucket: 'bkt', timeZone: '+0530', bufferIntervalSec: 600, comment: 'x' }));
    expect(r).toEqual({
      rule: { ...shippingRuleDefault(), name: 'a-b-c', bucket: 'bkt', timeZone: '+05:30', bufferIntervalSec: 600 },
      source: 'shiplens',
      ignored: ['comment'],
    });
  });

  it('reads Log Service JSON of both kinds', () => {
    const rule = { ...shippingRuleDefault(), name: 'x-y', bucket: 'b-1', prefix: 'p', roleArn: 'acs:ram::1:role/r' };
    expect(ruleFromJsonText(ruleToSlsJson(rule, 'shipper'))).toEqual({ rule, source: 'shipper', ignored: [] });
    expect(ruleFromJsonText(ruleToSlsJson(rule, 'ossExport'))).toEqual({ rule, source: 'ossExport', ignored: [] });
    expect(ruleFromJsonText(JSON.stringify({ results: [JSON.parse(ruleToSlsJson(rule, 'shipper'))] })).source).toBe('shipper');
  });

  it.each([
    ['nope', '$: not valid JSON'],
    ['{"bufferSizeMb": "big"}', '$.bufferSizeMb: expected a number'],
    ['{"csv": []}', '$.csv: expected an object'],
    ['{"format": "xml"}', '$.format: expected json, csv, parquet'],
    ['{"compression": "gzip"}', '$.compression: expected none, snappy'],
    ['[1]', '$: expected a JSON object'],
    ['{"shipperName": "s"}', 'not a Log Service OSS shipping configuration'],
  ])('refuses %s with the JSON path', (text, message) => {
    expect(() => ruleFromJsonText(text)).toThrow(
      expect.objectContaining({ code: 'RULE_JSON_INVALID', message: expect.stringContaining(message) }),
    );
  });

  it('reads parsed JSON the same way (rules.simulate hands an object)', () => {
    expect(ruleFromJsonValue({ name: 'a-b-c', format: 'csv', timeZone: 'UTC+8' }).rule).toEqual({
      ...shippingRuleDefault(),
      name: 'a-b-c',
      format: 'csv',
      timeZone: '+08:00',
    });
    expect(() => ruleFromJsonValue({ bufferIntervalSec: '300' })).toThrow(
      expect.objectContaining({ code: 'RULE_JSON_INVALID', source: '$.bufferIntervalSec' }),
    );
  });
});
