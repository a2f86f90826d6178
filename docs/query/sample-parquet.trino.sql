-- shiplens query hand-off for Trino: logs of [2026-11-24 10:00:00+08:00, 2026-11-24 12:00:00+08:00) (parquet, none)
-- under oss://shiplens-sample/nginx-access-parquet: 27 objects, 99849 bytes, 27 partitions (task-time lag included).
-- The SQL below is passed as written (DuckDB SQL): translate DuckDB-only functions for this engine.
-- etc/catalog/hive.properties (OSS through the S3 API; Trino has no oss:// scheme):
--   connector.name=hive
--   fs.native-s3.enabled=true
--   s3.endpoint=https://oss-cn-hangzhou.aliyuncs.com
--   s3.region=cn-hangzhou
--   s3.path-style-access=false   (OSS wants virtual-host style)
--   s3.aws-access-key=${OSS_ACCESS_KEY_ID}
--   s3.aws-secret-key=${OSS_ACCESS_KEY_SECRET}
--   hive.allow-register-partition-procedure=true
CREATE TABLE IF NOT EXISTS hive.default.logs_oss (
  "__time__" integer,
  "__source__" varchar,
  "ip" varchar,
  "method" varchar,
  "path" varchar,
  "status" integer,
  "bytes" bigint,
  "latency" double,
  "upstream_ms" real,
  "cached" boolean,
  "ua" varchar,
  "request_id" varchar,
  "year" varchar,
  "mon" varchar,
  "day" varchar
) WITH (format = 'PARQUET', external_location = 's3://shiplens-sample/nginx-access-parquet/', partitioned_by = ARRAY['year', 'mon', 'day']);
CALL hive.system.register_partition('default', 'logs_oss', ARRAY['year', 'mon', 'day'], ARRAY['2026', '11', '24'], 's3://shiplens-sample/nginx-access-parquet/year=2026/mon=11/day=24/');
WITH logs AS (SELECT "__source__", "ip", "method", "path", "status", "bytes", "latency", "upstream_ms", "cached", "ua", "request_id", "year", "mon", "day", from_unixtime("__time__", '+08:00') AS "__time__", "$path" AS "_key" FROM hive.default.logs_oss WHERE (("year" = '2026' AND "mon" = '11' AND "day" = '24')) AND "__time__" >= 1795485600 AND "__time__" < 1795492800)
SELECT status, count(*) AS n FROM logs GROUP BY status ORDER BY n DESC;
