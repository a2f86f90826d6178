import { describe, expect, it } from 'vitest';
import { formatFromName } from '../../../../core/detect/formatFromName';

describe('formatFromName', () => {
  // SPEC §2 suffix table, with the SPEC §1 example keys.
  const cases = [
    { name: 'test-table/2017/01/20/19/50_1484913043351525351_2850008', expected: { format: 'json', compression: 'none', suffix: '' } },
    {
      name: 'log_ship_oss_example/ds=20170120/19_1484913043351525351_2850008.snappy',
      expected: { format: 'json', compression: 'snappy', suffix: '.snappy' },
    },
    { name: 'a/19_1484913043351525351_2850008.csv', expected: { format: 'csv', compression: 'none', suffix: '.csv' } },
    { name: 'a/19_1484913043351525351_2850008.snappy.csv', expected: { format: 'csv', compression: 'snappy', suffix: '.snappy.csv' } },
    {
      name: 'year=2017/mon=01/day=20/log_195043_1484913043351525351_2850008.parquet',
      expected: { format: 'parquet', compression: 'none', suffix: '.parquet' },
    },
    {
      name: 'x/19_1484913043351525351_2850008.snappy.parquet',
      expected: { format: 'parquet', compression: 'snappy', suffix: '.snappy.parquet' },
    },
    { name: 'RENAMED.SNAPPY.CSV', expected: { format: 'csv', compression: 'snappy', suffix: '.SNAPPY.CSV' } },
    { name: 'log_ship_oss_example/20170120/_1484913043351525351_2850008', expected: { format: 'json', compression: 'none', suffix: '' } },
    { name: 'dir.csv/file', expected: { format: 'json', compression: 'none', suffix: '' } },
    { name: '.csv', expected: { format: 'json', compression: 'none', suffix: '' } },
    { name: 'x.json', expected: { format: 'json', compression: 'none', suffix: '' } },
  ] as const;
  it.each(cases)('maps $name', ({ name, expected }) => {
    expect(formatFromName(name)).toEqual(expected);
  });
});
