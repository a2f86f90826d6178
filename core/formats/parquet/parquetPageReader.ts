/**
 * Row ranges of a flat Parquet file read page by page: only the pages that hold the rows are
 * fetched (coalesced into few range reads) and decoded, fetched bytes and decoded pages are
 * kept in LRUs with a byte budget, and the next page can be fetched ahead.
 */
import { parquetSchema } from 'hyparquet';
import type { Compressors, FileMetaData } from 'hyparquet';
import { DEFAULT_PARSERS, getTreePath } from './hyparquetInternals';
import type { ColumnDecoder, DecodedArray } from './hyparquetInternals';
import type { ByteSource } from '../../bytes/byteSource';
import { lruCacheCreate } from '../../bytes/lruCache';
import { parquetColumnStream } from './parquetColumnStream';
import { parquetAt, parquetPlaced } from './parquetErrors';
import type { ParquetPlace } from './parquetErrors';
import { parquetDecoderElement, parquetIsDecimal, parquetRawParsers } from './parquetValues';
import {
  parquetDictionaryDecode,
  parquetOffsetIndexParse,
  parquetPageDecode,
  parquetPageWindow,
  parquetPageUnpack,
  parquetPagesFromIndex,
  parquetPagesScan,
} from './parquetPages';
import type { PageSpot, PageUnpacked } from './parquetPages';

interface Chunk {
  /** Row group and column, for errors in Parquet terms. */
  place: ParquetPlace;
  start: number;
  end: number;
  decoder: ColumnDecoder;
  index?: { start: number; end: number };
  pages?: PageSpot[];
}

interface Range {
  start: number;
  end: number;
}

interface Decoded {
  values: DecodedArray;
  rows: number;
}

/** Page reader options. */
export interface ParquetPageReaderOptions {
  compressors: Compressors;
  /** Budget for fetched bytes plus decoded pages (default 64 MiB). */
  cacheBytes?: number;
  /** Unrequested bytes between two needed ranges still read in one request (default 256 KiB). */
  gapBytes?: number;
}

/** Reads rows [start, end) of one row group as one decoded array per column. */
export interface ParquetPageReader {
  groupRead(group: number, selectStart: number, selectEnd: number, signal?: AbortSignal): Promise<DecodedArray[]>;
  /** Fetch (not decode) what `groupRead` of the range would need; errors are ignored. */
  groupPrefetch(group: number, selectStart: number, selectEnd: number): void;
  /** A group's rows column by column in forward windows (export: one page decompressed per column at a time). */
  groupStream(group: number, signal?: AbortSignal): Promise<ParquetGroupStream>;
}

/** Forward pass over one row group: `take(n)` gives the next n rows of every column. */
export interface ParquetGroupStream {
  take(count: number): ArrayLike<unknown>[];
}

/** True when every column is a top-level, non-repeated leaf (one value per row). */
export function parquetIsFlat(metadata: FileMetaData): boolean {
  const tree = parquetSchema(metadata);
  return tree.children.every((child) => child.children.length === 0 && child.element.repetition_type !== 'REPEATED');
}

function coalesce(ranges: Range[], gap: number): Range[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const out: Range[] = [];
  for (const range of sorted) {
    const last = out.at(-1);
    if (last && range.start <= last.end + gap) last.end = Math.max(last.end, range.end);
    else out.push({ ...range });
  }
  return out;
}

