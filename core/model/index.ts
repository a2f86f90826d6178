/**
 * The shared data shapes (DESIGN: the model layer): what core, main, the renderer and the CLI
 * pass between them. Each lives in one small file named for what it holds; behaviour lives
 * beside the code that owns it (core/formats, core/shipping, main/…).
 */
export type * from './cells';
export type * from './detection';
export type * from './listing';
export type * from './rule';
export type * from './tableInfo';
export type { CsvDialect } from './csvDialect';
export { csvDialectDefault } from './csvDialect';
export { maxDecodeBytesDefault, maxDecodeBytesHint, maxDecodeBytesRange } from './decodeCap';
export { parquetColumnTypes } from './rule';
