/**
 * The one Parquet module of core/ (hyparquet behind it; a faster first page can be added here).
 */
export { parquetFooterRead, parquetSchemaFromMetadata, parquetSchemaRead } from './parquetSchema';
export type { ParquetColumnSchema, ParquetFooterOptions, ParquetSchema } from './parquetSchema';
export { parquetTable } from './parquetTable';
export type { ParquetTableOptions } from './parquetTable';
export { parquetBufferFrom } from './parquetBuffer';
