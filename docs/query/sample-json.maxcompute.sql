-- shiplens query hand-off for MaxCompute: logs of [2026-11-24 10:00:00+08:00, 2026-11-24 12:00:00+08:00) (json, none)
-- under oss://shiplens-sample/nginx-access-json: 27 objects, 166944 bytes, 27 partitions (task-time lag included).
-- The SQL below is passed as written (DuckDB SQL): translate DuckDB-only functions for this engine.
-- shiplens: MaxCompute table over rule "logs_oss" (json, none), partition format %Y/%m/%d/%H/%M
SET odps.sql.type.system.odps2=true;
CREATE EXTERNAL TABLE IF NOT EXISTS `logs_oss` (
  `__time__` BIGINT,
  `__topic__` STRING,
  `__source__` STRING,
  `ip` STRING,
  `method` STRING,
  `path` STRING,
  `status` STRING,
  `bytes` STRING,
  `latency` STRING,
  `ua` STRING,
  `request_id` STRING,
  `cached` STRING,
  `upstream_ms` STRING,
  `referer` STRING
)
PARTITIONED BY (`dt` STRING)
ROW FORMAT SERDE 'org.apache.hive.hcatalog.data.JsonSerDe'
WITH SERDEPROPERTIES ('odps.properties.rolearn'='acs:ram::<account-id>:role/aliyunodpsdefaultrole')
STORED AS TEXTFILE
LOCATION 'oss://oss-cn-hangzhou.aliyuncs.com/shiplens-sample/nginx-access-json/';
ALTER TABLE logs_oss ADD IF NOT EXISTS PARTITION (dt='2026112410') LOCATION 'oss://oss-cn-hangzhou.aliyuncs.com/shiplens-sample/nginx-access-json/2026/11/24/10/';
ALTER TABLE logs_oss ADD IF NOT EXISTS PARTITION (dt='2026112411') LOCATION 'oss://oss-cn-hangzhou.aliyuncs.com/shiplens-sample/nginx-access-json/2026/11/24/11/';
ALTER TABLE logs_oss ADD IF NOT EXISTS PARTITION (dt='2026112412') LOCATION 'oss://oss-cn-hangzhou.aliyuncs.com/shiplens-sample/nginx-access-json/2026/11/24/12/';
-- The window, pushed into the partition column and applied to __time__ (Unix seconds):
SET odps.sql.timezone=GMT+08:00;
WITH logs AS (SELECT `__topic__`, `__source__`, `ip`, `method`, `path`, `status`, `bytes`, `latency`, `ua`, `request_id`, `cached`, `upstream_ms`, `referer`, FROM_UNIXTIME(CAST(`__time__` AS BIGINT)) AS `__time__` FROM logs_oss WHERE dt >= '2026112410' AND dt <= '2026112412' AND CAST(`__time__` AS BIGINT) >= 1795485600 AND CAST(`__time__` AS BIGINT) < 1795492800)
SELECT status, count(*) AS n FROM logs GROUP BY status ORDER BY n DESC;
