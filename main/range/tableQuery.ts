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
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { DuckDBConnection, DuckDBType } from '@duckdb/node-api';
import { BIGINT, DOUBLE, DuckDBDataChunk, DuckDBInstance, JsonDuckDBValueConverter, VARCHAR } from '@duckdb/node-api';
import { ShiplensError, throwIfCancelled } from '../../core/errors';
import type { Cell, TableColumn } from '../../core/model';
import type { TableReader } from '../../core/formats';
import { sqlString } from './rangeView';
import { chunkRows, kindOf, rowBack, textOf } from './tableQueryCells';
import { tableQueryColumn, tableQueryKindsSql, tableQueryOrderSql, tableQueryTypedSql, tableQueryWhereSql } from './tableQuerySql';
import type { TableQuerySort, TableQuerySql } from './tableQuerySql';

/** The grid's sort and filter. */
export interface TableQueryView {
  sort?: TableQuerySort;
  filter?: string;
}

/** What one page asks for: rows [rowStart, rowEnd) of the table sorted and filtered. */
export interface TableQueryRequest extends TableQueryView {
  rowStart: number;
  rowEnd: number;
  /** A file row (0-based) whose position in this order is wanted ("go to row N"). */
  locate?: number;
}

/** One page: rows with their file positions, the matching and total counts. */
export interface TableQueryPage {
  rows: Cell[][];
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

/** The DuckDB copy of one table, answering sorted and filtered pages. */
export class TableQuery {
  private view: { key: string; numRows: number } | null = null;
  /** Column names, in the table's order. */
  readonly columns: readonly string[];
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly tempDir: string,
    private readonly tableColumns: TableColumn[],
    readonly totalRows: number,
  ) {
    this.columns = tableColumns.map((c) => c.name);
  }

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
      return new TableQuery(instance, connection, options.tempDir, reader.columns, totalRows);
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

  private failed(error: unknown): ShiplensError {
    return new ShiplensError('INVALID_ARGUMENT', 'The sort or filter could not run over the whole object.', {
      hint: 'Check the filter text; clear it to see every row.',
      cause: error,
    });
  }

  private async run(sql: string, params: (string | number)[], signal?: AbortSignal) {
    const types = params.map((p) => (typeof p === 'number' ? DOUBLE : VARCHAR));
    try {
      return await this.connection.runAndReadAll(sql, params, types);
    } catch (error) {
      throwIfCancelled(signal);
      throw this.failed(error);
    }
  }

  /** Build (or keep) the order for a sort + filter; returns how many rows it holds. */
  private async order(request: TableQueryView, signal?: AbortSignal): Promise<number> {
    const where = tableQueryWhereSql(this.columns, request.filter);
    const orderBy = tableQueryOrderSql(this.columns, request.sort);
    const key = JSON.stringify([orderBy, where]);
    if (this.view?.key === key) return this.view.numRows;
    this.view = null;
    const filter: TableQuerySql = where ?? { sql: 'true', params: [] };
    // Stored in `pos` order, so a page's range of positions reads few blocks.
    await this.run(
      `CREATE OR REPLACE TABLE v AS SELECT (row_number() OVER (ORDER BY ${orderBy}) - 1) AS pos, __row FROM t WHERE ${filter.sql} ORDER BY pos`,
      filter.params,
      signal,
    );
    const count = await this.run('SELECT count(*) FROM v', [], signal);
    const numRows = Number(count.getRowsJson()[0]?.[0] ?? 0);
    this.view = { key, numRows };
    return numRows;
  }

  /** Run `work` alone on the connection, with `signal` interrupting DuckDB. */
  private alone<T>(signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
    return this.serial(async () => {
      throwIfCancelled(signal);
      const onAbort = (): void => this.connection.interrupt();
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        return await work();
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    });
  }

