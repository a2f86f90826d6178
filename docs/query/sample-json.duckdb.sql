-- shiplens query hand-off for DuckDB: logs of [2026-11-24 10:00:00+08:00, 2026-11-24 12:00:00+08:00) (json, none)
-- under oss://shiplens-sample/nginx-access-json: 27 objects, 166944 bytes, 27 partitions (task-time lag included).
-- The SQL below is passed as written (DuckDB SQL): translate DuckDB-only functions for this engine.
INSTALL httpfs; LOAD httpfs;
CREATE OR REPLACE SECRET oss (TYPE s3, KEY_ID getenv('OSS_ACCESS_KEY_ID'), SECRET getenv('OSS_ACCESS_KEY_SECRET'), ENDPOINT 'oss-cn-hangzhou.aliyuncs.com', REGION 'cn-hangzhou', URL_STYLE 'vhost');
SET TimeZone = '+08:00';
CREATE OR REPLACE TEMP VIEW logs AS SELECT * REPLACE (to_timestamp(TRY_CAST("__time__" AS BIGINT)) AS "__time__") FROM read_json(['s3://shiplens-sample/nginx-access-json/2026/11/24/10/00_1795485643965223858_2850408',
  's3://shiplens-sample/nginx-access-json/2026/11/24/10/05_1795485943752683633_2850409',
  's3://shiplens-sample/nginx-access-json/2026/11/24/10/10_1795486243517311790_2850410',
  's3://shiplens-sample/nginx-access-json/2026/11/24/10/15_1795486543299633865_2850411',
  's3://shiplens-sample/nginx-access-json/2026/11/24/10/20_1795486843893358754_2850412',
  's3://shiplens-sample/nginx-access-json/2026/11/24/10/25_1795487143551466128_2850413',
  's3://shiplens-sample/nginx-access-json/2026/11/24/10/30_1795487443465518295_2850414',
  's3://shiplens-sample/nginx-access-json/2026/11/24/10/35_1795487743673362481_2850415',
  's3://shiplens-sample/nginx-access-json/2026/11/24/10/40_1795488043507154421_2850416',
  's3://shiplens-sample/nginx-access-json/2026/11/24/10/45_1795488343059026863_2850417',
  's3://shiplens-sample/nginx-access-json/2026/11/24/10/50_1795488643309361623_2850418',
  's3://shiplens-sample/nginx-access-json/2026/11/24/10/55_1795488943068588574_2850419',
  's3://shiplens-sample/nginx-access-json/2026/11/24/11/00_1795489243049684206_2850420',
  's3://shiplens-sample/nginx-access-json/2026/11/24/11/05_1795489543221786614_2850421',
  's3://shiplens-sample/nginx-access-json/2026/11/24/11/10_1795489843494513852_2850422',
  's3://shiplens-sample/nginx-access-json/2026/11/24/11/15_1795490143697273453_2850423',
  's3://shiplens-sample/nginx-access-json/2026/11/24/11/20_1795490443697547590_2850424',
  's3://shiplens-sample/nginx-access-json/2026/11/24/11/25_1795490743722493320_2850425',
  's3://shiplens-sample/nginx-access-json/2026/11/24/11/30_1795491043263227127_2850426',
  's3://shiplens-sample/nginx-access-json/2026/11/24/11/35_1795491343364583113_2850427',
  's3://shiplens-sample/nginx-access-json/2026/11/24/11/40_1795491643165685646_2850428',
  's3://shiplens-sample/nginx-access-json/2026/11/24/11/45_1795491943116966582_2850429',
  's3://shiplens-sample/nginx-access-json/2026/11/24/11/50_1795492243802499699_2850430',
  's3://shiplens-sample/nginx-access-json/2026/11/24/11/55_1795492543443441768_2850431',
  's3://shiplens-sample/nginx-access-json/2026/11/24/12/00_1795492843198464724_2850432',
  's3://shiplens-sample/nginx-access-json/2026/11/24/12/05_1795493143457485694_2850433',
  's3://shiplens-sample/nginx-access-json/2026/11/24/12/10_1795493443714804235_2850434'], format = 'newline_delimited', filename = '_key', union_by_name = true)
WHERE TRY_CAST("__time__" AS BIGINT) >= 1795485600 AND TRY_CAST("__time__" AS BIGINT) < 1795492800;
SELECT status, count(*) AS n FROM logs GROUP BY status ORDER BY n DESC;
