// range.* and forward.* read a call's rule the same way: the JSON text first, else the fields.
import { describe, expect, it } from 'vitest';
import { rangeRuleOfArg } from '../../../../../main/api/handlers/rangeRuleOfArg';
import { shippingRuleDefault } from '../../../../../core/shipping';

const fields = { partitionFormat: '%Y/%m/%d/%H', format: 'json', compression: 'snappy', timeZone: 'UTC', bufferIntervalSec: 600 } as const;

describe('rangeRuleOfArg', () => {
  it('takes the rule JSON text over the fields', () => {
    const ruleText = JSON.stringify({ ...shippingRuleDefault(), partitionFormat: '%Y/%m/%d', format: 'parquet', compression: 'snappy' });
    const rule = rangeRuleOfArg({ ruleText, rule: fields });
    expect([rule.partitionFormat, rule.format, rule.compression, rule.timeZone, rule.bufferIntervalSec]).toEqual([
      '%Y/%m/%d',
      'parquet',
      'none',
      '+08:00',
      300,
    ]);
  });

  it('builds the rule from the fields without a text (the zone normalised)', () => {
    expect(rangeRuleOfArg({ rule: fields })).toEqual({ ...fields, timeZone: '+00:00' });
  });

  it('refuses a call with neither, naming the partition format', () => {
    expect(() => rangeRuleOfArg({})).toThrow(expect.objectContaining({ code: 'PARTITION_FORMAT_INVALID' }));
  });
});
