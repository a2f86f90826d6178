import { describe, expect, it } from 'vitest';
import { partitionedKeySample, ruleFromParsedKey } from '../../../../../renderer/views/browse/ruleFromParsedKey';
import { keyInfo } from '../../../../../renderer/util/keyInfo';

const hiveKey = 'log_ship_oss_example/year=2017/mon=01/day=20/log_195043_1484913043351525351_2850008.parquet';

describe('partitionedKeySample', () => {
  it('is the first key a rule can be read off, skipping keys that are not shipped objects', () => {
    const sample = partitionedKeySample(['notes/readme.txt', hiveKey, 'test-table/2017/01/20/19/50_1484913043351525351_2850008']);
    expect(sample?.prefix).toBe('log_ship_oss_example');
    expect(sample?.partitionFormat).toBe('year=%Y/mon=%m/day=%d/log_%H%M%s');
  });

  it('is null when no key is a shipped object', () => {
    expect(partitionedKeySample(['a.txt', 'b/c.csv'])).toBeNull();
    expect(partitionedKeySample([])).toBeNull();
  });
});

describe('ruleFromParsedKey', () => {
  it('takes the prefix, format, compression and partition format from the key, the rest from the default rule', () => {
    const info = keyInfo(hiveKey);
    expect(info).not.toBeNull();
    const rule = ruleFromParsedKey(info!, 'my-bucket');
    expect(rule).toMatchObject({
      bucket: 'my-bucket',
      prefix: 'log_ship_oss_example',
      format: 'parquet',
      compression: 'none',
      partitionFormat: 'year=%Y/mon=%m/day=%d/log_%H%M%s',
    });
  });
});
