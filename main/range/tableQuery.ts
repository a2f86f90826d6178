/**
 * Whole-object sort, filter and "go to row" for one opened table: the range query's engine
 * (DuckDB) over the table's own rows, so pages answer for every row of the object, not only
 * the rows the grid has loaded.
 *
 * The rows are copied from the table's reader (the rows, columns and values the grid shows,
 * whatever the source: bucket object, local file, upload, worker-held table) into a DuckDB
 * table of text cells plus each row's file position (`__row`) and cell kinds (numbers and
 * booleans come back as such). DuckDB holds at most `memoryLimit` in memory and spills the
 * rest to `tempDir`. One sorted/filtered order is kept (`pos` → `__row`) until the next one.
 */
import { rmSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { DuckDBConnection, DuckDBType } from '@duckdb/node-api';
import { BIGINT, DOUBLE, DuckDBDataChunk, DuckDBInstance, VARCHAR } from '@duckdb/node-api';
import { ShiplensError, throwIfCancelled } from '../../core/errors';
import type { Cell, TableReader } from '../../core/formats/table';
import { sqlString } from './rangeView';
import { tableQueryColumn, tableQueryOrderSql, tableQueryWhereSql } from './tableQuerySql';
import type { TableQuerySort, TableQuerySql } from './tableQuerySql';

/** A cell as a page gives it (the API's JsonCell). */
export type TableQueryCell = string | number | boolean | null;

/** What one page asks for: rows [rowStart, rowEnd) of the table sorted and filtered. */
export interface TableQueryRequest {
  sort?: TableQuerySort;
  filter?: string;
  rowStart: number;
  rowEnd: number;
  /** A file row (0-based) whose position in this order is wanted ("go to row N"). */
  locate?: number;
}

/** One page: rows with their file positions, the matching and total counts. */
export interface TableQueryPage {
  rows: TableQueryCell[][];
  rowIndexes: number[];
  /** Rows matching the filter (all rows without one). */
  numRows: number;
  totalRows: number;
  /** Position of `locate` in this order; null when the filter leaves it out or there is no such row. */
  located?: number | null;
}

/** Limits and progress of building the engine. */
export interface TableQueryOptions {
  tempDir: string;
  memoryLimit?: string;
  signal?: AbortSignal;
  onProgress?: (rows: number) => void;
}

/** Rows of one DuckDB data chunk (its vector size). */
const chunkRows = 2048;

const kindOf = (cell: Cell): string => (typeof cell === 'number' ? 'n' : typeof cell === 'boolean' ? 'b' : 's');
const textOf = (cell: Cell): string | null => (cell === null ? null : typeof cell === 'string' ? cell : String(cell));

function cellBack(text: string | null, kind: string | undefined): TableQueryCell {
  if (text === null) return null;
  if (kind === 'n') return Number(text);
  if (kind === 'b') return text === 'true';
  return text;
}

/** The DuckDB copy of one table, answering sorted and filtered pages. */
export class TableQuery {
  private view: { key: string; numRows: number } | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly tempDir: string,
    readonly columns: readonly string[],
    readonly totalRows: number,
  ) {}

  /** Copy every row of `reader` into DuckDB (cancelable; progress in rows). */
  static async create(reader: TableReader, options: TableQueryOptions): Promise<TableQuery> {
    await mkdir(options.tempDir, { recursive: true });
    const instance = await DuckDBInstance.create(':memory:', {
      threads: '2',
      memory_limit: options.memoryLimit ?? '256MB',
      temp_directory: options.tempDir,
    });
    const connection = await instance.connect();
    const columns = reader.columns.map((c) => c.name);
    try {
      const cells = columns.map((_, i) => `${tableQueryColumn(i)} VARCHAR`);
      await connection.run(`CREATE TABLE t (__row BIGINT, __kinds VARCHAR${cells.map((c) => `, ${c}`).join('')})`);
      const totalRows = await TableQuery.copy(connection, reader, columns.length, options);
      // Nothing but this table from here on: no files, no extensions, settings locked.
      await connection.run(`SET allowed_directories = [${sqlString(options.tempDir)}]`);
      await connection.run('SET enable_external_access = false');
      await connection.run('SET lock_configuration = true');
      return new TableQuery(instance, connection, options.tempDir, columns, totalRows);
    } catch (error) {
      connection.closeSync();
      instance.closeSync();
      await rm(options.tempDir, { recursive: true, force: true });
      throw error;
    }
  }

  private static async copy(connection: DuckDBConnection, reader: TableReader, width: number, options: TableQueryOptions): Promise<number> {
    const appender = await connection.createAppender('t');
    const types: DuckDBType[] = [BIGINT, VARCHAR, ...Array.from({ length: width }, () => VARCHAR)];
    let rows = 0;
    try {
      for await (const batch of reader.rowBatches(options.signal)) {
        throwIfCancelled(options.signal);
        // A DuckDB chunk holds at most chunkRows rows; readers' batches are larger.
        for (let at = 0; at < batch.length; at += chunkRows) {
          const part = batch.slice(at, at + chunkRows);
          const chunk = DuckDBDataChunk.create(types, part.length);
          const index = part.map((_, i) => BigInt(rows + i));
          const kinds = part.map((row) => row.map(kindOf).join(''));
          const cells = Array.from({ length: width }, (_, c) => part.map((row) => textOf(row[c] ?? null)));
          chunk.setColumns([index, kinds, ...cells]);
          appender.appendDataChunk(chunk);
          rows += part.length;
        }
        options.onProgress?.(rows);
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    return rows;
  }

  /** Run one call at a time: a page waits for the order another call is building. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async run(sql: string, params: (string | number)[], signal?: AbortSignal) {
    const types = params.map((p) => (typeof p === 'number' ? DOUBLE : VARCHAR));
    try {
      return await this.connection.runAndReadAll(sql, params, types);
    } catch (error) {
      throwIfCancelled(signal);
      throw new ShiplensError('INVALID_ARGUMENT', 'The sort or filter could not run over the whole object.', {
        hint: 'Check the filter text; clear it to see every row.',
        cause: error,
      });
    }
  }

  /** Build (or keep) the order for a sort + filter; returns how many rows it holds. */
  private async order(request: TableQueryRequest, signal?: AbortSignal): Promise<number> {
    const where = tableQueryWhereSql(this.columns, request.filter);
    const orderBy = tableQueryOrderSql(this.columns, request.sort);
    const key = JSON.stringify([orderBy, where]);
    if (this.view?.key === key) return this.view.numRows;
    this.view = null;
    const filter: TableQuerySql = where ?? { sql: 'true', params: [] };
    await this.run(
      `CREATE OR REPLACE TABLE v AS SELECT (row_number() OVER (ORDER BY ${orderBy}) - 1) AS pos, __row FROM t WHERE ${filter.sql}`,
      filter.params,
      signal,
    );
    const count = await this.run('SELECT count(*) FROM v', [], signal);
    const numRows = Number(count.getRowsJson()[0]?.[0] ?? 0);
    this.view = { key, numRows };
    return numRows;
  }

  /** Rows [rowStart, rowEnd) in the order; a plain read when there is neither sort nor filter. */
  page(request: TableQueryRequest, signal?: AbortSignal): Promise<TableQueryPage> {
    return this.serial(async () => {
      throwIfCancelled(signal);
      const onAbort = (): void => this.connection.interrupt();
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const plain = !request.sort && !(request.filter ?? '').trim();
        const numRows = plain ? this.totalRows : await this.order(request, signal);
        const from = plain ? 't' : 'v JOIN t USING (__row)';
        const position = plain ? '__row' : 'pos';
        const cells = this.columns.map((_, i) => `t.${tableQueryColumn(i)}`).join(', ');
        const result = await this.run(
          `SELECT t.__row, t.__kinds${cells ? `, ${cells}` : ''} FROM ${from} WHERE ${position} >= $1 AND ${position} < $2 ORDER BY ${position}`,
          [request.rowStart, request.rowEnd],
          signal,
        );
        const raw = result.getRowsJson() as (string | null)[][];
        const page: TableQueryPage = {
          rowIndexes: raw.map((r) => Number(r[0])),
          rows: raw.map((r) => r.slice(2).map((text, c) => cellBack(text, r[1]?.[c]))),
          numRows,
          totalRows: this.totalRows,
        };
        if (request.locate !== undefined) page.located = await this.locate(plain, request.locate, signal);
        return page;
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    });
  }

  private async locate(plain: boolean, row: number, signal?: AbortSignal): Promise<number | null> {
    if (plain) return row < this.totalRows ? row : null;
    const found = await this.run('SELECT pos FROM v WHERE __row = $1', [row], signal);
    const pos = found.getRowsJson()[0]?.[0];
    return pos === undefined || pos === null ? null : Number(pos);
  }

  /** Release DuckDB and its spill folder. */
  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
    rmSync(this.tempDir, { recursive: true, force: true });
  }
}
