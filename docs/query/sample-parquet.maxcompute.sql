-- shiplens query hand-off for MaxCompute: logs of [2026-11-24 10:00:00+08:00, 2026-11-24 12:00:00+08:00) (parquet, none)
-- under oss://shiplens-sample/nginx-access-parquet: 27 objects, 99849 bytes, 27 partitions (task-time lag included).
-- The SQL below is passed as written (DuckDB SQL): translate DuckDB-only functions for this engine.
-- shiplens: MaxCompute table over rule "logs_oss" (parquet, none), partition format year=%Y/mon=%m/day=%d/log_%H%M%s
SET odps.sql.type.system.odps2=true;
CREATE EXTERNAL TABLE IF NOT EXISTS `logs_oss` (
  `__time__` INT,
  `__source__` STRING,
  `ip` STRING,
  `method` STRING,
  `path` STRING,
  `status` INT,
  `bytes` BIGINT,
  `latency` DOUBLE,
  `upstream_ms` FLOAT,
  `cached` BOOLEAN,
  `ua` STRING,
  `request_id` STRING
)
PARTITIONED BY (`year` STRING, `mon` STRING, `day` STRING)
ROW FORMAT SERDE 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe'
WITH SERDEPROPERTIES ('odps.properties.rolearn'='acs:ram::<account-id>:role/aliyunodpsdefaultrole')
STORED AS PARQUET
LOCATION 'oss://oss-cn-hangzhou.aliyuncs.com/shiplens-sample/nginx-access-parquet/';
ALTER TABLE logs_oss ADD IF NOT EXISTS PARTITION (`year`='2026', `mon`='11', `day`='24');
-- The window, pushed into the partition column and applied to __time__ (Unix seconds):
SET odps.sql.timezone=GMT+08:00;
WITH logs AS (SELECT `__topic__`, `__source__`, `year`, `mon`, `day`, FROM_UNIXTIME(CAST(`__time__` AS BIGINT)) AS `__time__` FROM logs_oss WHERE ((`year`='2026' AND `mon`='11' AND `day`='24')) AND CAST(`__time__` AS BIGINT) >= 1795485600 AND CAST(`__time__` AS BIGINT) < 1795492800)
SELECT status, count(*) AS n FROM logs GROUP BY status ORDER BY n DESC;
