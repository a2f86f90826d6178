-- shiplens query hand-off for MaxCompute: logs of [2026-11-24 10:00:00+08:00, 2026-11-24 12:00:00+08:00) (csv, snappy)
-- under oss://shiplens-sample/nginx-access-csv: 27 objects, 48780 bytes, 3 partitions (task-time lag included).
-- The SQL below is passed as written (DuckDB SQL): translate DuckDB-only functions for this engine.
-- shiplens: MaxCompute table over rule "logs_oss" (csv, snappy), partition format ds=%Y%m%d/%H
-- WARNING: OpenCSVSerde treats "\" as an escape character; values containing backslashes may change in Hive and MaxCompute.
SET odps.sql.type.system.odps2=true;
CREATE EXTERNAL TABLE IF NOT EXISTS `logs_oss` (
  `__time__` STRING,
  `__source__` STRING,
  `ip` STRING,
  `method` STRING,
  `path` STRING,
  `status` STRING,
  `bytes` STRING,
  `latency` STRING,
  `referer` STRING,
  `ua` STRING,
  `request_id` STRING
)
PARTITIONED BY (`ds` STRING)
ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.OpenCSVSerde'
WITH SERDEPROPERTIES ('separatorChar'=',', 'quoteChar'='"', 'escapeChar'='\\', 'odps.properties.rolearn'='acs:ram::<account-id>:role/aliyunodpsdefaultrole')
STORED AS TEXTFILE
LOCATION 'oss://oss-cn-hangzhou.aliyuncs.com/shiplens-sample/nginx-access-csv/'
TBLPROPERTIES ('io.compression.codecs'='com.aliyun.odps.io.compress.SnappyRawCodec');
ALTER TABLE logs_oss ADD IF NOT EXISTS PARTITION (`ds`='20261124');
-- The window, pushed into the partition column and applied to __time__ (Unix seconds):
SET odps.sql.timezone=GMT+08:00;
WITH logs AS (SELECT `__source__`, `ip`, `method`, `path`, `status`, `bytes`, `latency`, `referer`, `ua`, `request_id`, `ds`, FROM_UNIXTIME(CAST(`__time__` AS BIGINT)) AS `__time__` FROM logs_oss WHERE ((`ds`='20261124')) AND CAST(`__time__` AS BIGINT) >= 1795485600 AND CAST(`__time__` AS BIGINT) < 1795492800)
SELECT status, count(*) AS n FROM logs GROUP BY status ORDER BY n DESC;
