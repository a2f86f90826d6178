-- shiplens query hand-off for Spark SQL: logs of [2026-11-24 10:00:00+08:00, 2026-11-24 12:00:00+08:00) (parquet, none)
-- under oss://shiplens-sample/nginx-access-parquet: 27 objects, 99849 bytes, 27 partitions (task-time lag included).
-- The SQL below is passed as written (DuckDB SQL): translate DuckDB-only functions for this engine.
-- hadoop-aliyun (org.apache.hadoop:hadoop-aliyun) on the classpath; keys from the environment, never in the script.
SET spark.hadoop.fs.oss.impl=org.apache.hadoop.fs.aliyun.oss.AliyunOSSFileSystem;
SET spark.hadoop.fs.oss.endpoint=oss-cn-hangzhou.aliyuncs.com;
SET spark.hadoop.fs.oss.accessKeyId=${OSS_ACCESS_KEY_ID};
SET spark.hadoop.fs.oss.accessKeySecret=${OSS_ACCESS_KEY_SECRET};
-- Log Service writes Parquet strings as BINARY without the UTF8 annotation (SPEC §3).
SET spark.sql.parquet.binaryAsString=true;
SET spark.sql.session.timeZone=+08:00;
CREATE OR REPLACE TEMPORARY VIEW logs AS
  SELECT `__source__`, `ip`, `method`, `path`, `status`, `bytes`, `latency`, `upstream_ms`, `cached`, `ua`, `request_id`, CAST(`__time__` AS TIMESTAMP) AS `__time__`, input_file_name() AS `_key` FROM parquet.`oss://shiplens-sample/nginx-access-parquet/year=2026/mon=11/day=24/` WHERE `__time__` >= 1795485600 AND `__time__` < 1795492800;
SELECT status, count(*) AS n FROM logs GROUP BY status ORDER BY n DESC;
