/**
 * Page-level Parquet decoding on hyparquet's own page pieces: find a column chunk's pages
 * (offset index, or a scan of its page headers) and decode only the pages — and, where the
 * encoding allows, only the leading values of a page — that hold the rows asked for.
 */
import { readOffsetIndex } from 'hyparquet';
import type { OffsetIndex } from 'hyparquet';
import {
  convert,
  decompressPage,
  getMaxDefinitionLevel,
  parquetHeader,
  readPage,
  readPlain,
  readRleBitPackedHybrid,
} from './hyparquetInternals';
import type { ColumnDecoder, DataPageHeader, DecodedArray, PageHeader } from './hyparquetInternals';

/** One page of a column chunk: where its header starts, header+data size, rows it holds. */
export interface PageSpot {
  offset: number;
  size: number;
  firstRow: number;
  rows: number;
  dictionary: boolean;
}

// Encodings whose first k values decode from the first bytes of the page alone (values are
// written in row order, level runs are length-prefixed), so a page can be decoded in part.
const prefixEncodings = new Set(['PLAIN', 'PLAIN_DICTIONARY', 'RLE_DICTIONARY', 'RLE']);

function pageRows(header: PageHeader): number {
  return header.data_page_header?.num_values ?? header.data_page_header_v2?.num_rows ?? 0;
}

/** Read every page header of a whole column chunk (`bytes` start at file offset `start`). */
export function parquetPagesScan(bytes: Uint8Array, start: number): PageSpot[] {
  const reader = { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 };
  const pages: PageSpot[] = [];
  let row = 0;
  // hyparquet's own loop bound: a trailing byte after the last page is padding.
  while (reader.offset < bytes.length - 1) {
    const at = reader.offset;
    const header = parquetHeader(reader);
    const size = reader.offset - at + header.compressed_page_size;
    if (!(header.compressed_page_size >= 0) || at + size > bytes.length)
      throw new Error(`page at ${start + at} runs past its column chunk`);
    if (header.type === 'DICTIONARY_PAGE') pages.push({ offset: start + at, size, firstRow: row, rows: 0, dictionary: true });
    else if (header.type === 'DATA_PAGE' || header.type === 'DATA_PAGE_V2') {
      const rows = pageRows(header);
      pages.push({ offset: start + at, size, firstRow: row, rows, dictionary: false });
      row += rows;
    }
    reader.offset = at + size;
  }
  return pages;
}

/** Pages from a parsed offset index; the bytes before the first data page are the dictionary. */
export function parquetPagesFromIndex(index: OffsetIndex, chunkStart: number, groupRows: number): PageSpot[] {
  const locations = index.page_locations;
  const pages: PageSpot[] = [];
  const firstData = locations[0] ? Number(locations[0].offset) : chunkStart;
  if (firstData > chunkStart) pages.push({ offset: chunkStart, size: firstData - chunkStart, firstRow: 0, rows: 0, dictionary: true });
  locations.forEach((location, i) => {
    const firstRow = Number(location.first_row_index);
    const next = locations[i + 1];
    const end = next ? Number(next.first_row_index) : groupRows;
    pages.push({ offset: Number(location.offset), size: location.compressed_page_size, firstRow, rows: end - firstRow, dictionary: false });
  });
  return pages;
}

/** Parse an offset index from its bytes. */
export function parquetOffsetIndexParse(bytes: Uint8Array): OffsetIndex {
  return readOffsetIndex({ view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 });
}

/** Decode a dictionary page (header + data bytes) into its converted values. */
export function parquetDictionaryDecode(bytes: Uint8Array, decoder: ColumnDecoder): DecodedArray | undefined {
  const reader = { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 };
  const header = parquetHeader(reader);
  if (header.type !== 'DICTIONARY_PAGE') return undefined;
  const { data } = readPage(reader, header, decoder, undefined, undefined, 0);
  return data ? convert(data, decoder) : undefined;
}

/** A data page's header and its decompressed bytes (kept so later, longer prefixes skip the decompression). */
export interface PageUnpacked {
  header: PageHeader;
  page: Uint8Array;
}

/** Parse the header of a V1 data page whose prefix can be decoded, and decompress it; else null. */
export function parquetPageUnpack(bytes: Uint8Array, decoder: ColumnDecoder): PageUnpacked | null {
  const reader = { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 };
  const header = parquetHeader(reader);
  const daph = header.data_page_header;
  if (header.type !== 'DATA_PAGE' || !daph || !prefixEncodings.has(daph.encoding)) return null;
  const compressed = bytes.subarray(reader.offset, reader.offset + header.compressed_page_size);
  return { header, page: decompressPage(compressed, Number(header.uncompressed_page_size), decoder.codec, decoder.compressors) };
}

