/**
 * Run SQL over a range's files with DuckDB (`@duckdb/node-api`): one view `logs`, results
 * streamed chunk by chunk (never materialised whole), COPY to a file for exports.
 *
 * Only this module and rangeValues.ts import DuckDB; the CLI loads them with `import()` so
 * `shiplens --version` never loads it.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, JsonDuckDBValueConverter } from '@duckdb/node-api';
import { ShiplensError, throwIfCancelled } from '../../core/errors';
import { rangeColumnarUsable, rangeColumnsMerged, rangeJsonColumns, rangeJsonReaderSql, rangeOwnColumns } from './rangeColumns';
import type { RangeFile } from './rangeFetch';
import type { RangeSpec } from './rangeSpec';
import { rangeCell, rangeColumnOf } from './rangeValues';
import type { RangeCell, RangeColumn } from './rangeValues';
import { rangeDuckTimeZone, rangeFileColumn, rangeLogsSql, rangeReaderSql, rangeSampleFiles, sqlString } from './rangeView';
import type { RangeColumnType, RangeReader } from './rangeView';

/** Limits of one DuckDB session. */
export interface RangeSessionOptions {
  /**
   * Folder whose fresh sub-folder this session's DuckDB may spill to (inside the cache folder;
   * one per session: DuckDB's temporary files have fixed names, two processes spilling into one
   * folder would write each other's). Removed at close.
   */
  tempDir: string;
  /**
   * Folders the SQL may touch besides the range's files (an -o target's folder): everything
   * else is locked away, so SQL from the app cannot read or write other files.
   */
  allowedDirs?: string[];
  /** DuckDB memory limit (default 400 MB: the range's peak RSS target is 600 MB). */
  memoryLimit?: string;
  threads?: number;
}

/** Streamed result of one query. */
export interface RangeQueryResult {
  columns: RangeColumn[];
  rows: number;
}

function engineMessage(error: unknown): string {
  return (error instanceof Error ? error.message : String(error))
    .split('\n')
    .filter((l) => l.trim() !== '' && !/^LINE \d+:|^\s*\^/.test(l))
    .join(' ');
}

/** A range to query has at least one object ready: else NOT_FOUND saying what to check. */
export function rangeFilesRequire(files: readonly RangeFile[]): void {
  if (files.length === 0)
    throw new ShiplensError('NOT_FOUND', 'No objects in the range: nothing to query.', {
      hint: 'Check the location, the partition format and the time window (shiplens query … --dry-run).',
    });
}

