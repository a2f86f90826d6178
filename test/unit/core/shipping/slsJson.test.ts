import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ruleFromSlsJson, ruleToSlsJson } from '../../../../core/shipping/slsJson';
import { shippingRuleDefault } from '../../../../core/shipping/rule';
import type { ShippingRule } from '../../../../core/model/rule';

const csvRule: ShippingRule = {
  ...shippingRuleDefault(),
  name: 'csv-ship',
  bucket: 'test-bucket',
  prefix: 'log_ship_oss_example',
  partitionFormat: 'ds=%Y%m%d/%H',
  roleArn: 'acs:ram::13234:role/logrole',
  bufferSizeMb: 64,
  bufferIntervalSec: 600,
  format: 'csv',
  compression: 'snappy',
  timeZone: '-05:30',
  csv: { columns: ['__time__', '__topic__', 'ip'], delimiter: '|', quote: '"', nullValue: 'NULL', header: true },
};
const parquetRule: ShippingRule = {
  ...csvRule,
  name: 'pq',
  format: 'parquet',
  compression: 'none',
  timeZone: 'Asia/Shanghai',
  csv: undefined,
  parquet: {
    columns: [
      { name: '__time__', type: 'int32' },
      { name: 'seq', type: 'double' },
    ],
  },
};
delete parquetRule.csv;
const jsonRule: ShippingRule = { ...shippingRuleDefault(), name: 'js', bucket: 'b-1', prefix: 'p', roleArn: 'acs:ram::1:role/r' };

describe('ruleToSlsJson', () => {
  it('writes the classic shipper with the documented field names', () => {
    expect(JSON.parse(ruleToSlsJson(csvRule, 'shipper'))).toEqual({
      shipperName: 'csv-ship',
      targetType: 'oss',
      targetConfiguration: {
        ossBucket: 'test-bucket',
        ossPrefix: 'log_ship_oss_example',
        roleArn: 'acs:ram::13234:role/logrole',
        bufferInterval: 600,
        bufferSize: 64,
        compressType: 'snappy',
        pathFormat: 'ds=%Y%m%d/%H',
        timeZone: '-0530',
        storage: {
          format: 'csv',
          detail: {
            columns: ['__time__', '__topic__', 'ip'],
            delimiter: '|',
            quote: '"',
            lineFeed: '\n',
            nullIdentifier: 'NULL',
            header: true,
          },
        },
      },
    });
  });

  it('writes the OSS export job sink', () => {
    expect(JSON.parse(ruleToSlsJson(parquetRule, 'ossExport'))).toEqual({
      name: 'pq',
      configuration: {
        roleArn: 'acs:ram::13234:role/logrole',
        sink: {
          bucket: 'test-bucket',
          prefix: 'log_ship_oss_example',
          suffix: '',
          roleArn: 'acs:ram::13234:role/logrole',
          pathFormat: 'ds=%Y%m%d/%H',
          pathFormatType: 'time',
          timeZone: 'Asia/Shanghai',
          contentType: 'parquet',
          contentDetail: {
            columns: [
              { name: '__time__', type: 'int32' },
              { name: 'seq', type: 'double' },
            ],
          },
          compressionType: 'none',
          bufferInterval: 600,
          bufferSize: 64,
        },
      },
    });
  });

  it('writes enableTag false for JSON', () => {
    expect(JSON.parse(ruleToSlsJson(jsonRule, 'shipper')).targetConfiguration.storage).toEqual({
      format: 'json',
      detail: { enableTag: false },
    });
  });
});

