import { describe, expect, it } from 'vitest';
import { shippingRuleDefault } from '../../../../../core/shipping/rule';
import { ruleCsvDefaults, ruleFormatPatch, ruleParquetColumns } from '../../../../../renderer/views/rules/ruleFormatDefaults';

const rule = shippingRuleDefault();

describe('ruleFormatPatch', () => {
  it('fills CSV with the default dialect and the reserved columns when the rule has none', () => {
    const patch = ruleFormatPatch({ ...rule, csv: undefined }, 'csv');
    expect(patch.format).toBe('csv');
    expect(patch.csv?.columns).toEqual(['__time__', '__topic__', '__source__']);
    expect(patch.csv?.delimiter).toBe(',');
  });

  it('fills Parquet with __time__ as int32 and the others as string, keeping columns already chosen', () => {
    expect(ruleFormatPatch({ ...rule, parquet: undefined }, 'parquet').parquet?.columns).toEqual([
      { name: '__time__', type: 'int32' },
      { name: '__topic__', type: 'string' },
      { name: '__source__', type: 'string' },
    ]);
    const parquet = { columns: [{ name: 'a', type: 'int64' as const }] };
    expect(ruleFormatPatch({ ...rule, parquet }, 'parquet')).toEqual({ format: 'parquet', parquet });
    expect(ruleParquetColumns({ ...rule, parquet })).toBe(parquet.columns);
  });

  it('changes only the format for JSON and keeps CSV options already set', () => {
    expect(ruleFormatPatch(rule, 'json')).toEqual({ format: 'json' });
    const csv = { delimiter: ';', quote: '"', header: true, nullValue: '', columns: ['x'] };
    expect(ruleCsvDefaults({ ...rule, csv })).toBe(csv);
  });
});
