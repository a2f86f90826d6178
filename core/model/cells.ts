/** Columns, cells and warnings of a table as every reader produces them and every face shows them. */

/** Logical column types shown to the user (the SPEC §3 Parquet types plus what readers meet). */
export type ColumnType =
  'string' | 'boolean' | 'int32' | 'int64' | 'float' | 'double' | 'binary' | 'timestamp' | 'date' | 'decimal' | 'json' | 'unknown';

/** A named, typed column. */
export interface TableColumn {
  name: string;
  type: ColumnType;
}

/**
 * One cell. `null` is a missing value and is distinct from the empty string.
 * INT64 is a bigint so no precision is lost; BINARY is shown as UTF-8 text.
 */
export type Cell = string | number | boolean | bigint | null;

/** A problem found while reading (a bad line, a short row): reported, the rest still read. */
export interface TableWarning {
  /** 1-based line (JSON lines) or row (CSV) it is about, when it is about one. */
  line?: number;
  message: string;
}

/** A cell as it crosses the API: INT64 as a decimal string (the column type says so). */
export type JsonCell = string | number | boolean | null;