describe('ruleFromSlsJson', () => {
  it.each([
    ['shipper', csvRule],
    ['shipper', parquetRule],
    ['shipper', jsonRule],
    ['ossExport', csvRule],
    ['ossExport', parquetRule],
    ['ossExport', jsonRule],
  ] as const)('export (%s) → import gives the identical rule', (kind, rule) => {
    expect(ruleFromSlsJson(ruleToSlsJson(rule, kind))).toEqual(rule);
  });

  it('reads SDK spellings and writes the documented ones', () => {
    const text = JSON.stringify({
      shipperName: 'go-sdk',
      targetType: 'oss',
      targetConfiguration: {
        ossBucket: 'bkt',
        ossPrefix: 'pre',
        roleArn: 'acs:ram::1:role/r',
        bufferInterval: '300',
        bufferSize: 256,
        compressType: 'none',
        pathFormat: '%Y/%m/%d/%H/%M',
        format: '',
        storage: {
          format: 'csv',
          detail: { delemiter: ',', header: false, linefeed: '\r\n', columns: ['a'], nullIdentfifier: '-', quote: '"' },
        },
      },
    });
    const rule = ruleFromSlsJson(text);
    expect(rule.csv).toEqual({ columns: ['a'], delimiter: ',', quote: '"', nullValue: '-', header: false });
    expect(rule.bufferIntervalSec).toBe(300);
    expect(rule.timeZone).toBe('+08:00');
    expect(rule.extra).toEqual({ '/detail/lineFeed': '\r\n', '/targetConfiguration/format': '' });
    const detail = JSON.parse(ruleToSlsJson(rule, 'shipper')).targetConfiguration.storage.detail;
    expect(detail).toEqual({ columns: ['a'], delimiter: ',', quote: '"', lineFeed: '\r\n', nullIdentifier: '-', header: false });
    expect(
      ruleFromSlsJson(JSON.stringify({ ossBucket: 'b', storage: { format: 'csv', detail: { nullidentifier: 'x' } } })).csv?.nullValue,
    ).toBe('x');
  });

  it('keeps unknown fields on round trip, at every level', () => {
    const original = {
      name: 'job-1',
      displayName: 'Job one',
      status: 'RUNNING',
      configuration: {
        logstore: 'access',
        roleArn: 'acs:ram::2:role/reader',
        fromTime: 1714123644,
        sink: {
          bucket: 'bkt',
          prefix: 'p/',
          suffix: '.json',
          roleArn: 'acs:ram::2:role/writer',
          endpoint: 'https://oss-cn-hangzhou-internal.aliyuncs.com',
          pathFormat: '%Y/%m/%d',
          pathFormatType: 'time',
          timeZone: '+0800',
          contentType: 'json',
          contentDetail: '{"enableTag":true}',
          compressionType: 'snappy',
          bufferInterval: 300,
          bufferSize: 250,
          delaySec: 900,
        },
      },
    };
    const rule = ruleFromSlsJson(JSON.stringify(original));
    expect(rule).toMatchObject({
      name: 'job-1',
      bucket: 'bkt',
      prefix: 'p/',
      roleArn: 'acs:ram::2:role/writer',
      compression: 'snappy',
      bufferSizeMb: 250,
      timeZone: '+08:00',
    });
    expect(rule.extra).toEqual({
      '/sink/suffix': '.json',
      '/detail/enableTag': true,
      '/sink/endpoint': 'https://oss-cn-hangzhou-internal.aliyuncs.com',
      '/sink/delaySec': 900,
      '/configuration/roleArn': 'acs:ram::2:role/reader',
      '/configuration/logstore': 'access',
      '/configuration/fromTime': 1714123644,
      '/root/displayName': 'Job one',
      '/root/status': 'RUNNING',
    });
    const again = JSON.parse(ruleToSlsJson(rule, 'ossExport'));
    expect(again).toEqual({
      ...original,
      configuration: { ...original.configuration, sink: { ...original.configuration.sink, contentDetail: { enableTag: true } } },
    });
    expect(ruleFromSlsJson(JSON.stringify(again))).toEqual(rule);
  });

  it('accepts a List response with one result and bare target configurations', () => {
    const one = JSON.parse(ruleToSlsJson(jsonRule, 'ossExport'));
    expect(ruleFromSlsJson(JSON.stringify({ count: 1, total: 1, results: [one] }))).toEqual(jsonRule);
    expect(ruleFromSlsJson(JSON.stringify(one.configuration.sink))).toMatchObject({ bucket: 'b-1', name: '' });
  });

  it.each([
    ['{"shipperName": ', '$: not valid JSON'],
    ['[1]', '$: expected a JSON object'],
    ['{"foo": 1}', '$: not a Log Service OSS shipping configuration'],
    ['{"results": []}', '$.results: expected exactly one shipping configuration, found 0'],
    ['{"targetType":"odps","targetConfiguration":{}}', '$.targetType: "odps" is not an OSS shipper'],
    ['{"targetConfiguration": {"bufferSize": "big"}}', '$.targetConfiguration.bufferSize: expected a number, got "big"'],
    ['{"targetConfiguration": {"ossBucket": 3}}', '$.targetConfiguration.ossBucket: expected text, got number'],
    [
      '{"targetConfiguration": {"compressType": "gzip"}}',
      '$.targetConfiguration.compressType: compression "gzip" is not supported by shiplens (none, snappy)',
    ],
    [
      '{"targetConfiguration": {"storage": {"format": "csv", "detail": {"columns": ["a", 2]}}}}',
      '$.targetConfiguration.storage.detail.columns[1]: expected a column name',
    ],
    [
      '{"targetConfiguration": {"storage": {"format": "parquet", "detail": {"columns": [{"name": "a", "type": 5}]}}}}',
      '$.targetConfiguration.storage.detail.columns[0].type: expected text, got number',
    ],
    [
      '{"configuration": {"sink": {"contentType": "orc"}}}',
      '$.configuration.sink.contentType: content type "orc" is not supported by shiplens (json, csv, parquet)',
    ],
    ['{"configuration": {}}', '$.configuration.sink: missing'],
    [
      '{"configuration": {"sink": {"contentDetail": "{bad"}}}',
      '$.configuration.sink.contentDetail: expected an object (or a JSON string of one)',
    ],
  ])('refuses %s with RULE_JSON_INVALID and the path', (text, message) => {
    try {
      ruleFromSlsJson(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'RULE_JSON_INVALID' });
      expect((error as Error).message.startsWith(message)).toBe(true);
    }
  });
});