/** A DuckDB connection with the range's `logs` view. */
export class RangeSession {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    readonly spec: RangeSpec,
    private readonly keyOfFile: Map<string, string>,
    private readonly spillDir: string,
  ) {}

  /** False when the rows have no `__time__` field: the window could not be applied to them. */
  windowed = true;

  /**
   * Open DuckDB without `logs` (attach it once objects are ready: rangeOpen starts it while they are fetched): the files' folders
   * (`fileDirs`), the spill folder and `allowedDirs` are the only ones reachable.
   */
  static async create(spec: RangeSpec, options: RangeSessionOptions, fileDirs: readonly string[]): Promise<RangeSession> {
    const zone = rangeDuckTimeZone(spec.rule.timeZone);
    const spillDir = path.join(options.tempDir, `${process.pid}-${randomBytes(4).toString('hex')}`);
    const instance = await DuckDBInstance.create(':memory:', {
      threads: String(options.threads ?? 2),
      memory_limit: options.memoryLimit ?? '400MB',
      temp_directory: spillDir,
    });
    const connection = await instance.connect();
    const session = new RangeSession(instance, connection, spec, new Map(), spillDir);
    try {
      // ICU loads with the first connection: the zone cannot go in the instance's config.
      await session.run(`SET TimeZone = ${sqlString(zone ?? 'UTC')}`);
      await session.lock([...new Set([...fileDirs, spillDir, ...(options.allowedDirs ?? [])])]);
      return session;
    } catch (error) {
      session.close();
      throw error;
    }
  }

  /**
   * The columns of these files together, as `logs` would read them: JSON objects each typed
   * alone and merged by name (rangeColumns.ts); CSV and Parquet as their reader describes them.
   */
  async filesColumns(files: readonly RangeFile[]): Promise<RangeColumnType[]> {
    if (this.spec.rule.format === 'json') return rangeJsonColumns(files, (r) => this.describe(r));
    return this.describe(rangeReaderSql(files, this.spec).sql);
  }

  /** The columns of one decoded JSON object alone (rangeOwnColumns), or null when DuckDB cannot tell them. */
  ownColumns(file: RangeFile): Promise<RangeColumnType[] | null> {
    return rangeOwnColumns(file, (r) => this.describe(r)).catch(() => null);
  }

  /** The columns of objects together from their own (rangeColumnsMerged). */
  mergedColumns(own: readonly (readonly RangeColumnType[])[]): Promise<RangeColumnType[]> {
    return rangeColumnsMerged(own, (r) => this.describe(r));
  }

  /**
   * (Re)create `logs` over `files` (in the folders the session was opened with). JSON objects
   * are read with `columns` when given (the early path's union of the objects read so far),
   * else with those of a sample of the files; CSV has the rule's, Parquet its reader's.
   */
  async attach(files: readonly RangeFile[], columns?: readonly RangeColumnType[]): Promise<void> {
    const spec = this.spec;
    for (const f of files) {
      this.keyOfFile.set(f.file, f.object.key);
      if (f.columnar) this.keyOfFile.set(f.columnar.file, f.object.key);
      if (f.columnar?.pack) this.keyOfFile.set(f.columnar.pack.file, `a pack of ${f.columnar.pack.members} cached objects`);
    }
    let reader: RangeReader;
    let described: readonly RangeColumnType[];
    if (spec.rule.format === 'json') {
      const describe = (r: string): Promise<RangeColumnType[]> => this.describe(r);
      described = columns ?? (await rangeJsonColumns(rangeSampleFiles(files), describe));
      reader = rangeJsonReaderSql(files, described, await rangeColumnarUsable(files, described, describe));
    } else {
      reader = rangeReaderSql(files, spec);
      described = await this.describe(reader.sql);
    }
    const logs = rangeLogsSql(reader, described, spec);
    await this.run(logs.sql);
    this.windowed = logs.windowed;
  }

  /** The SQL's parse tree (DuckDB's `json_serialize_sql`): `{ error, statements }`. */
  async parse(sql: string): Promise<unknown> {
    const result = await this.connection.runAndReadAll(`SELECT json_serialize_sql(${sqlString(sql)})`);
    return JSON.parse(String(result.getRowsJson()[0]?.[0] ?? '{}')) as unknown;
  }

  /** Names of DuckDB's scalar functions (operators included), lower case. */
  async scalarFunctions(): Promise<Set<string>> {
    const result = await this.connection.runAndReadAll(
      "SELECT DISTINCT lower(function_name) FROM duckdb_functions() WHERE function_type = 'scalar'",
    );
    return new Set((result.getRowsJson() as string[][]).map((row) => row[0] as string));
  }

  /** Only `dirs` stay reachable: no other file, no extension install, no ATTACH; the settings are locked. */
  private async lock(dirs: string[]): Promise<void> {
    const list = dirs.map((d) => sqlString(d.endsWith(path.sep) ? d : `${d}${path.sep}`)).join(', ');
    await this.run(`SET allowed_directories = [${list}]`);
    await this.run('SET enable_external_access = false');
    await this.run('SET lock_configuration = true');
  }

  /** The reader's columns (name, type), without the file column. */
  private async describe(reader: string): Promise<RangeColumnType[]> {
    try {
      const described = await this.connection.runAndReadAll(`DESCRIBE SELECT * FROM ${reader}`);
      return (described.getRowsJson() as string[][])
        .map((row) => ({ name: row[0] as string, type: row[1] as string }))
        .filter((c) => c.name !== rangeFileColumn);
    } catch (error) {
      throw this.engineError(error, 'reading the objects');
    }
  }

  private async run(sql: string): Promise<void> {
    try {
      await this.connection.run(sql);
    } catch (error) {
      throw this.engineError(error, 'preparing the range');
    }
  }

  /** An engine error as a ShiplensError naming object keys instead of cache files. */
  engineError(error: unknown, what: string, hint?: string): ShiplensError {
    let message = engineMessage(error);
    let source: string | undefined;
    for (const [file, key] of this.keyOfFile) {
      if (!message.includes(file)) continue;
      message = message.split(file).join(key);
      source ??= key;
    }
    return new ShiplensError('INVALID_ARGUMENT', `DuckDB, ${what}: ${message}`, { source, hint });
  }

  /** Columns of `logs` (name and DuckDB type). */
  async columns(): Promise<RangeColumn[]> {
    const result = await this.connection.runAndReadAll('DESCRIBE logs');
    return (result.getRowsJson() as string[][]).map((row) => ({ name: row[0] as string, type: row[1] as string, exact: false }));
  }

  private async sqlError(error: unknown): Promise<ShiplensError> {
    const columns = await this.columns().catch(() => []);
    return this.engineError(error, 'running the SQL', `Columns of logs: ${columns.map((c) => `${c.name} ${c.type}`).join(', ')}`);
  }

  /** Run `sql`, handing each chunk of rows (cells in the rule's zone) to `onRows`. */
  async query(
    sql: string,
    onRows: (rows: RangeCell[][], columns: RangeColumn[]) => Promise<void>,
    signal?: AbortSignal,
  ): Promise<RangeQueryResult> {
    throwIfCancelled(signal);
    const onAbort = (): void => this.connection.interrupt();
    signal?.addEventListener('abort', onAbort, { once: true });
    let rows = 0;
    try {
      const result = await this.connection.stream(sql);
      const columns = result.columnNames().map((name, i) => rangeColumnOf(name, result.columnType(i)));
      const zones = columns.map((c) => (c.type === 'TIMESTAMP WITH TIME ZONE' ? this.spec.rule.timeZone : null));
      for (;;) {
        const chunk = await result.fetchChunk();
        if (!chunk || chunk.rowCount === 0) break;
        const json = chunk.convertRows(JsonDuckDBValueConverter);
        const raw = zones.some((z) => z !== null) ? chunk.getRows() : null;
        const cells = json.map((row, r) => row.map((value, c) => rangeCell(value, zones[c] ?? null, raw?.[r]?.[c])));
        rows += cells.length;
        await onRows(cells, columns);
        throwIfCancelled(signal);
      }
      return { columns, rows };
    } catch (error) {
      throwIfCancelled(signal);
      throw error instanceof ShiplensError ? error : await this.sqlError(error);
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** COPY the result of `sql` to `path` (a part file the caller commits). */
  async copyTo(sql: string, path: string, format: 'csv' | 'parquet' | 'jsonl', signal?: AbortSignal): Promise<number> {
    const options =
      format === 'parquet' ? 'FORMAT parquet, COMPRESSION zstd' : format === 'csv' ? 'FORMAT csv, HEADER true' : 'FORMAT json';
    const onAbort = (): void => this.connection.interrupt();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const body = sql.trim().replace(/;\s*$/, '');
      const result = await this.connection.run(`COPY (${body}) TO ${sqlString(path)} (${options})`);
      return result.rowsChanged;
    } catch (error) {
      throwIfCancelled(signal);
      throw await this.sqlError(error);
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Release DuckDB (the instance closes with its last connection) and its spill folder. */
  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
    rmSync(this.spillDir, { recursive: true, force: true });
  }
}
