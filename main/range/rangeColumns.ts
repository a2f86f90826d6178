/**
 * The columns of a JSON range and the reader over its cache entries, JSON or columnar alike.
 *
 * The range's columns are those of a few sampled objects, each typed as `read_json` types that
 * object alone and merged by DuckDB (UNION ALL BY NAME): a sampled object with a columnar form
 * contributes its Parquet's types, which are by construction the ones `read_json` detected in
 * it (rangeConvert.ts), so the columns do not depend on which form the cache holds.
 *
 * An object's columnar form is read only when each of its columns has the range's type for
 * that name: then it holds exactly what `read_json` with the range's columns reads from the
 * JSON (a field the range lacks is left out, a column the object lacks is NULL, as there).
 * Any other object is read from its JSON with the range's columns.
 */
import type { RangeColumnType, RangeDescribe } from './rangeView';
import path from 'node:path';
import { rangeJsonReader } from './rangeConvert';
import { rangeColumnsSignature, rangeSignatureRead } from './rangeSignatures';
import type { RangePack } from './rangeCachePacks';
import { rangePackMemberColumn } from './rangeCachePacks';
import type { RangeFile } from './rangeFetch';
import { rangeFileColumn, sqlIdent, sqlString } from './rangeView';
import type { RangeReader } from './rangeView';

/** One object's own reader: its columnar form, else its JSON. */
function ownReader(f: RangeFile): string {
  return f.columnar ? `read_parquet(${sqlString(f.columnar.file)})` : rangeJsonReader(f.file);
}

// Columns by signature: a signature is a hash of its columns, so what it names never changes.
const signatureColumns = new Map<string, RangeColumnType[] | null>();

/**
 * The columns a file's columnar form stands for: known in this process, else the list the
 * converter kept (rangeSignatures.ts), else the Parquet's own description; null when the file's
 * columns do not match its name (not trusted, nor remembered).
 */
async function columnarColumns(f: RangeFile, describe: RangeDescribe): Promise<RangeColumnType[] | null> {
  const columnar = f.columnar;
  if (!columnar) return null;
  const known = signatureColumns.get(columnar.signature);
  if (known) return known;
  const own =
    (await rangeSignatureRead(path.dirname(columnar.file), columnar.signature)) ??
    (await describe(`read_parquet(${sqlString(columnar.file)})`).catch(() => null));
  if (own === null || rangeColumnsSignature(own) !== columnar.signature) return null;
  signatureColumns.set(columnar.signature, own);
  return own;
}

/** The columns `read_json` (or the columnar form) gives one object alone. */
export function rangeOwnColumns(f: RangeFile, describe: RangeDescribe): Promise<RangeColumnType[]> {
  return describe(ownReader(f));
}

/**
 * The columns of objects together from each one's own (rangeOwnColumns), merged by DuckDB as
 * `rangeJsonColumns` merges them (UNION ALL BY NAME of typed NULLs: no file is read again).
 */
export function rangeColumnsMerged(own: readonly (readonly RangeColumnType[])[], describe: RangeDescribe): Promise<RangeColumnType[]> {
  const selects = own.map((columns) => `SELECT ${columns.map((c) => `CAST(NULL AS ${c.type}) AS ${sqlIdent(c.name)}`).join(', ')}`);
  return describe(`(${selects.join(' UNION ALL BY NAME ')})`);
}

/**
 * The columns of these objects together, in first-seen order, types merged by DuckDB. Objects
 * whose columnar forms all have one signature have its columns (no file is opened).
 */
export async function rangeJsonColumns(files: readonly RangeFile[], describe: RangeDescribe): Promise<RangeColumnType[]> {
  const first = files[0];
  if (first?.columnar && files.every((f) => f.columnar?.signature === first.columnar?.signature)) {
    const columns = await columnarColumns(first, describe);
    if (columns) return columns;
  }
  return describe(`(${files.map((f) => `SELECT * FROM ${ownReader(f)}`).join(' UNION ALL BY NAME ')})`);
}

/** The files of `files` whose columnar form stands for their JSON under `columns`. */
export async function rangeColumnarUsable(
  files: readonly RangeFile[],
  columns: readonly RangeColumnType[],
  describe: RangeDescribe,
): Promise<Set<RangeFile>> {
  const typeOf = new Map(columns.map((c) => [c.name, c.type]));
  const usable = new Set<RangeFile>();
  for (const f of files) {
    const own = await columnarColumns(f, describe);
    if (own && own.every((c) => !typeOf.has(c.name) || typeOf.get(c.name) === c.type)) usable.add(f);
  }
  return usable;
}

