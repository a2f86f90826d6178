/** The SPEC §1 table: task created 2017-01-20 19:50:43.351525351 CST, task number 2850008. */
import type { Compression, StorageFormat } from '../../../../core/model/rule';

export const specTaskTimeNs = 1484913043351525351n;
export const specTaskTimeMs = 1484913043351;
export const specTaskNumber = 2850008;

export interface SpecRow {
  prefix: string;
  partitionFormat: string;
  partition: string;
  key: string;
  format: StorageFormat;
  compression: Compression;
  hiveColumns: Record<string, string>;
}

export const specRows: SpecRow[] = [
  {
    prefix: 'test-table',
    partitionFormat: '%Y/%m/%d/%H/%M',
    partition: '2017/01/20/19/50',
    key: 'test-table/2017/01/20/19/50_1484913043351525351_2850008',
    format: 'json',
    compression: 'none',
    hiveColumns: {},
  },
  {
    prefix: 'log_ship_oss_example',
    partitionFormat: 'year=%Y/mon=%m/day=%d/log_%H%M%s',
    partition: 'year=2017/mon=01/day=20/log_195043',
    key: 'log_ship_oss_example/year=2017/mon=01/day=20/log_195043_1484913043351525351_2850008.parquet',
    format: 'parquet',
    compression: 'none',
    hiveColumns: { year: '2017', mon: '01', day: '20' },
  },
  {
    prefix: 'log_ship_oss_example',
    partitionFormat: 'ds=%Y%m%d/%H',
    partition: 'ds=20170120/19',
    key: 'log_ship_oss_example/ds=20170120/19_1484913043351525351_2850008.snappy',
    format: 'json',
    compression: 'snappy',
    hiveColumns: { ds: '20170120' },
  },
  {
    prefix: 'log_ship_oss_example',
    partitionFormat: '%Y%m%d/',
    partition: '20170120/',
    key: 'log_ship_oss_example/20170120/_1484913043351525351_2850008',
    format: 'json',
    compression: 'none',
    hiveColumns: {},
  },
  {
    prefix: 'log_ship_oss_example',
    partitionFormat: '%Y%m%d%H',
    partition: '2017012019',
    key: 'log_ship_oss_example/2017012019_1484913043351525351_2850008',
    format: 'json',
    compression: 'none',
    hiveColumns: {},
  },
];
