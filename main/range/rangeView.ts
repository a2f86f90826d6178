/**
 * The SQL that makes a range's cached files ONE view `logs`: the log fields, the Hive
 * partition columns, `__time__` as TIMESTAMPTZ, `_key` and `_task_time`, with the log-time
 * window applied exactly on `__time__` (half-open [from, to)).
 *
 * Files are read by DuckDB's own readers (read_json / read_csv with the rule's dialect /
 * read_parquet); a small table maps each file back to its object key and partition.
 */
import { timeZoneFixedOffsetMinutes } from '../../core/shipping';
import type { RangeFile } from './rangeFetch';
import type { RangeSpec } from './rangeSpec';

/**
 * Name of the column the readers add: the row's file as its position in the reader's file
 * list (DuckDB's `file_index`, plus the branch's offset). Joining on an integer costs a day's
 * GROUP BY far less than joining on the file name (0.47 s of 2 s under load).
 */
export const rangeFileColumn = '__range_file';

/** A column of a reader: name and DuckDB type. */
export interface RangeColumnType {
  name: string;
  type: string;
}

/** Describes a reader: the columns of `SELECT * FROM <reader>`. */
export type RangeDescribe = (reader: string) => Promise<RangeColumnType[]>;

/** A reader over files, and the files in the order of its file index. */
export interface RangeReader {
  sql: string;
  order: readonly RangeFile[];
}

/** A SQL string literal. */
export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A SQL identifier. */
export function sqlIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

// Fixed offsets with minutes have no Etc/GMT zone; these zones have held them without DST for years.
const offsetZones: Record<number, string> = {
  330: 'Asia/Kolkata',
  345: 'Asia/Kathmandu',
  570: 'Australia/Darwin',
  210: 'Asia/Tehran',
  390: 'Asia/Yangon',
  270: 'Asia/Kabul',
  525: 'Australia/Eucla',
  765: 'Pacific/Chatham',
  [-570]: 'Pacific/Marquesas',
};

/**
 * The DuckDB TimeZone setting for a rule zone (ICU knows IANA names, not `+08:00`), or null
 * when no ICU zone has that fixed offset.
 */
export function rangeDuckTimeZone(zone: string): string | null {
  const minutes = timeZoneFixedOffsetMinutes(zone);
  if (minutes === null) return zone;
  if (minutes === 0) return 'UTC';
  // Etc/GMT signs are inverted (POSIX): UTC+8 is Etc/GMT-8.
  if (minutes % 60 === 0) return `Etc/GMT${minutes > 0 ? '-' : '+'}${Math.abs(minutes / 60)}`;
  return offsetZones[minutes] ?? null;
}

/** Files whose JSON keys stand for the range's (first, last and evenly between). */
export function rangeSampleFiles<T>(files: readonly T[], count = 6): T[] {
  if (files.length <= count) return [...files];
  return Array.from({ length: count }, (_, i) => files[Math.round((i * (files.length - 1)) / (count - 1))] as T);
}

/** The reader over CSV or Parquet files (CSV fields as written, with the rule's dialect; Parquet as typed). */
export function rangeReaderSql(files: readonly RangeFile[], spec: RangeSpec): RangeReader {
  const list = `[${files.map((f) => sqlString(f.file)).join(', ')}]`;
  const rule = spec.rule;
  const select = (reader: string): RangeReader => ({
    sql: `(SELECT *, file_index AS ${sqlIdent(rangeFileColumn)} FROM ${reader})`,
    order: files,
  });
  if (rule.format === 'parquet') return select(`read_parquet(${list}, union_by_name=true)`);
  const csv = rule.csv as NonNullable<typeof rule.csv>;
  const columns = `{${csv.columns.map((c) => `${sqlString(c)}: 'VARCHAR'`).join(', ')}}`;
  return select(
    `read_csv(${list}, auto_detect=false, columns=${columns}, delim=${sqlString(csv.delimiter)}, quote=${sqlString(csv.quote)}, ` +
      `escape=${sqlString(csv.quote)}, header=${csv.header ? 'true' : 'false'}, nullstr=${sqlString(csv.nullValue)}, strict_mode=true)`,
  );
}

