import { describe, expect, it } from 'vitest';
import { ruleIsValid, ruleValidate } from '../../../../core/shipping/ruleValidate';
import { ruleMessages } from '../../../../core/shipping/ruleMessages';
import { shippingRuleDefault } from '../../../../core/shipping/rule';
import type { ShippingRule } from '../../../../core/model/rule';

function validRule(patch: Partial<ShippingRule> = {}): ShippingRule {
  return {
    ...shippingRuleDefault(),
    name: 'oss-shipper',
    bucket: 'test-bucket',
    prefix: 'test-table',
    roleArn: 'acs:ram::13234:role/logrole',
    ...patch,
  };
}

const csv = { columns: ['__time__', 'ip'], delimiter: ',', quote: '"', nullValue: '', header: false };

function codes(rule: ShippingRule): string[] {
  return ruleValidate(rule).map((i) => `${i.severity}:${i.field}:${i.code}`);
}

describe('ruleValidate', () => {
  it('accepts a valid rule of each format', () => {
    expect(ruleValidate(validRule())).toEqual([]);
    expect(ruleValidate(validRule({ format: 'csv', compression: 'snappy', csv }))).toEqual([]);
    expect(
      ruleValidate(
        validRule({
          format: 'parquet',
          parquet: {
            columns: [
              { name: 'a', type: 'int64' },
              { name: 'b', type: 'double' },
            ],
          },
        }),
      ),
    ).toEqual([]);
  });

  it.each([
    [{ name: '' }, ['error:name:NAME_REQUIRED']],
    [{ name: 'ab' }, ['error:name:NAME_LENGTH']],
    [{ name: 'abc' }, []],
    [{ name: 'a'.repeat(63) }, []],
    [{ name: 'a'.repeat(64) }, ['error:name:NAME_LENGTH']],
    [{ name: 'Abc' }, ['error:name:NAME_CHARS']],
    [{ name: 'a.bc' }, ['error:name:NAME_CHARS']],
    [{ name: '-abc' }, ['error:name:NAME_EDGE']],
    [{ name: 'abc_' }, ['error:name:NAME_EDGE']],
    [{ name: 'a_b-c9' }, []],
    [{ bucket: '' }, ['error:bucket:BUCKET_REQUIRED']],
    [{ bucket: 'Bad_Bucket' }, ['error:bucket:BUCKET_NAME']],
    [{ bucket: 'ab' }, ['error:bucket:BUCKET_NAME']],
    [{ bucket: '-abc' }, ['error:bucket:BUCKET_NAME']],
    [{ prefix: '/logs/' }, ['warning:prefix:PREFIX_SLASH']],
    [{ prefix: 'a//b' }, ['error:prefix:PREFIX_CHARS']],
    [{ prefix: '' }, []],
    [{ partitionFormat: '' }, ['error:partitionFormat:PARTITION_REQUIRED']],
    [
      { partitionFormat: '%Y/%Q/%q' },
      ['error:partitionFormat:PARTITION_UNKNOWN_DIRECTIVE', 'error:partitionFormat:PARTITION_UNKNOWN_DIRECTIVE'],
    ],
    [
      { partitionFormat: '%Y/%j/%q' },
      ['error:partitionFormat:PARTITION_UNKNOWN_DIRECTIVE', 'warning:partitionFormat:PARTITION_NONSTANDARD_DIRECTIVE'],
    ],
    [{ partitionFormat: '%Y%m%d/' }, ['warning:partitionFormat:PARTITION_SLASH_EDGE']],
    [{ partitionFormat: '/%Y' }, ['warning:partitionFormat:PARTITION_SLASH_EDGE']],
    [{ partitionFormat: 'static' }, ['warning:partitionFormat:PARTITION_NO_TIME']],
    [{ partitionFormat: 'year=%Y/mon=%m/day=%d/log_%H%M%s' }, []],
    [{ timeZone: 'Mars/Base' }, ['error:timeZone:TIME_ZONE_INVALID']],
    [{ timeZone: 'Asia/Shanghai' }, []],
    [{ timeZone: '-05:30' }, []],
    [{ roleArn: '' }, ['error:roleArn:ROLE_ARN_REQUIRED']],
    [{ roleArn: 'acs:ram::abc:role/x' }, ['error:roleArn:ROLE_ARN_SHAPE']],
    [{ roleArn: 'acs:ram::13234:user/x' }, ['error:roleArn:ROLE_ARN_SHAPE']],
    [{ roleArn: 'acs:ram::1234567890:role/aliyunlogdefaultrole' }, []],
    [{ bufferSizeMb: 4 }, ['error:bufferSizeMb:SIZE_RANGE']],
    [{ bufferSizeMb: 5 }, []],
    [{ bufferSizeMb: 256 }, []],
    [{ bufferSizeMb: 257 }, ['error:bufferSizeMb:SIZE_RANGE']],
    [{ bufferSizeMb: 10.5 }, ['error:bufferSizeMb:SIZE_RANGE']],
    [{ bufferIntervalSec: 299 }, ['error:bufferIntervalSec:INTERVAL_RANGE']],
    [{ bufferIntervalSec: 300 }, []],
    [{ bufferIntervalSec: 900 }, []],
    [{ bufferIntervalSec: 901 }, ['error:bufferIntervalSec:INTERVAL_RANGE']],
    [{ format: 'orc' as never }, ['error:format:FORMAT_UNKNOWN']],
    [{ compression: 'gzip' as never }, ['error:compression:COMPRESSION_UNKNOWN']],
    [{ format: 'csv' }, ['error:csv:CSV_MISSING']],
    [{ format: 'csv', csv: { ...csv, columns: [] } }, ['error:csv.columns:COLUMNS_EMPTY']],
    [
      { format: 'csv', csv: { ...csv, columns: ['a', '', 'a'] } },
      ['error:csv.columns[1]:COLUMN_NAME_EMPTY', 'error:csv.columns[2]:COLUMN_DUPLICATE'],
    ],
    [{ format: 'csv', csv: { ...csv, delimiter: '||' } }, ['error:csv.delimiter:DELIMITER_ONE_CHAR']],
    [{ format: 'csv', csv: { ...csv, delimiter: '' } }, ['error:csv.delimiter:DELIMITER_ONE_CHAR']],
    [{ format: 'csv', csv: { ...csv, delimiter: '\t' } }, []],
    [{ format: 'csv', csv: { ...csv, quote: '' } }, ['error:csv.quote:QUOTE_ONE_CHAR']],
    [{ format: 'csv', csv: { ...csv, quote: ',' } }, ['error:csv.quote:QUOTE_IS_DELIMITER']],
    [{ format: 'parquet' }, ['error:parquet:PARQUET_MISSING']],
    [{ format: 'parquet', parquet: { columns: [] } }, ['error:parquet.columns:COLUMNS_EMPTY']],
    [
      {
        format: 'parquet',
        parquet: {
          columns: [
            { name: 'a', type: 'int' as never },
            { name: 'a', type: 'string' },
          ],
        },
      },
      ['error:parquet.columns[1]:COLUMN_DUPLICATE', 'error:parquet.columns[0].type:PARQUET_TYPE'],
    ],
  ] as [Partial<ShippingRule>, string[]][])('reports %j as %j', (patch, expected) => {
    expect(codes(validRule(patch))).toEqual(expected);
  });

  it('names the unknown directive in both languages', () => {
    const [issue] = ruleValidate(validRule({ partitionFormat: '%Y/%q' }));
    expect(issue?.message.en).toBe(
      'Unknown directive %q in the partition format; use %Y %m %d %H %M %s (or a strptime directive such as %S %y %j %b %a %I %p %F %T).',
    );
    expect(issue?.message['zh-CN']).toBe(
      '分区格式中有未知的格式符 %q；可用 %Y %m %d %H %M %s（或 %S %y %j %b %a %I %p %F %T 等 strptime 格式符）。',
    );
  });

  it('warns that an undocumented strptime directive may render differently in Log Service', () => {
    const [issue] = ruleValidate(validRule({ partitionFormat: '%Y/%j' }));
    expect(issue?.severity).toBe('warning');
    expect(issue?.message.en).toBe(
      '%j is rendered as strptime does; Log Service documents only %Y %m %d %H %M %s, so check one shipped path before relying on it.',
    );
  });

  it('fills parameters in messages', () => {
    const [issue] = ruleValidate(validRule({ bufferIntervalSec: 60 }));
    expect(issue?.message).toEqual({
      en: 'The shipping time must be a whole number of seconds from 300 to 900 (got 60).',
      'zh-CN': '投递时间须为 300–900 之间的整数秒（当前为 60）。',
    });
  });

  it('has an English and a Chinese message for every code', () => {
    for (const m of Object.values(ruleMessages)) {
      expect(m.en.length).toBeGreaterThan(10);
      expect(/[\u4e00-\u9fff]/.test(m['zh-CN'])).toBe(true);
    }
  });

  it('does not throw on data that is not a rule', () => {
    expect(ruleValidate(null as never).map((i) => i.code)).toEqual([
      'NAME_REQUIRED',
      'BUCKET_REQUIRED',
      'PARTITION_REQUIRED',
      'TIME_ZONE_INVALID',
      'ROLE_ARN_REQUIRED',
      'SIZE_RANGE',
      'INTERVAL_RANGE',
      'FORMAT_UNKNOWN',
      'COMPRESSION_UNKNOWN',
    ]);
    expect(
      ruleValidate({ format: 'parquet', parquet: { columns: [null, 3] } } as never)
        .filter((i) => i.field.startsWith('parquet'))
        .map((i) => i.code),
    ).toEqual(['COLUMN_NAME_EMPTY', 'COLUMN_NAME_EMPTY', 'PARQUET_TYPE', 'PARQUET_TYPE']);
  });
});

describe('ruleIsValid', () => {
  it('allows warnings but not errors', () => {
    expect(ruleIsValid(validRule({ partitionFormat: '%Y%m%d/' }))).toBe(true);
    expect(ruleIsValid(validRule({ bufferSizeMb: 1 }))).toBe(false);
  });
});
