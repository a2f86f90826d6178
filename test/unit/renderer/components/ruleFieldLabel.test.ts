import { describe, expect, it } from 'vitest';
import { ruleFieldLabelKey } from '../../../../renderer/components/ruleFieldLabel';
import { ruleValidate } from '../../../../core/shipping/ruleValidate';
import { shippingRuleDefault } from '../../../../core/shipping/rule';
import { translate } from '../../../../renderer/i18n';

describe('ruleFieldLabelKey', () => {
  it('names validated fields as the form labels them, in both languages', () => {
    expect(translate('en', ruleFieldLabelKey('bufferIntervalSec') ?? 'rules.name')).toBe('Shipping time (s)');
    expect(ruleFieldLabelKey('csv.columns[3]')).toBe('rules.csvColumns');
    expect(ruleFieldLabelKey('parquet.columns[2].type')).toBe('rules.parquetColumns');
    expect(ruleFieldLabelKey('somethingElse')).toBeNull();
  });

  it('has a label for every field the validator can name', () => {
    const broken = {
      ...shippingRuleDefault(),
      name: 'B',
      bucket: 'B',
      prefix: 'a//b',
      partitionFormat: '%q',
      roleArn: 'x',
      timeZone: 'bogus',
      bufferSizeMb: 1,
      bufferIntervalSec: 1,
    };
    const fields = [
      ...ruleValidate(broken),
      ...ruleValidate({
        ...broken,
        format: 'csv',
        csv: { columns: ['', 'a', 'a'], delimiter: '::', quote: '', nullValue: '\n', header: false },
      }),
      ...ruleValidate({ ...broken, format: 'parquet', parquet: { columns: [{ name: 'a', type: 'int8' as never }] } }),
    ].map((i) => i.field);
    expect(fields.filter((f) => ruleFieldLabelKey(f) === null)).toEqual([]);
  });
});
