/**
 * Scale-out hand-off (issue 15 point 4): the same range and SQL for the engines Log Service
 * users have, for when a plan outgrows one machine. Each text defines `logs` over exactly the
 * planned objects or partitions with the window applied, then runs the SQL as written (it is
 * DuckDB SQL: functions special to DuckDB need translating; the header says so).
 *
 * - MaxCompute: OSS external table (raw snappy JSON/CSV through SnappyRawCodec, Parquet
 *   stored as PARQUET), ALTER TABLE … ADD PARTITION for the planned partitions, the window
 *   pushed into the partition column.
 * - Spark SQL (Parquet): hadoop-aliyun `fs.oss.*` settings, the planned partition folders.
 * - Trino (Parquet): `s3://` with the OSS endpoint, virtual-host style (`oss://` is not
 *   supported there), a Hive table with the planned partitions registered.
 * - DuckDB over OSS (Parquet, or uncompressed JSON/CSV): an S3 secret with URL_STYLE 'vhost',
 *   the exact planned objects.
 * Credentials are never written: `${OSS_ACCESS_KEY_ID}` placeholders stand for them.
 */
import { ddlGenerate, ddlLayoutOf, ddlOssRoot, partitionFormatRender } from '../../core/shipping';
import type { ParquetColumnType } from '../../core/model';
import type { RangePlan, RangeObject } from './rangePlan';
import { rangeShippingRule } from './rangeSpec';
import { rangeTimeText } from './rangeValues';

/** Engines `--emit` writes for. */
export type RangeEmitEngine = 'maxcompute' | 'spark' | 'trino' | 'duckdb';

/** Where the range's objects live in OSS and how to reach it. */
export interface RangeEmitTarget {
  bucket: string;
  /** Prefix the partition format is rendered under (the location's). */
  prefix: string;
  endpoint?: string;
  region?: string;
  /** JSON/CSV log keys (JSON rules do not list theirs). */
  columns?: string[];
}

interface Ctx {
  plan: RangePlan;
  target: RangeEmitTarget;
  sql: string;
  fromSec: number;
  toSec: number;
}

const q = (text: string): string => `'${text.replace(/'/g, "''")}'`;
const bq = (name: string): string => `\`${name.replace(/`/g, '``')}\``;
const dq = (name: string): string => `"${name.replace(/"/g, '""')}"`;

function header(c: Ctx, engine: string): string[] {
  const { plan } = c;
  const zone = plan.spec.rule.timeZone;
  const us = (ms: number): bigint => BigInt(ms) * 1000n;
  return [
    `-- shiplens query hand-off for ${engine}: logs of [${rangeTimeText(us(plan.spec.fromMs), zone)}, ${rangeTimeText(us(plan.spec.toMs), zone)}) (${plan.spec.rule.format}, ${plan.spec.rule.compression})`,
    `-- under oss://${c.target.bucket}/${c.target.prefix}: ${plan.totals.objects} objects, ${plan.totals.bytes} bytes, ${plan.totals.partitions} partitions (task-time lag included).`,
    '-- The SQL below is passed as written (DuckDB SQL): translate DuckDB-only functions for this engine.',
  ];
}

function ossKey(c: Ctx, o: RangeObject): string {
  const p = c.target.prefix.replace(/^\/+|\/+$/g, '');
  return o.key.startsWith(`${p}/`) || p === '' ? o.key : `${p}/${o.key}`;
}

/** Planned partition folders (all levels but the file name), each once, oldest first. */
function partitionDirs(c: Ctx): { dir: string; object: RangeObject }[] {
  const seen = new Map<string, RangeObject>();
  for (const o of c.plan.objects) {
    const dir = o.partitionPath.split('/').slice(0, -1).join('/');
    if (!seen.has(dir)) seen.set(dir, o);
  }
  return [...seen.entries()].map(([dir, object]) => ({ dir, object }));
}

