/**
 * ParquetWriteFn on parquetjs-lite: the simulator's Parquet files, written in memory.
 *
 * Shape of what Log Service writes (SPEC §3): every column optional, strings BINARY
 * annotated UTF8, the six rule types, DATA_PAGE v1 pages (as parquet-cpp 1.0.0 wrote),
 * one row group, SNAPPY or UNCOMPRESSED column chunks. Measured limits of parquetjs-lite
 * 0.8.7 and what we do about them are noted where they bite.
 */
import parquetjs from 'parquetjs-lite';
import parquetTypes from 'parquetjs-lite/lib/types.js';
import type { ParquetColumn, ParquetColumnType } from '../../core/model';
import type { ParquetValue, ParquetWriteFn, ParquetWriteOptions } from '../../core/shipping';
import { ShiplensError } from '../../core/errors';
import { bytesConcat } from '../../core/bytes';

/** Key of the key-value metadata entry naming the writer (created_by stays parquetjs-lite's "parquet.js"). */
export const parquetWriterMetadataKey = 'shiplens.writer';

const typeNames: Record<ParquetColumnType, string> = {
  string: 'UTF8',
  boolean: 'BOOLEAN',
  int32: 'INT32',
  int64: 'INT64',
  float: 'FLOAT',
  double: 'DOUBLE',
};

let int64Patched = false;

/**
 * Keep int64 values exact. parquetjs-lite 0.8.7 converts every INT64 value with
 * `parseInt` before its (BigInt-based) encoder, so 9007199254740993n was written as
 * 9007199254740992 (measured with DuckDB). A bigint now passes through untouched; every
 * other input keeps the library's own conversion, so other callers see no change.
 */
function int64ExactInstall(): void {
  if (int64Patched) return;
  const int64 = parquetTypes.PARQUET_LOGICAL_TYPES.INT64;
  if (!int64) throw new ShiplensError('INTERNAL', 'parquetjs-lite has no INT64 type; its version changed.');
  const original = int64.toPrimitive;
  int64.toPrimitive = (value: unknown) => (typeof value === 'bigint' ? value : original(value));
  int64Patched = true;
}

/**
 * An object without a prototype: the library tests `name in record`, so a missing value
 * in a column named "constructor" or "toString" must not find Object.prototype's.
 */
function recordOf(entries: [string, unknown][]): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of entries) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

function schemaOf(columns: readonly ParquetColumn[], options: ParquetWriteOptions): parquetjs.ParquetSchema {
  return new parquetjs.ParquetSchema(
    recordOf(
      columns.map((column) => [
        column.name,
        {
          type: typeNames[column.type],
          optional: true,
          compression: options.codec,
          // The library orders strings by UTF-16 code units, not by UTF-8 bytes as Parquet
          // requires: no min/max for strings rather than wrong ones a reader could prune on.
          statistics: column.type !== 'string',
        },
      ]),
    ) as Record<string, parquetjs.FieldOptions>,
  );
}

/** Write one Parquet file with parquetjs-lite into memory. */
export const parquetWriteLite: ParquetWriteFn = async (columns, rows, options) => {
  int64ExactInstall();
  // The library keys its schema by plain objects: this one name would replace their prototype.
  if (columns.some((column) => column.name === '__proto__')) {
    throw new ShiplensError('RULE_INVALID', 'The Parquet writer cannot write a column named "__proto__".', {
      source: 'parquet.columns',
      hint: 'Rename the column.',
    });
  }
  const chunks: Uint8Array[] = [];
  try {
    const opts: parquetjs.WriterOptions = { useDataPageV2: false, rowGroupSize: Math.max(1, rows.length) };
    const schema = schemaOf(columns, options);
    const envelope = new parquetjs.ParquetEnvelopeWriter(
      schema,
      (buffer) => {
        chunks.push(buffer);
      },
      () => undefined,
      0,
      opts,
    );
    const writer = new parquetjs.ParquetWriter(schema, envelope, opts);
    writer.setMetadata(parquetWriterMetadataKey, 'shiplens simulator (parquetjs-lite 0.8.7)');
    for (const row of rows) await writer.appendRow(rowRecord(columns, row));
    await writer.close();
  } catch (error) {
    // parquetjs-lite throws strings and TypeErrors; give callers a typed error.
    throw new ShiplensError('INTERNAL', `Parquet writer failed: ${String(error)}`, { cause: error });
  }
  return bytesConcat(chunks);
};

function rowRecord(columns: readonly ParquetColumn[], row: readonly ParquetValue[]): Record<string, unknown> {
  const entries: [string, unknown][] = [];
  columns.forEach((column, i) => {
    const value = row[i];
    if (value !== null && value !== undefined) entries.push([column.name, value]);
  });
  return recordOf(entries);
}
