/**
 * The hyparquet internals shiplens reads Parquet pages with, in one place.
 *
 * Why: hyparquet's public API reads whole row groups; to page through a 200 MB column chunk
 * with bounded memory (parquetPages.ts, parquetPageReader.ts) we need its page-level pieces —
 * page headers, decompression, level and value decoding, conversion — which live under
 * `hyparquet/src/*` and are not part of its semver contract.
 *
 * Which version: written against hyparquet 1.33.0 (pinned exactly in package.json, no caret).
 * Upgrading hyparquet means re-checking these signatures against its `src/` and running
 * test/unit/core/formats/parquet.
 */
export { parquetHeader, readPage } from 'hyparquet/src/column.js';
export { convert, DEFAULT_PARSERS } from 'hyparquet/src/convert.js';
export { decompressPage } from 'hyparquet/src/datapage.js';
export { readRleBitPackedHybrid } from 'hyparquet/src/encoding.js';
export { readPlain } from 'hyparquet/src/plain.js';
export { getMaxDefinitionLevel, getTreePath } from 'hyparquet/src/schema.js';
export type { ColumnDecoder, DataPageHeader, DecodedArray, PageHeader } from 'hyparquet/src/types.js';