function parquetColumns(c: Ctx): { name: string; type: ParquetColumnType }[] {
  return c.plan.spec.rule.parquet?.columns ?? [{ name: '__time__', type: 'int64' }];
}

function maxcompute(c: Ctx): string {
  const rule = { ...rangeShippingRule(c.plan.spec), bucket: c.target.bucket, prefix: c.target.prefix, name: 'logs_oss' };
  const columns = (c.target.columns ?? ['__time__', '__topic__', '__source__']).map((name) => ({
    name,
    type: name === '__time__' ? ('int64' as const) : ('string' as const),
  }));
  const ddl = ddlGenerate(rule, 'maxcompute', { table: 'logs_oss', endpoint: c.target.endpoint, columns, partitionColumn: 'dt' });
  const body = ddl.sql.split('\n').filter((l) => !/^(-- Directories are not Hive-style|-- ALTER TABLE|MSCK REPAIR)/.test(l) && l !== '');
  const layout = ddlLayoutOf(rule, ddlOssRoot(rule.bucket, rule.prefix, c.target.endpoint ?? '<oss-internal-endpoint>'));
  const zone = c.plan.spec.rule.timeZone;
  const adds: string[] = [];
  const values: string[] = [];
  const specs: string[] = [];
  for (const { dir, object } of partitionDirs(c)) {
    if (layout.kind === 'hive') {
      const spec = Object.entries(object.hiveColumns).map(([k, v]) => `${bq(k)}=${q(v)}`);
      adds.push(`ALTER TABLE logs_oss ADD IF NOT EXISTS PARTITION (${spec.join(', ')});`);
      specs.push(`(${spec.join(' AND ')})`);
    } else if (layout.kind === 'dated') {
      const value = partitionFormatRender(layout.valueFormat, object.taskTimeMs, zone);
      values.push(value);
      adds.push(`ALTER TABLE logs_oss ADD IF NOT EXISTS PARTITION (dt=${q(value)}) LOCATION ${q(`${layout.root}${dir}/`)};`);
    }
  }
  const prune =
    layout.kind === 'dated' && values.length > 0
      ? `dt >= ${q(values[0] as string)} AND dt <= ${q(values[values.length - 1] as string)} AND `
      : specs.length > 0
        ? `(${specs.join(' OR ')}) AND `
        : '';
  const seconds = 'CAST(`__time__` AS BIGINT)';
  const fields = columns.filter((col) => col.name !== '__time__').map((col) => bq(col.name));
  const hive = layout.kind === 'hive' ? layout.columns.map(bq) : [];
  return [
    ...header(c, 'MaxCompute'),
    ...body,
    ...adds,
    `-- The window, pushed into the partition column and applied to __time__ (Unix seconds):`,
    `SET odps.sql.timezone=${zone.startsWith('+') || zone.startsWith('-') ? `GMT${zone}` : zone};`,
    `WITH logs AS (SELECT ${[...fields, ...hive, `FROM_UNIXTIME(${seconds}) AS \`__time__\``].join(', ')} FROM logs_oss WHERE ${prune}${seconds} >= ${c.fromSec} AND ${seconds} < ${c.toSec})`,
    `${c.sql.trim().replace(/;\s*$/, '')};`,
    '',
  ].join('\n');
}

function refuse(c: Ctx, engine: string): string {
  const rule = c.plan.spec.rule;
  return [
    ...header(c, engine),
    `-- ${engine} cannot read ${rule.format.toUpperCase()} + snappy objects: each is one raw Snappy block (C++ snappy::Compress), not Hadoop's SnappyCodec stream.`,
    '-- Options: --emit maxcompute (MaxCompute reads them through SnappyRawCodec); decompress them with `shiplens decode` into another prefix; or ship Parquet.',
    '',
  ].join('\n');
}

