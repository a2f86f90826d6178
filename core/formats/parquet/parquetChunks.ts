/**
 * The column chunks of one row group as the page reader reads them: where their bytes lie,
 * how their values decode, and where their offset index is.
 */
import type { Compressors, FileMetaData, SchemaTree } from 'hyparquet';
import { DEFAULT_PARSERS, getTreePath } from './hyparquetInternals';
import type { ColumnDecoder } from './hyparquetInternals';
import type { ByteRange } from './parquetByteSpans';
import { parquetPlaced } from './parquetErrors';
import type { ParquetPlace } from './parquetErrors';
import type { PageSpot } from './parquetPages';
import { parquetDecoderElement, parquetIsDecimal, parquetRawParsers } from './parquetValues';

/** One column chunk of a row group; `pages` is filled once its pages are known. */
export interface ParquetChunk extends ByteRange {
  /** Row group and column, for errors in Parquet terms. */
  place: ParquetPlace;
  decoder: ColumnDecoder;
  index?: ByteRange;
  pages?: PageSpot[];
}

/** The column chunks of row group `group` (a chunk without metadata or in another file is refused). */
export function parquetChunksOf(metadata: FileMetaData, tree: SchemaTree, group: number, compressors: Compressors): ParquetChunk[] {
  return (metadata.row_groups[group]?.columns ?? []).map((column, c): ParquetChunk => {
    const meta = column.meta_data;
    const place = { rowGroup: group, column: meta?.path_in_schema.join('.') ?? `#${c}`, codec: meta?.codec };
    if (!meta || column.file_path) throw parquetPlaced(place, 'parquet column chunk without metadata or in another file is not supported');
    const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
    const schemaPath = getTreePath(tree, meta.path_in_schema);
    const element = schemaPath[schemaPath.length - 1]?.element;
    if (!element?.type) throw parquetPlaced(place, 'parquet column has no physical type');
    // Values arrive raw where shiplens formats them itself (parquetValues: timestamps, DECIMAL).
    const decoder: ColumnDecoder = {
      pathInSchema: meta.path_in_schema,
      element: parquetDecoderElement(element),
      schemaPath,
      type: element.type,
      codec: meta.codec,
      parsers: { ...DEFAULT_PARSERS, ...parquetRawParsers },
      compressors,
      utf8: !parquetIsDecimal(element),
    };
    const chunk: ParquetChunk = { place, start, end: start + Number(meta.total_compressed_size), decoder };
    if (column.offset_index_offset !== undefined && column.offset_index_length) {
      const at = Number(column.offset_index_offset);
      chunk.index = { start: at, end: at + column.offset_index_length };
    }
    return chunk;
  });
}
