import { describe, expect, it } from 'vitest';
import { ddlGenerate, parquetSqlType } from '../../../../core/shipping/ddl';
import { parquetColumnTypes } from '../../../../core/model/rule';
import { shippingRuleDefault } from '../../../../core/shipping/rule';
import type { ShippingRule } from '../../../../core/model/rule';

const base: ShippingRule = {
  ...shippingRuleDefault(),
  name: 'log-ship',
  bucket: 'test-bucket',
  prefix: 'log_ship_oss_example',
  roleArn: 'acs:ram::13234:role/logrole',
};
const parquetHive: ShippingRule = {
  ...base,
  partitionFormat: 'year=%Y/mon=%m/day=%d/log_%H%M%s',
  format: 'parquet',
  compression: 'snappy',
  parquet: {
    columns: [
      { name: '__time__', type: 'int32' },
      { name: 'ip', type: 'string' },
      { name: 'seq', type: 'double' },
      { name: 'status', type: 'int64' },
      { name: 'ua', type: 'boolean' },
      { name: 'f', type: 'float' },
    ],
  },
};
const csvDated: ShippingRule = {
  ...base,
  partitionFormat: '%Y/%m/%d/%H/%M',
  format: 'csv',
  compression: 'none',
  csv: { columns: ['__time__', 'ip'], delimiter: '\t', quote: "'", nullValue: '', header: true },
};
const cst = (iso: string) => Date.parse(`${iso}+08:00`);

describe('parquetSqlType', () => {
  it('names a SQL type for every Parquet column type (the DDL and the MaxCompute table share it)', () => {
    expect(Object.keys(parquetSqlType).sort()).toEqual([...parquetColumnTypes].sort());
    expect(parquetColumnTypes.map((t) => parquetSqlType[t]).join(' ')).toBe('STRING BOOLEAN INT BIGINT FLOAT DOUBLE');
  });
});