/**
 * hyparquet's RLE/bit-packed hybrid decoder repeats an RLE run's value `count` times whatever
 * the output's size, so a corrupt run header (up to 2^31) spins for seconds per page (found by
 * test/fuzz/parquet.fuzz.test.ts, parquetRleRegression). Runs are checked against the page's
 * value count first; `length` undefined means a 4-byte length prefix, as in hyparquet.
 */
function hybridRead(
  reader: { view: DataView; offset: number },
  width: number,
  output: Uint8Array | Int32Array,
  maxValues: number,
  length?: number,
): void {
  hybridRunsCheck(reader.view, reader.offset, width, output.length, maxValues, length);
  readRleBitPackedHybrid(reader, width, output, length);
}

function hybridRunsCheck(view: DataView, offset: number, width: number, wanted: number, maxValues: number, length?: number): void {
  let pos = offset;
  if (length === undefined) pos += 4; // the section's length prefix
  // hyparquet reads runs until the output is full, past the section's declared length if need be.
  const end = view.byteLength;
  for (let seen = 0; pos < end && seen < wanted;) {
    // The varint exactly as hyparquet reads it (32-bit, so long varints wrap the same way).
    let header = 0;
    for (let shift = 0, more = true; more; shift += 7) {
      if (pos >= end) return; // hyparquet reports the truncation itself
      const byte = view.getUint8(pos++);
      header |= (byte & 0x7f) << shift;
      more = (byte & 0x80) !== 0;
    }
    if (header & 1) {
      const count = (header >> 1) << 3;
      if (count <= 0) return; // hyparquet runs out of page bytes and throws
      pos += (count / 8) * width;
      seen += count;
    } else {
      // Bit-packed runs cost their bytes; an RLE run can claim any count for a few bytes.
      const count = header >>> 1;
      if (count > Math.max(maxValues, wanted)) throw new Error(`parquet RLE run of ${count} values is longer than the page's ${maxValues}`);
      pos += (width + 7) >> 3;
      seen += count;
    }
  }
}

function levelWidth(max: number): number {
  return 32 - Math.clz32(max);
}

/** Skip `count` PLAIN values of a fixed-width or length-prefixed type; false when it cannot. */
function plainSkip(reader: { view: DataView; offset: number }, decoder: ColumnDecoder, count: number): boolean {
  const widths: Partial<Record<string, number>> = { INT32: 4, FLOAT: 4, INT64: 8, DOUBLE: 8, INT96: 12 };
  const width = decoder.type === 'FIXED_LEN_BYTE_ARRAY' ? decoder.element.type_length : widths[decoder.type];
  if (width) reader.offset += width * count;
  else if (decoder.type === 'BYTE_ARRAY') for (let i = 0; i < count; i++) reader.offset += 4 + reader.view.getUint32(reader.offset, true);
  else return false;
  return true;
}

/** Non-null values [skip, skip + count) of the page (typed outputs ignore writes past their end). */
function windowValues(
  reader: { view: DataView; offset: number },
  daph: DataPageHeader,
  decoder: ColumnDecoder,
  dictionary: DecodedArray | undefined,
  skip: number,
  count: number,
): ArrayLike<unknown> {
  if (daph.encoding === 'PLAIN') {
    if (plainSkip(reader, decoder, skip)) return convert(readPlain(reader, decoder.type, count, decoder.element.type_length), decoder);
    return Array.from(
      convert(readPlain(reader, decoder.type, skip + count, decoder.element.type_length), decoder) as ArrayLike<unknown>,
    ).slice(skip);
  }
  if (decoder.type === 'BOOLEAN') {
    const bits = new Uint8Array(skip + count);
    hybridRead(reader, 1, bits, daph.num_values);
    return Array.from(bits.subarray(skip), (b) => b !== 0);
  }
  const width = reader.view.getUint8(reader.offset++);
  const indexes = new Int32Array(skip + count);
  if (width) hybridRead(reader, width, indexes, daph.num_values, reader.view.byteLength - reader.offset);
  if (!dictionary) throw new Error('parquet dictionary-encoded page without a dictionary page');
  const out = new Array<unknown>(count);
  for (let i = 0; i < count; i++) out[i] = dictionary[indexes[skip + i] as number];
  return out;
}