function spark(c: Ctx): string {
  if (c.plan.spec.rule.format !== 'parquet') return refuse(c, 'Spark SQL');
  const root = `oss://${c.target.bucket}/${c.target.prefix.replace(/^\/+|\/+$/g, '')}/`.replace(/\/+$/, '/');
  const cols = parquetColumns(c)
    .filter((col) => col.name !== '__time__')
    .map((col) => bq(col.name));
  const selects = partitionDirs(c).map(
    ({ dir }) =>
      `  SELECT ${[...cols, 'CAST(`__time__` AS TIMESTAMP) AS `__time__`', 'input_file_name() AS `_key`'].join(', ')} FROM parquet.${bq(`${root}${dir}/`)} WHERE \`__time__\` >= ${c.fromSec} AND \`__time__\` < ${c.toSec}`,
  );
  return [
    ...header(c, 'Spark SQL'),
    '-- hadoop-aliyun (org.apache.hadoop:hadoop-aliyun) on the classpath; keys from the environment, never in the script.',
    'SET spark.hadoop.fs.oss.impl=org.apache.hadoop.fs.aliyun.oss.AliyunOSSFileSystem;',
    `SET spark.hadoop.fs.oss.endpoint=${c.target.endpoint ?? '<oss-endpoint>'};`,
    'SET spark.hadoop.fs.oss.accessKeyId=${OSS_ACCESS_KEY_ID};',
    'SET spark.hadoop.fs.oss.accessKeySecret=${OSS_ACCESS_KEY_SECRET};',
    '-- Log Service writes Parquet strings as BINARY without the UTF8 annotation (SPEC §3).',
    'SET spark.sql.parquet.binaryAsString=true;',
    `SET spark.sql.session.timeZone=${c.plan.spec.rule.timeZone};`,
    'CREATE OR REPLACE TEMPORARY VIEW logs AS',
    `${selects.join('\n  UNION ALL\n')};`,
    `${c.sql.trim().replace(/;\s*$/, '')};`,
    '',
  ].join('\n');
}

const trinoType: Record<ParquetColumnType, string> = {
  string: 'varchar',
  boolean: 'boolean',
  int32: 'integer',
  int64: 'bigint',
  float: 'real',
  double: 'double',
};

function trinoPartitions(c: Ctx, root: string): { columns: string[]; registers: string[]; filter: string } {
  const dirs = partitionDirs(c);
  const hive = Object.keys(dirs[0]?.object.hiveColumns ?? {});
  // Hive-style folders keep their own columns; other folders become one `dir` column.
  const columns = hive.length > 0 ? hive : ['dir'];
  const valuesOf = (d: (typeof dirs)[number]): string[] => (hive.length > 0 ? hive.map((h) => d.object.hiveColumns[h] ?? '') : [d.dir]);
  const registers = dirs.map(
    (d) =>
      `CALL hive.system.register_partition('default', 'logs_oss', ARRAY[${columns.map(q).join(', ')}], ARRAY[${valuesOf(d).map(q).join(', ')}], ${q(`${root}${d.dir}/`)});`,
  );
  const filter = dirs.map((d) => `(${columns.map((col, i) => `${dq(col)} = ${q(valuesOf(d)[i] as string)}`).join(' AND ')})`).join(' OR ');
  return { columns, registers, filter: filter || 'true' };
}

