SET odps.sql.type.system.odps2=true;
CREATE TABLE IF NOT EXISTS `nginx_access_parquet` (
  `time` INT COMMENT 'log field __time__',
  `source` STRING COMMENT 'log field __source__',
  `ip` STRING COMMENT 'log field ip',
  `method` STRING COMMENT 'log field method',
  `path` STRING COMMENT 'log field path',
  `status` INT COMMENT 'log field status',
  `bytes` BIGINT COMMENT 'log field bytes',
  `latency` DOUBLE COMMENT 'log field latency',
  `upstream_ms` FLOAT COMMENT 'log field upstream_ms',
  `cached` BOOLEAN COMMENT 'log field cached',
  `ua` STRING COMMENT 'log field ua',
  `request_id` STRING COMMENT 'log field request_id'
)
PARTITIONED BY (`pt` STRING);
-- write mode: INSERT INTO
-- truncate: false — insert into: each run appends to the partition, so runs sharing a partition accumulate, and a rerun of the same window duplicates its rows.