/** Columnar files grouped by pack, else by signature (same columns, same types), in first-seen order. */
function byReader(files: readonly RangeFile[]): RangeFile[][] {
  const groups = new Map<string, RangeFile[]>();
  for (const f of files) {
    const signature = f.columnar?.pack ? `pack:${f.columnar.pack.file}` : (f.columnar?.signature ?? '');
    const group = groups.get(signature);
    if (group) group.push(f);
    else groups.set(signature, [f]);
  }
  return [...groups.values()];
}

/**
 * The FROM of a pack's branch: the rows of the members in `group` only, each member's
 * `__range_member` mapped to its file's index in the reader (offset + position in the group).
 */
function packFrom(group: readonly RangeFile[], offset: number): { from: string; index: string } {
  const pack = group[0]?.columnar?.pack as RangePack;
  const indexOf: (number | null)[] = Array.from({ length: pack.members }, () => null);
  group.forEach((f, i) => (indexOf[(f.columnar?.pack as RangePack).member] = offset + i));
  const member = sqlIdent(rangePackMemberColumn);
  const used = group.map((f) => (f.columnar?.pack as RangePack).member);
  // Every member planned: no filter. Else only theirs (row groups of the others are skipped by their statistics).
  const where = used.length === pack.members ? '' : ` WHERE ${member} IN (${used.join(', ')})`;
  return {
    from: `(SELECT * FROM read_parquet(${sqlString(pack.file)})${where})`,
    index: `CAST([${indexOf.map((i) => (i === null ? 'NULL' : String(i))).join(', ')}] AS UBIGINT[])[${member}::BIGINT + 1] AS ${sqlIdent(rangeFileColumn)}`,
  };
}

/**
 * The reader over a JSON range's files: columnar forms in `usable`, JSON for the rest. The
 * columnar files are read by one `read_parquet` per pack (rangeCachePacks.ts) or per
 * signature, without `union_by_name`: files of one signature have the same schema, and binding
 * a union by name reads every file's footer before the query starts (0.1–0.2 s of a warm day's
 * 288 objects).
 */
export function rangeJsonReaderSql(
  files: readonly RangeFile[],
  columns: readonly RangeColumnType[],
  usable: ReadonlySet<RangeFile>,
): RangeReader {
  const json = files.filter((f) => !usable.has(f));
  const groups = byReader(files.filter((f) => usable.has(f)));
  // Each branch's file_index counts from 0: a branch's offset is the number of files before it.
  const index = (offset: number): string => `file_index${offset > 0 ? ` + ${offset}::UBIGINT` : ''} AS ${sqlIdent(rangeFileColumn)}`;
  const parts: string[] = [];
  if (json.length > 0) {
    const given = `{${columns.map((c) => `${sqlString(c.name)}: ${sqlString(c.type)}`).join(', ')}}`;
    const list = `[${json.map((f) => sqlString(f.file)).join(', ')}]`;
    const names = columns.map((c) => sqlIdent(c.name));
    parts.push(`SELECT ${[...names, index(0)].join(', ')} FROM read_json(${list}, format='newline_delimited', columns=${given})`);
  }
  let offset = json.length;
  for (const group of groups) {
    const present = new Set((signatureColumns.get(group[0]?.columnar?.signature ?? '') ?? []).map((c) => c.name));
    const select = columns.map((c) => (present.has(c.name) ? sqlIdent(c.name) : `CAST(NULL AS ${c.type}) AS ${sqlIdent(c.name)}`));
    if (group[0]?.columnar?.pack) {
      const pack = packFrom(group, offset);
      parts.push(`SELECT ${[...select, pack.index].join(', ')} FROM ${pack.from}`);
    } else {
      const list = `[${group.map((f) => sqlString(f.columnar?.file ?? '')).join(', ')}]`;
      parts.push(`SELECT ${[...select, index(offset)].join(', ')} FROM read_parquet(${list})`);
    }
    offset += group.length;
  }
  return { sql: `(${parts.join(' UNION ALL ')})`, order: [...json, ...groups.flat()] };
}