/** Partition column names of the files, in first-seen order. */
export function rangeHiveNames(files: readonly RangeFile[]): string[] {
  const names = new Set<string>();
  for (const f of files) for (const name of Object.keys(f.object.hiveColumns)) names.add(name);
  return [...names];
}

/** A list literal of the files' values, indexed by a reader's file column (1-based in SQL). */
function perFileSql(order: readonly RangeFile[], value: (f: RangeFile) => string, type: string): string {
  return `CAST([${order.map(value).join(', ')}] AS ${type}[])[r.${sqlIdent(rangeFileColumn)}::BIGINT + 1]`;
}

const integerTypes = new Set(['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'UTINYINT', 'USMALLINT', 'UINTEGER', 'UBIGINT']);

/**
 * The window on `__time__` (seconds): exact and half-open, a row at `to` is out. An integer
 * column is compared as it is (DuckDB then skips Parquet row groups by their statistics and
 * drops the check where they show every row inside); other types go through TRY_CAST.
 */
function windowSql(timeType: string, spec: RangeSpec): string {
  // Whole seconds s: s × 1000 ≥ fromMs ⇔ s ≥ ⌈fromMs / 1000⌉, and likewise for `to`.
  const from = Math.ceil(Math.trunc(spec.fromMs) / 1000);
  const to = Math.ceil(Math.trunc(spec.toMs) / 1000);
  const seconds = integerTypes.has(timeType) ? 'r.__time__' : 'TRY_CAST(r.__time__ AS BIGINT)';
  return ` WHERE ${seconds} >= ${from} AND ${seconds} < ${to}`;
}

/**
 * CREATE statement of the view `logs` over the reader; `rawColumns` are the reader's columns
 * (without the file column). Each row's `_key`, `_task_time` and Hive columns come from its
 * file's index into lists of the files' values: unlike a join with a table of the files, an
 * unused one costs nothing (a join cost a day's GROUP BY ~20 ms of ~135). Without a `__time__`
 * field the rows cannot be windowed: the view keeps them all and `windowed` is false (the
 * caller says so).
 */
export function rangeLogsSql(
  reader: RangeReader,
  rawColumns: readonly RangeColumnType[],
  spec: RangeSpec,
): { sql: string; windowed: boolean } {
  const names = rawColumns.map((c) => c.name);
  const hive = rangeHiveNames(reader.order).filter((h) => !names.includes(h));
  const time = rawColumns.find((c) => c.name === '__time__');
  const fields = names.filter((c) => c !== '__time__').map((c) => `r.${sqlIdent(c)}`);
  const hiveValue = (h: string) => (f: RangeFile) =>
    f.object.hiveColumns[h] === undefined ? 'NULL' : sqlString(f.object.hiveColumns[h] as string);
  const select = [
    ...fields,
    ...hive.map((h) => `${perFileSql(reader.order, hiveValue(h), 'VARCHAR')} AS ${sqlIdent(h)}`),
    time ? `to_timestamp(TRY_CAST(r.__time__ AS BIGINT)) AS __time__` : `CAST(NULL AS TIMESTAMPTZ) AS __time__`,
    `${perFileSql(reader.order, (f) => sqlString(f.object.key), 'VARCHAR')} AS _key`,
    `timezone('UTC', epoch_ms(${perFileSql(reader.order, (f) => String(f.object.taskTimeMs), 'BIGINT')})) AS _task_time`,
  ];
  const where = time ? windowSql(time.type, spec) : '';
  const sql = `CREATE OR REPLACE TEMP VIEW logs AS SELECT ${select.join(', ')} FROM ${reader.sql} AS r${where}`;
  return { sql, windowed: time !== undefined };
}
