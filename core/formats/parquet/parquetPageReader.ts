/**
 * Row ranges of a flat Parquet file read page by page: only the pages that hold the rows are
 * fetched (coalesced into few range reads, parquetByteSpans) and decoded (parquetPageValues),
 * and the next page can be fetched ahead.
 */
import { parquetSchema } from 'hyparquet';
import type { Compressors, FileMetaData } from 'hyparquet';
import type { DecodedArray } from './hyparquetInternals';
import type { ByteSource } from '../../bytes/byteSource';
import { parquetByteSpans, parquetRangesCoalesce } from './parquetByteSpans';
import type { ByteRange, ParquetByteSpans } from './parquetByteSpans';
import { parquetChunksOf } from './parquetChunks';
import type { ParquetChunk } from './parquetChunks';
import { parquetColumnStream } from './parquetColumnStream';
import { parquetAt } from './parquetErrors';
import { parquetOffsetIndexParse, parquetPagesFromIndex, parquetPagesScan } from './parquetPages';
import type { PageSpot } from './parquetPages';
import { parquetPageValues } from './parquetPageValues';

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

function pagesFor(chunk: ParquetChunk, selectStart: number, selectEnd: number): PageSpot[] {
  return (chunk.pages ?? []).filter((p) => p.dictionary || (p.firstRow < selectEnd && p.firstRow + p.rows > selectStart));
}

/** A group's rows column by column in forward windows: its chunks read in few requests, then decoded page by page. */
async function groupStreamRead(source: ByteSource, chunks: ParquetChunk[], gap: number, signal?: AbortSignal): Promise<ParquetGroupStream> {
  const runs = parquetRangesCoalesce(chunks, gap);
  const bytes = await Promise.all(runs.map((run) => source.read(run.start, run.end - run.start, signal)));
  const slice = (start: number, end: number): Uint8Array => {
    const i = runs.findIndex((run) => run.start <= start && end <= run.end);
    return (bytes[i] as Uint8Array).subarray(start - (runs[i] as ByteRange).start, end - (runs[i] as ByteRange).start);
  };
  const streams = chunks.map((chunk) =>
    parquetColumnStream(
      chunk,
      parquetAt({ ...chunk.place, step: 'page headers' }, () => parquetPagesScan(slice(chunk.start, chunk.end), chunk.start)),
      slice,
    ),
  );
  return { take: (count) => streams.map((next) => next(count)) };
}

/** Make sure every chunk of the group knows its pages (offset indexes, else header scans). */
async function pagesEnsure(spans: ParquetByteSpans, chunks: ParquetChunk[], groupRows: number, signal?: AbortSignal): Promise<void> {
  const indexed = chunks.filter((c) => !c.pages && c.index);
  await spans.fetchMissing(
    indexed.map((c) => c.index as ByteRange),
    signal,
  );
  for (const chunk of indexed) {
    const index = chunk.index as ByteRange;
    const bytes = await spans.bytesOf(index.start, index.end, signal);
    chunk.pages = parquetAt({ ...chunk.place, page: index.start, step: 'offset index' }, () =>
      parquetPagesFromIndex(parquetOffsetIndexParse(bytes), chunk.start, groupRows),
    );
  }
  const unknown = chunks.filter((c) => !c.pages);
  await spans.fetchMissing(unknown, signal);
  for (const chunk of unknown) {
    const bytes = await spans.bytesOf(chunk.start, chunk.end, signal);
    chunk.pages = parquetAt({ ...chunk.place, step: 'page headers' }, () => parquetPagesScan(bytes, chunk.start));
  }
}

/** Make a page reader over `source` for a flat file (check with `parquetIsFlat`). */
export function parquetPageReader(source: ByteSource, metadata: FileMetaData, options: ParquetPageReaderOptions): ParquetPageReader {
  const budget = options.cacheBytes ?? 64 * 1024 * 1024;
  const gap = options.gapBytes ?? 256 * 1024;
  const spans = parquetByteSpans(source, budget / 2, gap);
  const values = parquetPageValues(spans, budget);
  const tree = parquetSchema(metadata);
  const groups: (ParquetChunk[] | undefined)[] = [];
  const chunksOf = (group: number): ParquetChunk[] => (groups[group] ??= parquetChunksOf(metadata, tree, group, options.compressors));

  // async: a chunk refused by chunksOf rejects (groupPrefetch ignores it) rather than throws.
  const pagesKnown = async (group: number, signal?: AbortSignal): Promise<void> =>
    pagesEnsure(spans, chunksOf(group), Number(metadata.row_groups[group]?.num_rows ?? 0), signal);

  function neededRanges(group: number, selectStart: number, selectEnd: number): ByteRange[] {
    const pages = chunksOf(group).flatMap((chunk) => pagesFor(chunk, selectStart, selectEnd));
    return pages.filter((page) => !values.pageKept(page)).map((page) => ({ start: page.offset, end: page.offset + page.size }));
  }

  async function columnRead(chunk: ParquetChunk, selectStart: number, selectEnd: number, signal?: AbortSignal): Promise<DecodedArray> {
    const out: unknown[] = new Array(selectEnd - selectStart);
    for (const page of pagesFor(chunk, selectStart, selectEnd)) {
      if (page.dictionary) continue;
      const from = Math.max(selectStart, page.firstRow);
      const to = Math.min(selectEnd, page.firstRow + page.rows);
      const { values: read, base } = await values.pageValues(chunk, page, from - page.firstRow, to - page.firstRow, signal);
      for (let row = from; row < to; row++) out[row - selectStart] = read[row - page.firstRow - base];
    }
    return out;
  }

  return {
    async groupRead(group, selectStart, selectEnd, signal) {
      await pagesKnown(group, signal);
      await spans.fetchMissing(neededRanges(group, selectStart, selectEnd), signal);
      return Promise.all(chunksOf(group).map((chunk) => columnRead(chunk, selectStart, selectEnd, signal)));
    },
    async groupStream(group, signal) {
      return groupStreamRead(source, chunksOf(group), gap, signal);
    },
    groupPrefetch(group, selectStart, selectEnd) {
      void pagesKnown(group)
        .then(() => spans.fetchMissing(neededRanges(group, selectStart, selectEnd)))
        .catch(() => undefined);
    },
  };
}