describe('ddlGenerate (hive)', () => {
  it('writes a partitioned Parquet table over Hive-style directories', () => {
    const r = ddlGenerate(parquetHive, 'hive');
    expect(r.partitionColumns).toEqual(['year', 'mon', 'day']);
    expect(r.readable).toBe(true);
    expect(r.sql).toBe(
      [
        '-- shiplens: Hive table over rule "log-ship" (parquet, snappy), partition format year=%Y/mon=%m/day=%d/log_%H%M%s',
        'CREATE EXTERNAL TABLE IF NOT EXISTS `log_ship` (',
        '  `__time__` INT,',
        '  `ip` STRING,',
        '  `seq` DOUBLE,',
        '  `status` BIGINT,',
        '  `ua` BOOLEAN,',
        '  `f` FLOAT',
        ')',
        'PARTITIONED BY (`year` STRING, `mon` STRING, `day` STRING)',
        'STORED AS PARQUET',
        "LOCATION 'oss://test-bucket/log_ship_oss_example/';",
        'MSCK REPAIR TABLE `log_ship`;',
        '',
      ].join('\n'),
    );
  });

  it('adds one partition per hour directory with its LOCATION for a dated layout', () => {
    const r = ddlGenerate(csvDated, 'hive', { fromMs: cst('2017-01-20T22:00:00'), toMs: cst('2017-01-21T01:00:00'), table: 't' });
    expect(r.partitionColumns).toEqual(['dt']);
    expect(r.partitions).toEqual([
      { value: '2017012022', location: 'oss://test-bucket/log_ship_oss_example/2017/01/20/22/' },
      { value: '2017012023', location: 'oss://test-bucket/log_ship_oss_example/2017/01/20/23/' },
      { value: '2017012100', location: 'oss://test-bucket/log_ship_oss_example/2017/01/21/00/' },
    ]);
    const lines = r.sql.split('\n');
    expect(lines).toContain("ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.OpenCSVSerde'");
    expect(lines).toContain("WITH SERDEPROPERTIES ('separatorChar'='\\t', 'quoteChar'='\\'', 'escapeChar'='\\\\')");
    expect(lines).toContain("TBLPROPERTIES ('skip.header.line.count'='1');");
    expect(lines).toContain('PARTITIONED BY (`dt` STRING)');
    expect(lines.slice(-4)).toEqual([
      "ALTER TABLE `t` ADD IF NOT EXISTS PARTITION (`dt`='2017012022') LOCATION 'oss://test-bucket/log_ship_oss_example/2017/01/20/22/';",
      "ALTER TABLE `t` ADD IF NOT EXISTS PARTITION (`dt`='2017012023') LOCATION 'oss://test-bucket/log_ship_oss_example/2017/01/20/23/';",
      "ALTER TABLE `t` ADD IF NOT EXISTS PARTITION (`dt`='2017012100') LOCATION 'oss://test-bucket/log_ship_oss_example/2017/01/21/00/';",
      '',
    ]);
  });

  it('shows a template instead of partitions when no range is given', () => {
    const r = ddlGenerate(csvDated, 'hive', { table: 't' });
    expect(r.sql).toContain(
      "-- ALTER TABLE `t` ADD IF NOT EXISTS PARTITION (`dt`='%Y%m%d%H') LOCATION 'oss://test-bucket/log_ship_oss_example/%Y/%m/%d/%H/';",
    );
  });

  it('uses the JSON SerDe with reserved fields for JSON', () => {
    const r = ddlGenerate({ ...base, partitionFormat: 'ds=%Y%m%d/%H' }, 'hive');
    expect(r.sql).toContain(
      "(\n  `__time__` BIGINT,\n  `__topic__` STRING,\n  `__source__` STRING\n)\nPARTITIONED BY (`ds` STRING)\nROW FORMAT SERDE 'org.apache.hive.hcatalog.data.JsonSerDe'\nSTORED AS TEXTFILE\nLOCATION 'oss://test-bucket/log_ship_oss_example/';",
    );
  });

  it.each(['hive', 'spark'] as const)('refuses whole-file raw snappy JSON/CSV for %s with an explanation', (engine) => {
    for (const format of ['json', 'csv'] as const) {
      const r = ddlGenerate({ ...csvDated, format, compression: 'snappy' }, engine);
      expect(r.readable).toBe(false);
      expect(r.sql).not.toMatch(/CREATE/);
      expect(r.sql.split('\n').every((l) => l === '' || l.startsWith('--'))).toBe(true);
      expect(r.warnings[0]).toContain("not Hadoop's SnappyCodec block stream");
      expect(r.sql).toContain('decompress the objects with shiplens');
      expect(r.sql).toContain("MaxCompute reads them as they are through 'com.aliyun.odps.io.compress.SnappyRawCodec'");
    }
  });

  it('warns that "_"-prefixed object names (format ending in "/") are hidden to Hadoop engines', () => {
    const r = ddlGenerate({ ...base, partitionFormat: '%Y%m%d/' }, 'hive');
    expect(r.warnings[0]).toContain('skip such files as hidden');
    expect(r.sql).toContain('-- WARNING: Object names start with "_"');
  });

  it('warns about a flat layout and partition/data column clashes', () => {
    expect(ddlGenerate({ ...base, partitionFormat: '%Y%m%d%H' }, 'hive').warnings).toEqual([
      'The partition format has no directory levels: every object is in one folder and queries cannot prune by time.',
    ]);
    const clash = ddlGenerate({ ...parquetHive, parquet: { columns: [{ name: 'Year', type: 'string' }] } }, 'hive');
    expect(clash.warnings).toEqual([
      'Partition column(s) year also exist as data columns; rename the data column or the partition directory.',
    ]);
  });

  it('refuses too many partitions with a typed error', () => {
    expect(() => ddlGenerate(csvDated, 'hive', { fromMs: 0, toMs: 86_400_000 * 30, maxPartitions: 24 })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});

describe('ddlGenerate (spark)', () => {
  it('writes a datasource table with partition columns in the schema', () => {
    const r = ddlGenerate(parquetHive, 'spark');
    expect(r.sql).toContain('SET spark.sql.parquet.binaryAsString=true;\nCREATE TABLE IF NOT EXISTS `log_ship` (');
    expect(r.sql).toContain(
      "  `f` FLOAT,\n  `year` STRING,\n  `mon` STRING,\n  `day` STRING\n)\nUSING parquet\nPARTITIONED BY (`year`, `mon`, `day`)\nLOCATION 'oss://test-bucket/log_ship_oss_example/';\nMSCK REPAIR TABLE `log_ship`;",
    );
  });

  it('passes the CSV dialect as options', () => {
    const r = ddlGenerate(csvDated, 'spark');
    expect(r.sql).toContain(
      "USING csv\nOPTIONS (sep '\\t', quote '\\'', escape '\\'', header 'true', nullValue '', multiLine 'true')\nPARTITIONED BY (`dt`)",
    );
  });
});

describe('ddlGenerate (maxcompute)', () => {
  it('writes an OSS external table with the endpoint in LOCATION and the ODPS role', () => {
    const r = ddlGenerate(parquetHive, 'maxcompute', { endpoint: 'https://oss-cn-hangzhou-internal.aliyuncs.com' });
    expect(r.sql).toContain(
      "PARTITIONED BY (`year` STRING, `mon` STRING, `day` STRING)\nROW FORMAT SERDE 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe'\nWITH SERDEPROPERTIES ('odps.properties.rolearn'='acs:ram::13234:role/aliyunodpsdefaultrole')\nSTORED AS PARQUET\nLOCATION 'oss://oss-cn-hangzhou-internal.aliyuncs.com/test-bucket/log_ship_oss_example/';\nMSCK REPAIR TABLE `log_ship` ADD PARTITIONS;",
    );
    expect(r.warnings).toEqual([]);
  });

  it('takes the endpoint from an imported export job, else warns about the placeholder', () => {
    expect(
      ddlGenerate({ ...parquetHive, extra: { '/sink/endpoint': 'oss-cn-beijing-internal.aliyuncs.com' } }, 'maxcompute').sql,
    ).toContain("LOCATION 'oss://oss-cn-beijing-internal.aliyuncs.com/test-bucket/");
    expect(ddlGenerate(parquetHive, 'maxcompute').warnings).toEqual([
      'Replace <oss-internal-endpoint> with the OSS internal endpoint of the region (e.g. oss-cn-hangzhou-internal.aliyuncs.com).',
    ]);
  });

  it('reads raw snappy JSON and CSV through SnappyRawCodec (SPEC §9)', () => {
    const json = ddlGenerate({ ...base, partitionFormat: 'ds=%Y%m%d/%H', compression: 'snappy' }, 'maxcompute', { endpoint: 'e' });
    expect(json.readable).toBe(true);
    expect(json.sql).toContain(
      "ROW FORMAT SERDE 'org.apache.hive.hcatalog.data.JsonSerDe'\nWITH SERDEPROPERTIES ('odps.properties.rolearn'='acs:ram::13234:role/aliyunodpsdefaultrole')\nSTORED AS TEXTFILE\nLOCATION 'oss://e/test-bucket/log_ship_oss_example/'\nTBLPROPERTIES ('io.compression.codecs'='com.aliyun.odps.io.compress.SnappyRawCodec');\nMSCK REPAIR TABLE `log_ship` ADD PARTITIONS;",
    );
    expect(ddlGenerate({ ...csvDated, compression: 'snappy' }, 'maxcompute', { endpoint: 'e' }).sql).toContain(
      "STORED AS TEXTFILE\nLOCATION 'oss://e/test-bucket/log_ship_oss_example/'\nTBLPROPERTIES ('io.compression.codecs'='com.aliyun.odps.io.compress.SnappyRawCodec');",
    );
    expect(ddlGenerate(parquetHive, 'maxcompute').sql).not.toContain('SnappyRawCodec');
  });

  it('uses OpenCSVSerde properties and the header option for CSV', () => {
    const r = ddlGenerate(csvDated, 'maxcompute', { endpoint: 'e', odpsRoleArn: 'acs:ram::1:role/r' });
    expect(r.sql).toContain(
      "WITH SERDEPROPERTIES ('separatorChar'='\\t', 'quoteChar'='\\'', 'escapeChar'='\\\\', 'odps.properties.rolearn'='acs:ram::1:role/r', 'odps.text.option.header.lines.count'='1')\nSTORED AS TEXTFILE",
    );
  });
});
