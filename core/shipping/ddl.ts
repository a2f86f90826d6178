/**
 * DDL for distributed engines over what a rule ships (SPEC §6): Hive external tables (JSON SerDe,
 * OpenCSVSerde, Parquet), Spark SQL datasource tables and MaxCompute OSS external tables.
 *
 * Hive-style directories become partition columns the engine discovers (MSCK REPAIR TABLE);
 * other dated directories become one partition column `dt` added per directory with its
 * LOCATION for a given time range. Whole-file raw snappy JSON/CSV is not Hadoop's SnappyCodec
 * stream: MaxCompute reads it through its SnappyRawCodec (SPEC §9), Hive and Spark cannot, and
 * their output says so instead of a table that would read garbage.
 */
import { ddlFileNamesHidden, ddlLayoutOf, ddlOssRoot, ddlPartitions } from './ddlLayout';
import type { DdlLayout, DdlPartition } from './ddlLayout';
import type { ParquetColumnType, ShippingRule } from '../model/rule';

/** Engines the DDL generator writes for. */
export type DdlEngine = 'hive' | 'spark' | 'maxcompute';

/** Naming and location choices for `ddlGenerate`. */
export interface DdlOptions {
  /** Table name (default: the rule name with non-word characters as '_'). */
  table?: string;
  /** OSS endpoint for MaxCompute LOCATION (default: the export job's endpoint, else a placeholder). */
  endpoint?: string;
  /** Columns for JSON rules, which do not list theirs (default `__time__`, `__topic__`, `__source__`). */
  columns?: { name: string; type: ParquetColumnType }[];
  /** Partition directories to add for non-Hive layouts: task times [fromMs, toMs). */
  fromMs?: number;
  toMs?: number;
  /** Bound on generated partitions (default 1000). */
  maxPartitions?: number;
  /** Name of the partition column of non-Hive dated layouts (default `dt`). */
  partitionColumn?: string;
  /** Role MaxCompute assumes to read OSS (default: aliyunodpsdefaultrole of the rule's account). */
  odpsRoleArn?: string;
}

/** The DDL for one engine, or why that engine cannot read the objects. */
export interface DdlResult {
  engine: DdlEngine;
  /** Statements, or only comments when the engine cannot read the objects. */
  sql: string;
  readable: boolean;
  warnings: string[];
  partitionColumns: string[];
  partitions: DdlPartition[];
}

interface Column {
  name: string;
  type: string;
}

/** SQL types (Hive, Spark SQL, MaxCompute alike) for the Parquet column types Log Service writes (SPEC §3). */
export const parquetSqlType: Readonly<Record<ParquetColumnType, string>> = {
  string: 'STRING',
  boolean: 'BOOLEAN',
  int32: 'INT',
  int64: 'BIGINT',
  float: 'FLOAT',
  double: 'DOUBLE',
};
const engineName: Record<DdlEngine, string> = { hive: 'Hive', spark: 'Spark SQL', maxcompute: 'MaxCompute' };
/** MaxCompute's codec for whole-file raw snappy text (one snappy::Compress block per object). */
export const maxComputeSnappyRawCodec = 'com.aliyun.odps.io.compress.SnappyRawCodec';