describe('ruleToSlsJson → ruleFromSlsJson (property)', () => {
  const char = fc.constantFrom(',', '|', '\t', ' ', ';', '"', "'");
  const columnName = fc.string({ minLength: 1, maxLength: 12 });
  const ruleArb: fc.Arbitrary<ShippingRule> = fc
    .record({
      name: fc.stringMatching(/^[a-z0-9][a-z0-9_-]{1,20}[a-z0-9]$/),
      bucket: fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,20}[a-z0-9]$/),
      prefix: fc.constantFrom('', 'p', 'a/b', 'prefix-demo/', '中文/logs'),
      partitionFormat: fc.constantFrom('%Y/%m/%d/%H/%M', 'year=%Y/mon=%m/day=%d/log_%H%M%s', 'ds=%Y%m%d/%H', '%Y%m%d/', '%Y%m%d%H'),
      roleArn: fc.constantFrom('', 'acs:ram::13234:role/logrole'),
      bufferSizeMb: fc.integer({ min: 5, max: 256 }),
      bufferIntervalSec: fc.integer({ min: 300, max: 900 }),
      format: fc.constantFrom('json', 'csv', 'parquet') as fc.Arbitrary<ShippingRule['format']>,
      compression: fc.constantFrom('none', 'snappy') as fc.Arbitrary<ShippingRule['compression']>,
      timeZone: fc.constantFrom('+08:00', '-05:30', '+00:00', 'Asia/Shanghai', 'America/New_York'),
      csvColumns: fc.array(columnName, { maxLength: 5 }),
      delimiter: char,
      quote: char,
      nullValue: fc.string({ maxLength: 4 }),
      header: fc.boolean(),
      parquetColumns: fc.array(
        fc.record({
          name: columnName,
          type: fc.constantFrom('string', 'boolean', 'int32', 'int64', 'float', 'double') as fc.Arbitrary<'string'>,
        }),
        { maxLength: 5 },
      ),
      extra: fc.dictionary(
        fc.stringMatching(/^x_[a-z]{1,6}$/).map((k) => `/root/${k}`),
        fc.oneof(fc.string(), fc.integer(), fc.boolean()),
        { maxKeys: 3 },
      ),
    })
    .map(({ csvColumns, delimiter, quote, nullValue, header, parquetColumns, extra, ...r }) => {
      const rule: ShippingRule = { ...r };
      if (r.format === 'csv') rule.csv = { columns: csvColumns, delimiter, quote, nullValue, header };
      if (r.format === 'parquet') rule.parquet = { columns: parquetColumns };
      if (Object.keys(extra).length > 0) rule.extra = extra;
      return rule;
    });

  it('gives back the identical rule for both kinds', () => {
    fc.assert(
      fc.property(ruleArb, fc.constantFrom('shipper', 'ossExport') as fc.Arbitrary<'shipper' | 'ossExport'>, (rule, kind) => {
        expect(ruleFromSlsJson(ruleToSlsJson(rule, kind))).toEqual(rule);
      }),
      { numRuns: 300 },
    );
  });
});
