-- shiplens query hand-off for DuckDB: logs of [2026-11-24 10:00:00+08:00, 2026-11-24 12:00:00+08:00) (parquet, none)
-- under oss://shiplens-sample/nginx-access-parquet: 27 objects, 99849 bytes, 27 partitions (task-time lag included).
-- The SQL below is passed as written (DuckDB SQL): translate DuckDB-only functions for this engine.
INSTALL httpfs; LOAD httpfs;
CREATE OR REPLACE SECRET oss (TYPE s3, KEY_ID getenv('OSS_ACCESS_KEY_ID'), SECRET getenv('OSS_ACCESS_KEY_SECRET'), ENDPOINT 'oss-cn-hangzhou.aliyuncs.com', REGION 'cn-hangzhou', URL_STYLE 'vhost');
SET TimeZone = '+08:00';
CREATE OR REPLACE TEMP VIEW logs AS SELECT * REPLACE (to_timestamp(TRY_CAST("__time__" AS BIGINT)) AS "__time__") FROM read_parquet(['s3://shiplens-sample/nginx-access-parquet/year=2026/mon=11/day=24/log_100029_1795485629643857151_4410408.snappy.parquet',
  's3://shiplens-sample/nginx-access-parquet/year=2026/mon=11/day=24/log_100529_1795485929349951171_4410409.snappy.parquet',
  's3://shiplens-sample/nginx-access-parquet/year=2026/mon=11/day=24/log_101029_1795486229354158260_4410410.snappy.parquet',
  's3://shiplens-sample/nginx-access-parquet/year=2026/mon=11/day=24/log_101529_1795486529929544206_4410411.snappy.parquet',
  's3://shiplens-sample/nginx-access-parquet/year=2026/mon=11/day=24/log_102029_1795486829271591159_4410412.snappy.parquet',
  's3://shiplens-sample/nginx-access-parquet/year=2026/mon=11/day=24/log_102529_1795487129718751319_4410413.snappy.parquet',
  's3://shiplens-sample/nginx-access-parquet/year=2026/mon=11/day=24/log_103029_1795487429944043477_4410414.snappy.parquet',
  's3://shiplens-sample/nginx-access-parquet/year=2026/mon=11/day=24/log_103529_1795487729296607719_4410415.snappy.parquet',
  's3://shiplens-sample/nginx-access-parquet/year=2026/mon=11/day=24/log_104029_1795488029445725727_4410416.snappy.parquet',
  's3://shiplens-sample/nginx-access-parquet/year=2026/mon=11/day=24/log_104529_1795488329966810418_4410417.snappy.parquet',
  's3://shiplens-sample/nginx-access-parquet/year=2026/mon=11/day=24/log_105029_1795488629060874717_4410418.snappy.parquet',
  's3://shiplens-sample/nginx-access-parquet/year=2026/mon=11/day=24/log_105529_1795488929191526668_4410419.snappy.parquet',
  's3://shiplens-sample/nginx-access-parquet/year=2026/mon=11/day=24/log_110029_1795489229920730113_4410420.snappy.parquet',
  's3://shiplens-sample/nginx-access-parquet/year=2026/mon=11/day=24/log_110529_1795489529417799921_4410421.snappy.parquet',
  's3://shiplens-sample/nginx-access-parquet/year=2026/mon=11/day=24/log_111029_1795489829292394855_4410422.snappy.parquet',
  's3://shiplens-sample/nginx-access-parquet/year=2026/mon=11/day=24/log_111529_1795490129097407114_4410423.snappy.parquet',
  's3://shiplens-sample/nginx-access-parquet/year=2026/mon=11/day=24/log_112029_1795490429209417999_4410424.snappy.parquet',
  's3://shiplens-sample/nginx-access-parquet/year=2026/mon=11/day=24/log_112529_1795490729668299852_4410425.snappy.parquet',
  's3://shiplens-sample/nginx-access-parquet/year=2026/mon=11/day=24/log_113029_1795491029416888990_4410426.snappy.parquet',
  's3://shiplens-sample/nginx-access-parquet/year=2026/mon=11/day=24/log_113529_1795491329335326815_4410427.snappy.parquet',
  's3://shiplens-sample/nginx-access-parquet/year=2026/mon=11/day=24/log_114029_1795491629705503958_4410428.snappy.parquet',
  's3://shiplens-sample/nginx-access-parquet/year=2026/mon=11/day=24/log_114529_1795491929525662321_4410429.snappy.parquet',
  's3://shiplens-sample/nginx-access-parquet/year=2026/mon=11/day=24/log_115029_1795492229567202638_4410430.snappy.parquet',
  's3://shiplens-sample/nginx-access-parquet/year=2026/mon=11/day=24/log_115529_1795492529249194822_4410431.snappy.parquet',
  's3://shiplens-sample/nginx-access-parquet/year=2026/mon=11/day=24/log_120029_1795492829581590684_4410432.snappy.parquet',
  's3://shiplens-sample/nginx-access-parquet/year=2026/mon=11/day=24/log_120529_1795493129765050392_4410433.snappy.parquet',
  's3://shiplens-sample/nginx-access-parquet/year=2026/mon=11/day=24/log_121029_1795493429406961962_4410434.snappy.parquet'], filename = '_key', union_by_name = true)
WHERE TRY_CAST("__time__" AS BIGINT) >= 1795485600 AND TRY_CAST("__time__" AS BIGINT) < 1795492800;
SELECT status, count(*) AS n FROM logs GROUP BY status ORDER BY n DESC;
