/**
 * core/formats: the public face main/ and renderer/ import (lint rejects deeper paths).
 * Generated list of modules; keep it whole when adding a file.
 */
export * from './indexedTable';
export * from './jsonLineRow';
export * from './jsonLines';
export * from './parquet/hyparquetInternals';
export * from './parquet/parquetBuffer';
export * from './parquet/parquetColumnStream';
export * from './parquet/parquetErrors';
export * from './parquet/parquetNestedTimestamps';
export * from './parquet/parquetPageReader';
export * from './parquet/parquetPages';
export * from './parquet/parquetSchema';
export * from './parquet/parquetTable';
export * from './parquet/parquetTimestamps';
export * from './parquet/parquetValues';
export * from './shippedCsv';
export * from './table';
export * from './tableOpen';