function ident(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

function lit(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

function dataColumns(rule: ShippingRule, options: DdlOptions): Column[] {
  if (rule.format === 'parquet')
    return (rule.parquet?.columns ?? []).map((c) => ({ name: c.name, type: parquetSqlType[c.type] ?? 'STRING' }));
  if (rule.format === 'csv') return (rule.csv?.columns ?? []).map((name) => ({ name, type: 'STRING' }));
  const json = options.columns ?? [
    { name: '__time__', type: 'int64' },
    { name: '__topic__', type: 'string' },
    { name: '__source__', type: 'string' },
  ];
  return json.map((c) => ({ name: c.name, type: parquetSqlType[c.type] ?? 'STRING' }));
}

function partitionColumnsOf(layout: DdlLayout): string[] {
  if (layout.kind === 'hive') return layout.columns;
  return layout.kind === 'dated' ? [layout.column] : [];
}

function unreadable(rule: ShippingRule, engine: DdlEngine): DdlResult {
  const what = rule.format.toUpperCase();
  const message = `${engineName[engine]} cannot read these objects: ${what} + snappy objects are one raw Snappy block per file (C++ snappy::Compress), not Hadoop's SnappyCodec block stream, so the table would fail or read garbage.`;
  const sql = [
    `-- shiplens: no ${engineName[engine]} DDL for rule "${rule.name}" (${rule.format}, snappy).`,
    `-- ${message}`,
    '-- Options:',
    `--   0. MaxCompute reads them as they are through '${maxComputeSnappyRawCodec}': generate its DDL instead;`,
    '--   1. decompress the objects with shiplens (they become plain JSON lines / CSV) into another prefix and create the table over that;',
    '--   2. ship as Parquet instead: snappy inside Parquet is read by Hive, Spark and MaxCompute;',
    '--   3. ship without compression.',
    '',
  ].join('\n');
  return { engine, sql, readable: false, warnings: [message], partitionColumns: [], partitions: [] };
}

function columnLines(columns: Column[]): string {
  return columns.map((c) => `  ${ident(c.name)} ${c.type}`).join(',\n');
}

interface Parts {
  rule: ShippingRule;
  table: string;
  columns: Column[];
  layout: DdlLayout;
  partitions: DdlPartition[];
  warnings: string[];
}

function partitionStatements(p: Parts, engine: DdlEngine): string[] {
  const t = ident(p.table);
  if (p.layout.kind === 'hive') return [engine === 'maxcompute' ? `MSCK REPAIR TABLE ${t} ADD PARTITIONS;` : `MSCK REPAIR TABLE ${t};`];
  if (p.layout.kind !== 'dated') return [];
  const col = ident(p.layout.column);
  if (p.partitions.length === 0) {
    return [
      `-- Directories are not Hive-style: add each one as a partition. Pass a time range to list them, e.g.:`,
      `-- ALTER TABLE ${t} ADD IF NOT EXISTS PARTITION (${col}=${lit(p.layout.valueFormat)}) LOCATION ${lit(`${p.layout.root}${p.layout.dirFormat}/`)};`,
    ];
  }
  return p.partitions.map((x) => `ALTER TABLE ${t} ADD IF NOT EXISTS PARTITION (${col}=${lit(x.value)}) LOCATION ${lit(x.location)};`);
}

function csvSerdeProps(rule: ShippingRule): string[] {
  const csv = rule.csv ?? { delimiter: ',', quote: '"', header: false, nullValue: '', columns: [] };
  // opencsv refuses escape == quote; doubled quotes inside quoted fields are still understood.
  return [`'separatorChar'=${lit(csv.delimiter)}`, `'quoteChar'=${lit(csv.quote)}`, `'escapeChar'=${lit('\\')}`];
}

function hiveDdl(p: Parts): string[] {
  const { rule } = p;
  const partCols = partitionColumnsOf(p.layout);
  const lines = [`CREATE EXTERNAL TABLE IF NOT EXISTS ${ident(p.table)} (`, columnLines(p.columns), ')'];
  if (partCols.length > 0) lines.push(`PARTITIONED BY (${partCols.map((c) => `${ident(c)} STRING`).join(', ')})`);
  if (rule.format === 'parquet') lines.push('STORED AS PARQUET');
  else if (rule.format === 'json') lines.push(`ROW FORMAT SERDE 'org.apache.hive.hcatalog.data.JsonSerDe'`, 'STORED AS TEXTFILE');
  else
    lines.push(
      `ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.OpenCSVSerde'`,
      `WITH SERDEPROPERTIES (${csvSerdeProps(rule).join(', ')})`,
      'STORED AS TEXTFILE',
    );
  lines.push(`LOCATION ${lit(p.layout.root)}`);
  if (rule.format === 'csv' && rule.csv?.header) lines.push(`TBLPROPERTIES ('skip.header.line.count'='1')`);
  lines[lines.length - 1] += ';';
  return [...lines, ...partitionStatements(p, 'hive')];
}

function sparkDdl(p: Parts): string[] {
  const { rule } = p;
  const partCols = partitionColumnsOf(p.layout);
  const cols = [...p.columns, ...partCols.map((name) => ({ name, type: 'STRING' }))];
  const lines: string[] = [];
  // Log Service writes Parquet strings as BINARY without the UTF8 annotation (SPEC §3).
  if (rule.format === 'parquet') lines.push('SET spark.sql.parquet.binaryAsString=true;');
  lines.push(`CREATE TABLE IF NOT EXISTS ${ident(p.table)} (`, columnLines(cols), ')', `USING ${rule.format}`);
  if (rule.format === 'csv') {
    const csv = rule.csv ?? { delimiter: ',', quote: '"', header: false, nullValue: '', columns: [] };
    lines.push(
      `OPTIONS (sep ${lit(csv.delimiter)}, quote ${lit(csv.quote)}, escape ${lit(csv.quote)}, header ${lit(String(csv.header))}, nullValue ${lit(csv.nullValue)}, multiLine 'true')`,
    );
  }
  if (partCols.length > 0) lines.push(`PARTITIONED BY (${partCols.map(ident).join(', ')})`);
  lines.push(`LOCATION ${lit(p.layout.root)};`);
  return [...lines, ...partitionStatements(p, 'spark')];
}

function maxComputeDdl(p: Parts, roleArn: string): string[] {
  const { rule } = p;
  const partCols = partitionColumnsOf(p.layout);
  const props = [`'odps.properties.rolearn'=${lit(roleArn)}`];
  const lines = [
    'SET odps.sql.type.system.odps2=true;',
    `CREATE EXTERNAL TABLE IF NOT EXISTS ${ident(p.table)} (`,
    columnLines(p.columns),
    ')',
  ];
  if (partCols.length > 0) lines.push(`PARTITIONED BY (${partCols.map((c) => `${ident(c)} STRING`).join(', ')})`);
  if (rule.format === 'parquet') lines.push(`ROW FORMAT SERDE 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe'`);
  else if (rule.format === 'json') lines.push(`ROW FORMAT SERDE 'org.apache.hive.hcatalog.data.JsonSerDe'`);
  else {
    lines.push(`ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.OpenCSVSerde'`);
    props.unshift(...csvSerdeProps(rule));
    if (rule.csv?.header) props.push(`'odps.text.option.header.lines.count'='1'`);
  }
  lines.push(
    `WITH SERDEPROPERTIES (${props.join(', ')})`,
    rule.format === 'parquet' ? 'STORED AS PARQUET' : 'STORED AS TEXTFILE',
    `LOCATION ${lit(p.layout.root)}`,
  );
  // Raw snappy JSON/CSV (SPEC §2) is read as it is by MaxCompute's raw-block codec.
  if (rule.format !== 'parquet' && rule.compression === 'snappy')
    lines.push(`TBLPROPERTIES ('io.compression.codecs'=${lit(maxComputeSnappyRawCodec)})`);
  lines[lines.length - 1] += ';';
  return [...lines, ...partitionStatements(p, 'maxcompute')];
}

function collectWarnings(rule: ShippingRule, columns: Column[], partCols: string[], layout: DdlLayout): string[] {
  const warnings: string[] = [];
  if (ddlFileNamesHidden(rule)) {
    warnings.push(
      `Object names start with "_" (partition format "${rule.partitionFormat}" ends with "/"): Hadoop-based engines skip such files as hidden, so the table will look empty.`,
    );
  }
  const clash = partCols.filter((c) => columns.some((d) => d.name.toLowerCase() === c.toLowerCase()));
  if (clash.length > 0)
    warnings.push(`Partition column(s) ${clash.join(', ')} also exist as data columns; rename the data column or the partition directory.`);
  if (layout.kind === 'flat')
    warnings.push('The partition format has no directory levels: every object is in one folder and queries cannot prune by time.');
  if (rule.format === 'csv' && rule.csv && rule.csv.nullValue !== '')
    warnings.push(`Missing keys are written as "${rule.csv.nullValue}"; Hive's OpenCSVSerde reads that as text, not NULL.`);
  if (rule.format === 'csv')
    warnings.push('OpenCSVSerde treats "\\" as an escape character; values containing backslashes may change in Hive and MaxCompute.');
  return warnings;
}

function defaultOdpsRole(rule: ShippingRule): string {
  const account = /^acs:ram::(\d+):/.exec(rule.roleArn)?.[1] ?? '<account-id>';
  return `acs:ram::${account}:role/aliyunodpsdefaultrole`;
}

/** DDL for a rule's objects in Hive, Spark SQL or MaxCompute. */
export function ddlGenerate(rule: ShippingRule, engine: DdlEngine, options: DdlOptions = {}): DdlResult {
  if (rule.compression === 'snappy' && rule.format !== 'parquet' && engine !== 'maxcompute') return unreadable(rule, engine);
  const extraEndpoint = rule.extra?.['/sink/endpoint'];
  const endpoint =
    engine === 'maxcompute'
      ? (options.endpoint ?? (typeof extraEndpoint === 'string' && extraEndpoint ? extraEndpoint : '<oss-internal-endpoint>'))
      : undefined;
  const root = ddlOssRoot(rule.bucket || '<bucket>', rule.prefix, endpoint);
  const layout = ddlLayoutOf(rule, root, options.partitionColumn);
  const columns = dataColumns(rule, options);
  const partitions =
    layout.kind === 'dated' && options.fromMs !== undefined && options.toMs !== undefined
      ? ddlPartitions(layout, rule, options.fromMs, options.toMs, options.maxPartitions ?? 1000)
      : [];
  const table = options.table ?? (rule.name.replace(/\W/g, '_') || 'shipped_logs');
  const warnings = collectWarnings(rule, columns, partitionColumnsOf(layout), layout);
  if (endpoint === '<oss-internal-endpoint>')
    warnings.push(
      'Replace <oss-internal-endpoint> with the OSS internal endpoint of the region (e.g. oss-cn-hangzhou-internal.aliyuncs.com).',
    );
  const p: Parts = { rule, table, columns, layout, partitions, warnings };
  const body =
    engine === 'hive' ? hiveDdl(p) : engine === 'spark' ? sparkDdl(p) : maxComputeDdl(p, options.odpsRoleArn ?? defaultOdpsRole(rule));
  const header = [
    `-- shiplens: ${engineName[engine]} table over rule "${rule.name}" (${rule.format}, ${rule.compression}), partition format ${rule.partitionFormat}`,
    ...warnings.map((w) => `-- WARNING: ${w}`),
  ];
  return {
    engine,
    sql: `${[...header, ...body].join('\n')}\n`,
    readable: true,
    warnings,
    partitionColumns: partitionColumnsOf(layout),
    partitions,
  };
}
