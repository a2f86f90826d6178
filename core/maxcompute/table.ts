/**
 * The MaxCompute table a DataWorks job writes into (SPEC §9): CREATE TABLE for the mapped
 * columns, partitioned by the writer's partition columns (`pt` by default), and what the
 * write mode (truncate) does.
 */
import type { ParquetColumnType } from '../model/rule';
import { parquetSqlType } from '../shipping/ddl';
import type { DataWorksJob } from './job';

/** One column of the table: its name, type and the log field it comes from. */
export interface MaxComputeColumn {
  name: string;
  type: string;
  source: string;
}

/** Input for `tableDdl`. */
export interface TableSpec {
  table: string;
  columns: MaxComputeColumn[];
  /** Partition columns (STRING); default `['pt']`. */
  partitionColumns?: string[];
  /** Days before MaxCompute drops old partitions (omitted: keep forever). */
  lifecycleDays?: number;
}

function ident(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

function comment(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Names of the partition columns in a writer partition spec (`pt=…,hh=…` → pt, hh). */
export function tablePartitionColumns(partition: string): string[] {
  if (partition.trim() === '') return [];
  return partition
    .split(/[,/](?![^{[]*[}\]])/)
    .map((p) => p.split('=')[0]?.trim() ?? '')
    .filter((n) => n !== '');
}

/** The table's columns for a job: writer names, types from the fields' Parquet types (else STRING). */
export function tableColumnsOfJob(job: DataWorksJob, types: Record<string, ParquetColumnType> = {}): MaxComputeColumn[] {
  return job.writer.column.map((name, i) => {
    const source = job.reader.column[i] ?? '';
    const type = types[source];
    return { name, type: type ? parquetSqlType[type] : 'STRING', source };
  });
}

/** `CREATE TABLE IF NOT EXISTS` for the spec (MaxCompute 2.0 types, so INT and FLOAT are allowed). */
export function tableDdl(spec: TableSpec): string {
  const partitions = spec.partitionColumns ?? ['pt'];
  const columns = spec.columns.map((c) => `  ${ident(c.name)} ${c.type}${c.source ? ` COMMENT ${comment(`log field ${c.source}`)}` : ''}`);
  const lines = ['SET odps.sql.type.system.odps2=true;', `CREATE TABLE IF NOT EXISTS ${ident(spec.table)} (`, columns.join(',\n'), ')'];
  if (partitions.length > 0) lines.push(`PARTITIONED BY (${partitions.map((p) => `${ident(p)} STRING`).join(', ')})`);
  if (spec.lifecycleDays !== undefined) lines.push(`LIFECYCLE ${spec.lifecycleDays}`);
  lines[lines.length - 1] += ';';
  return `${lines.join('\n')}\n`;
}

/** The table DDL for a job (partition columns from its writer). */
export function tableDdlOfJob(job: DataWorksJob, types: Record<string, ParquetColumnType> = {}): string {
  return tableDdl({
    table: job.writer.table,
    columns: tableColumnsOfJob(job, types),
    partitionColumns: tablePartitionColumns(job.writer.partition),
  });
}

/** What the writer's truncate setting does, as the document explains it. */
export function tableWriteMode(truncate: boolean): { statement: string; en: string; 'zh-CN': string } {
  if (truncate) {
    return {
      statement: 'INSERT OVERWRITE',
      en: 'truncate: true — insert overwrite: each run first clears the partition it writes (the whole table when there is none), so a rerun replaces its data instead of duplicating it. Runs that write the same partition replace each other.',
      'zh-CN':
        'truncate: true — insert overwrite：每次运行先清空要写入的分区（无分区时为整张表），重跑会替换数据而不会重复。写入同一分区的多次运行会相互覆盖。',
    };
  }
  return {
    statement: 'INSERT INTO',
    en: 'truncate: false — insert into: each run appends to the partition, so runs sharing a partition accumulate, and a rerun of the same window duplicates its rows.',
    'zh-CN': 'truncate: false — insert into：每次运行向分区追加数据，共用分区的多次运行会累积，重跑同一时间窗口会产生重复行。',
  };
}