function trino(c: Ctx): string {
  if (c.plan.spec.rule.format !== 'parquet') return refuse(c, 'Trino');
  const prefix = c.target.prefix.replace(/^\/+|\/+$/g, '');
  const root = `s3://${c.target.bucket}/${prefix ? `${prefix}/` : ''}`;
  const parts = trinoPartitions(c, root);
  const cols = [
    ...parquetColumns(c).map((col) => `  ${dq(col.name)} ${trinoType[col.type]}`),
    ...parts.columns.map((col) => `  ${dq(col)} varchar`),
  ];
  const names = [
    ...parquetColumns(c)
      .filter((col) => col.name !== '__time__')
      .map((col) => dq(col.name)),
    ...parts.columns.map(dq),
  ];
  return [
    ...header(c, 'Trino'),
    '-- etc/catalog/hive.properties (OSS through the S3 API; Trino has no oss:// scheme):',
    '--   connector.name=hive',
    '--   fs.native-s3.enabled=true',
    `--   s3.endpoint=https://${c.target.endpoint ?? '<oss-endpoint>'}`,
    `--   s3.region=${c.target.region ?? '<region>'}`,
    '--   s3.path-style-access=false   (OSS wants virtual-host style)',
    '--   s3.aws-access-key=${OSS_ACCESS_KEY_ID}',
    '--   s3.aws-secret-key=${OSS_ACCESS_KEY_SECRET}',
    '--   hive.allow-register-partition-procedure=true',
    `CREATE TABLE IF NOT EXISTS hive.default.logs_oss (\n${cols.join(',\n')}\n) WITH (format = 'PARQUET', external_location = ${q(root)}, partitioned_by = ARRAY[${parts.columns.map(q).join(', ')}]);`,
    ...parts.registers,
    `WITH logs AS (SELECT ${[...names, `from_unixtime("__time__", ${q(c.plan.spec.rule.timeZone)}) AS "__time__"`, '"$path" AS "_key"'].join(', ')} FROM hive.default.logs_oss WHERE (${parts.filter}) AND "__time__" >= ${c.fromSec} AND "__time__" < ${c.toSec})`,
    `${c.sql.trim().replace(/;\s*$/, '')};`,
    '',
  ].join('\n');
}

function duckdb(c: Ctx): string {
  const rule = c.plan.spec.rule;
  if (rule.compression === 'snappy' && rule.format !== 'parquet') return refuse(c, 'DuckDB');
  const files = `[${c.plan.objects.map((o) => q(`s3://${c.target.bucket}/${ossKey(c, o)}`)).join(',\n  ')}]`;
  const reader =
    rule.format === 'parquet'
      ? `read_parquet(${files}, filename = '_key', union_by_name = true)`
      : rule.format === 'json'
        ? `read_json(${files}, format = 'newline_delimited', filename = '_key', union_by_name = true)`
        : `read_csv(${files}, filename = '_key', delim = ${q(rule.csv?.delimiter ?? ',')}, quote = ${q(rule.csv?.quote ?? '"')}, header = ${rule.csv?.header ? 'true' : 'false'}, columns = {${(rule.csv?.columns ?? []).map((n) => `${q(n)}: 'VARCHAR'`).join(', ')}})`;
  return [
    ...header(c, 'DuckDB'),
    'INSTALL httpfs; LOAD httpfs;',
    `CREATE OR REPLACE SECRET oss (TYPE s3, KEY_ID getenv('OSS_ACCESS_KEY_ID'), SECRET getenv('OSS_ACCESS_KEY_SECRET'), ENDPOINT ${q(c.target.endpoint ?? '<oss-endpoint>')}, REGION ${q(c.target.region ?? '<region>')}, URL_STYLE 'vhost');`,
    `SET TimeZone = ${q(rule.timeZone)};`,
    `CREATE OR REPLACE TEMP VIEW logs AS SELECT * REPLACE (to_timestamp(TRY_CAST("__time__" AS BIGINT)) AS "__time__") FROM ${reader}`,
    `WHERE TRY_CAST("__time__" AS BIGINT) >= ${c.fromSec} AND TRY_CAST("__time__" AS BIGINT) < ${c.toSec};`,
    `${c.sql.trim().replace(/;\s*$/, '')};`,
    '',
  ].join('\n');
}

/** The hand-off text of a planned range for `engine`. */
export function rangeEmit(engine: RangeEmitEngine, plan: RangePlan, target: RangeEmitTarget, sql: string): string {
  const c: Ctx = { plan, target, sql, fromSec: Math.ceil(plan.spec.fromMs / 1000), toSec: Math.ceil(plan.spec.toMs / 1000) };
  if (engine === 'maxcompute') return maxcompute(c);
  if (engine === 'spark') return spark(c);
  return engine === 'trino' ? trino(c) : duckdb(c);
}