/**
 * Rows [from, to) of an unpacked V1 page (flat column). Levels and dictionary indexes up to
 * `to` are decoded into typed arrays, PLAIN values before `from` are skipped unread, and only
 * the window's values are materialised: a 100-row page anywhere in a 120,000-row page costs
 * the decompression and a scan, not 120,000 strings.
 */
export function parquetPageWindow(
  unpacked: PageUnpacked,
  decoder: ColumnDecoder,
  dictionary: DecodedArray | undefined,
  from: number,
  to: number,
): DecodedArray {
  const daph = unpacked.header.data_page_header as DataPageHeader;
  const end = Math.min(to, daph.num_values);
  const { page } = unpacked;
  const reader = { view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: 0 };
  const maxDefinition = getMaxDefinitionLevel(decoder.schemaPath);
  let levels: Uint8Array | null = null;
  let skip = from;
  let present = end - from;
  if (maxDefinition) {
    levels = new Uint8Array(end);
    hybridRead(reader, levelWidth(maxDefinition), levels, daph.num_values);
    skip = 0;
    present = 0;
    for (let i = 0; i < end; i++) {
      if (levels[i] !== maxDefinition) continue;
      if (i < from) skip++;
      else present++;
    }
  }
  const values = windowValues(reader, daph, decoder, dictionary, skip, present);
  if (!levels || present === end - from) return Array.from(values) as DecodedArray;
  const out = new Array<unknown>(end - from);
  for (let i = from, j = 0; i < end; i++) out[i - from] = levels[i] === maxDefinition ? values[j++] : null;
  return out as DecodedArray;
}

/** Decode a whole data page (any page type and encoding hyparquet reads). Flat columns only. */
export function parquetPageDecode(bytes: Uint8Array, decoder: ColumnDecoder, dictionary: DecodedArray | undefined): DecodedArray {
  const reader = { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 };
  const header = parquetHeader(reader);
  const { data } = readPage(reader, header, decoder, dictionary, undefined, 0);
  return data ?? [];
}

/** Sequential reader of an unpacked V1 page: `next(n)` gives the next n rows' values. */
export interface ParquetPageCursor {
  readonly rows: number;
  next(count: number): ArrayLike<unknown>;
}

/**
 * A cursor over an unpacked V1 page (flat column) for one forward pass (export): levels and
 * dictionary indexes are decoded once into typed arrays, PLAIN values are read window by
 * window from where the last window stopped, so only one window's values exist at a time.
 */
export function parquetPageCursor(unpacked: PageUnpacked, decoder: ColumnDecoder, dictionary: DecodedArray | undefined): ParquetPageCursor {
  const daph = unpacked.header.data_page_header as DataPageHeader;
  const rows = daph.num_values;
  const { page } = unpacked;
  const reader = { view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: 0 };
  const maxDefinition = getMaxDefinitionLevel(decoder.schemaPath);
  let levels: Uint8Array | null = null;
  let presentTotal = rows;
  if (maxDefinition) {
    levels = new Uint8Array(rows);
    hybridRead(reader, levelWidth(maxDefinition), levels, daph.num_values);
    presentTotal = 0;
    for (let i = 0; i < rows; i++) if (levels[i] === maxDefinition) presentTotal++;
  }
  // PLAIN non-boolean values are read per window; everything else (dictionary indexes,
  // booleans) is small per value and decoded once.
  const streamed = daph.encoding === 'PLAIN' && decoder.type !== 'BOOLEAN';
  const all = streamed ? null : windowValues(reader, daph, decoder, dictionary, 0, presentTotal);
  let row = 0;
  let valueAt = 0;
  return {
    rows,
    next(count) {
      const end = Math.min(rows, row + count);
      let present = end - row;
      if (levels) {
        present = 0;
        for (let i = row; i < end; i++) if (levels[i] === maxDefinition) present++;
      }
      const values: ArrayLike<unknown> = all
        ? Array.prototype.slice.call(all, valueAt, valueAt + present)
        : (convert(readPlain(reader, decoder.type, present, decoder.element.type_length), decoder) as ArrayLike<unknown>);
      valueAt += present;
      let out: ArrayLike<unknown> = values;
      if (levels && present !== end - row) {
        const filled = new Array<unknown>(end - row);
        for (let i = row, j = 0; i < end; i++) filled[i - row] = levels[i] === maxDefinition ? values[j++] : null;
        out = filled;
      }
      row = end;
      return out;
    },
  };
}