  /** The order's rows and count: a plain read of `t` when there is neither sort nor filter. */
  private async source(
    view: TableQueryView,
    signal?: AbortSignal,
  ): Promise<{ from: string; position: string; numRows: number; plain: boolean }> {
    const plain = !view.sort && !(view.filter ?? '').trim();
    if (plain) return { from: 't', position: '__row', numRows: this.totalRows, plain };
    return { from: 'v JOIN t USING (__row)', position: 'pos', numRows: await this.order(view, signal), plain };
  }

  private selectSql(from: string, position: string, where: string): string {
    const cells = this.columns.map((_, i) => `, t.${tableQueryColumn(i)}`).join('');
    return `SELECT t.__row, t.__kinds${cells} FROM ${from}${where} ORDER BY ${position}`;
  }

  private async rowsAt(from: string, position: string, rowStart: number, rowEnd: number, signal?: AbortSignal) {
    const sql = this.selectSql(from, position, ` WHERE ${position} >= $1 AND ${position} < $2`);
    const raw = (await this.run(sql, [rowStart, rowEnd], signal)).getRowsJson() as (string | null)[][];
    return { rowIndexes: raw.map((r) => Number(r[0])), rows: raw.map(rowBack) };
  }

  /** Every row of the order in chunks, from one streamed query (one sort, not one join per page). */
  private async *stream(from: string, position: string, signal?: AbortSignal): AsyncIterable<Cell[][]> {
    try {
      const result = await this.connection.stream(this.selectSql(from, position, ''));
      for (;;) {
        const chunk = await result.fetchChunk();
        if (!chunk || chunk.rowCount === 0) return;
        yield (chunk.convertRows(JsonDuckDBValueConverter) as (string | null)[][]).map(rowBack);
        throwIfCancelled(signal);
      }
    } catch (error) {
      throwIfCancelled(signal);
      throw error instanceof ShiplensError ? error : this.failed(error);
    }
  }

  /** Rows [rowStart, rowEnd) in the order of the view. */
  page(request: TableQueryRequest, signal?: AbortSignal): Promise<TableQueryPage> {
    return this.alone(signal, async () => {
      const { from, position, numRows, plain } = await this.source(request, signal);
      const page: TableQueryPage = {
        ...(await this.rowsAt(from, position, request.rowStart, request.rowEnd, signal)),
        numRows,
        totalRows: this.totalRows,
      };
      if (request.locate !== undefined) page.located = await this.locate(plain, request.locate, signal);
      return page;
    });
  }

  /**
   * Hand `use` a reader of the view's rows (every row, in the view's order, read in pages);
   * nothing else runs on the engine meanwhile (an export).
   */
  withRows<T>(view: TableQueryView, use: (reader: TableReader) => Promise<T>, signal?: AbortSignal): Promise<T> {
    return this.alone(signal, async () => {
      const { from, position, numRows } = await this.source(view, signal);
      return use({
        columns: this.tableColumns,
        numRows,
        readRows: async (offset, limit) => (await this.rowsAt(from, position, offset, offset + limit, signal)).rows,
        rowBatches: () => this.stream(from, position, signal),
      });
    });
  }

  /**
   * Write the view's rows (columns by index) as a Parquet file in the engine's own folder (the
   * only one it may write to); the caller moves it out through the output writer and removes it.
   */
  parquet(view: TableQueryView, columns: readonly number[], signal?: AbortSignal): Promise<{ file: string; rows: number }> {
    const file = path.join(this.tempDir, `export-${randomBytes(6).toString('hex')}.parquet`);
    return this.alone(signal, async () => {
      const { from, position } = await this.source(view, signal);
      const seen = await this.run(`SELECT ${columns.map((i) => tableQueryKindsSql(i)).join(', ') || 'NULL'} FROM t`, [], signal);
      const kinds = (seen.getRowsJson()[0] ?? []) as (string | null)[];
      const select = columns.map((i, k) => tableQueryTypedSql(i, this.columns[i] ?? '', kinds[k] ?? null)).join(', ');
      const copied = await this.run(
        `COPY (SELECT ${select} FROM ${from} ORDER BY ${position}) TO ${sqlString(file)} (FORMAT parquet, COMPRESSION zstd)`,
        [],
        signal,
      );
      return { file, rows: copied.rowsChanged };
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