/** Make a page reader over `source` for a flat file (check with `parquetIsFlat`). */
export function parquetPageReader(source: ByteSource, metadata: FileMetaData, options: ParquetPageReaderOptions): ParquetPageReader {
  const budget = options.cacheBytes ?? 64 * 1024 * 1024;
  const gap = options.gapBytes ?? 256 * 1024;
  const spans = lruCacheCreate<string, Range & { bytes: Uint8Array }>({ maxCost: budget / 2 });
  const decodedPages = lruCacheCreate<string, Decoded>({ maxCost: budget / 2 });
  const unpackedPages = lruCacheCreate<string, PageUnpacked | null>({ maxCost: budget / 4 });
  const pending: (Range & { promise: Promise<Uint8Array> })[] = [];
  const tree = parquetSchema(metadata);
  const groups: (Chunk[] | undefined)[] = [];

  function chunksOf(group: number): Chunk[] {
    const known = groups[group];
    if (known) return known;
    const chunks = (metadata.row_groups[group]?.columns ?? []).map((column, c): Chunk => {
      const meta = column.meta_data;
      const place = { rowGroup: group, column: meta?.path_in_schema.join('.') ?? `#${c}`, codec: meta?.codec };
      if (!meta || column.file_path)
        throw parquetPlaced(place, 'parquet column chunk without metadata or in another file is not supported');
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
        compressors: options.compressors,
        utf8: !parquetIsDecimal(element),
      };
      const chunk: Chunk = { place, start, end: start + Number(meta.total_compressed_size), decoder };
      if (column.offset_index_offset !== undefined && column.offset_index_length) {
        const at = Number(column.offset_index_offset);
        chunk.index = { start: at, end: at + column.offset_index_length };
      }
      return chunk;
    });
    groups[group] = chunks;
    return chunks;
  }

  /** Bytes [start, end) from the cache or an in-flight fetch, else null. */
  function spanFind(start: number, end: number): Uint8Array | Promise<Uint8Array> | null {
    for (const span of spans.values())
      if (span.start <= start && end <= span.end) return span.bytes.subarray(start - span.start, end - span.start);
    const inFlight = pending.find((p) => p.start <= start && end <= p.end);
    return inFlight ? inFlight.promise.then((bytes) => bytes.subarray(start - inFlight.start, end - inFlight.start)) : null;
  }

  /** Fetch the ranges not cached or in flight, coalesced; resolves when all arrived. */
  async function fetchMissing(ranges: Range[], signal?: AbortSignal): Promise<void> {
    const missing = ranges.filter((r) => r.end > r.start && !spanFind(r.start, r.end));
    const waits = ranges.map((r) => spanFind(r.start, r.end)).filter((w): w is Promise<Uint8Array> => w instanceof Promise);
    for (const range of coalesce(missing, gap)) {
      const promise = source.read(range.start, range.end - range.start, signal);
      const entry = { ...range, promise };
      pending.push(entry);
      waits.push(promise);
      promise
        .then(
          (bytes) => spans.set(`${range.start}:${range.end}`, { ...range, bytes }, bytes.length),
          () => undefined,
        )
        .finally(() => pending.splice(pending.indexOf(entry), 1));
    }
    await Promise.all(waits);
  }

  async function bytesOf(start: number, end: number, signal?: AbortSignal): Promise<Uint8Array> {
    const found = spanFind(start, end);
    if (found) return found;
    await fetchMissing([{ start, end }], signal);
    return (await spanFind(start, end)) ?? source.read(start, end - start, signal); // evicted at once: read again
  }

  /** Make sure every chunk of the group knows its pages (offset indexes, else header scans). */
  async function pagesEnsure(group: number, signal?: AbortSignal): Promise<void> {
    const chunks = chunksOf(group);
    const groupRows = Number(metadata.row_groups[group]?.num_rows ?? 0);
    const indexed = chunks.filter((c) => !c.pages && c.index);
    await fetchMissing(
      indexed.map((c) => c.index as Range),
      signal,
    );
    for (const chunk of indexed) {
      const index = chunk.index as Range;
      const bytes = await bytesOf(index.start, index.end, signal);
      chunk.pages = parquetAt({ ...chunk.place, page: index.start, step: 'offset index' }, () =>
        parquetPagesFromIndex(parquetOffsetIndexParse(bytes), chunk.start, groupRows),
      );
    }
    const unknown = chunks.filter((c) => !c.pages);
    await fetchMissing(unknown, signal);
    for (const chunk of unknown) {
      const bytes = await bytesOf(chunk.start, chunk.end, signal);
      chunk.pages = parquetAt({ ...chunk.place, step: 'page headers' }, () => parquetPagesScan(bytes, chunk.start));
    }
  }

  function pagesFor(chunk: Chunk, selectStart: number, selectEnd: number): PageSpot[] {
    return (chunk.pages ?? []).filter((p) => p.dictionary || (p.firstRow < selectEnd && p.firstRow + p.rows > selectStart));
  }

  async function dictionaryOf(chunk: Chunk, signal?: AbortSignal): Promise<DecodedArray | undefined> {
    const page = chunk.pages?.find((p) => p.dictionary);
    if (!page) return undefined;
    const key = `d${page.offset}`;
    const hit = decodedPages.get(key);
    if (hit) return hit.values;
    const bytes = await bytesOf(page.offset, page.offset + page.size, signal);
    const values = parquetAt({ ...chunk.place, page: page.offset, step: 'dictionary page' }, () =>
      parquetDictionaryDecode(bytes, chunk.decoder),
    );
    if (values) decodedPages.set(key, { values, rows: values.length }, page.size * 4 + values.length * 16);
    return values;
  }

  /**
   * Values of page rows [from, to) as { values, base } (values[0] is page row `base`). V1
   * pages are decompressed once and kept; each read decodes just its window. Other pages are
   * decoded whole and kept.
   */
  async function pageValues(
    chunk: Chunk,
    page: PageSpot,
    from: number,
    to: number,
    signal?: AbortSignal,
  ): Promise<{ values: DecodedArray; base: number }> {
    const key = `p${page.offset}`;
    const hit = decodedPages.get(key);
    if (hit) return { values: hit.values, base: 0 };
    const dictionary = await dictionaryOf(chunk, signal);
    const at = <T>(run: () => T): T => parquetAt({ ...chunk.place, page: page.offset, step: 'data page' }, run);
    let unpacked = unpackedPages.get(key);
    if (unpacked === undefined) {
      const bytes = await bytesOf(page.offset, page.offset + page.size, signal);
      unpacked = at(() => parquetPageUnpack(bytes, chunk.decoder));
      unpackedPages.set(key, unpacked, unpacked ? unpacked.page.length : 0);
    }
    const done = unpacked;
    if (done) return { values: at(() => parquetPageWindow(done, chunk.decoder, dictionary, from, to)), base: from };
    const bytes = await bytesOf(page.offset, page.offset + page.size, signal);
    const values = at(() => parquetPageDecode(bytes, chunk.decoder, dictionary));
    decodedPages.set(key, { values, rows: values.length }, page.size * 4 + values.length * 16);
    return { values, base: 0 };
  }

  function neededRanges(group: number, selectStart: number, selectEnd: number): Range[] {
    const ranges: Range[] = [];
    for (const chunk of chunksOf(group)) {
      for (const page of pagesFor(chunk, selectStart, selectEnd)) {
        const key = `${page.dictionary ? 'd' : 'p'}${page.offset}`;
        if (!decodedPages.get(key) && !unpackedPages.get(key)) ranges.push({ start: page.offset, end: page.offset + page.size });
      }
    }
    return ranges;
  }

  async function columnRead(chunk: Chunk, selectStart: number, selectEnd: number, signal?: AbortSignal): Promise<DecodedArray> {
    const out: unknown[] = new Array(selectEnd - selectStart);
    for (const page of pagesFor(chunk, selectStart, selectEnd)) {
      if (page.dictionary) continue;
      const from = Math.max(selectStart, page.firstRow);
      const to = Math.min(selectEnd, page.firstRow + page.rows);
      const { values, base } = await pageValues(chunk, page, from - page.firstRow, to - page.firstRow, signal);
      for (let row = from; row < to; row++) out[row - selectStart] = values[row - page.firstRow - base];
    }
    return out;
  }

  return {
    async groupRead(group, selectStart, selectEnd, signal) {
      await pagesEnsure(group, signal);
      await fetchMissing(neededRanges(group, selectStart, selectEnd), signal);
      return Promise.all(chunksOf(group).map((chunk) => columnRead(chunk, selectStart, selectEnd, signal)));
    },
    async groupStream(group, signal) {
      const chunks = chunksOf(group);
      const runs = coalesce(chunks, gap);
      const bytes = await Promise.all(runs.map((run) => source.read(run.start, run.end - run.start, signal)));
      const slice = (start: number, end: number): Uint8Array => {
        const i = runs.findIndex((run) => run.start <= start && end <= run.end);
        return (bytes[i] as Uint8Array).subarray(start - (runs[i] as Range).start, end - (runs[i] as Range).start);
      };
      const streams = chunks.map((chunk) =>
        parquetColumnStream(
          chunk,
          parquetAt({ ...chunk.place, step: 'page headers' }, () => parquetPagesScan(slice(chunk.start, chunk.end), chunk.start)),
          slice,
        ),
      );
      return { take: (count) => streams.map((next) => next(count)) };
    },
    groupPrefetch(group, selectStart, selectEnd) {
      void pagesEnsure(group)
        .then(() => fetchMissing(neededRanges(group, selectStart, selectEnd)))
        .catch(() => undefined);
    },
  };
}
