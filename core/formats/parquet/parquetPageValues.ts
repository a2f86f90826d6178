/**
 * Decoded values of the pages of flat column chunks, kept in LRUs with a byte budget: V1
 * pages are decompressed once and each read decodes just its window; other pages are decoded
 * whole and kept.
 */
import type { DecodedArray } from './hyparquetInternals';
import { lruCacheCreate } from '../../bytes/lruCache';
import type { ParquetByteSpans } from './parquetByteSpans';
import type { ParquetChunk } from './parquetChunks';
import { parquetAt } from './parquetErrors';
import { parquetDictionaryDecode, parquetPageDecode, parquetPageWindow, parquetPageUnpack } from './parquetPages';
import type { PageSpot, PageUnpacked } from './parquetPages';

interface Decoded {
  values: DecodedArray;
  rows: number;
}

/** Page values of the chunks of one object. */
export interface ParquetPageValues {
  /** Values of page rows [from, to) as { values, base } (values[0] is page row `base`). */
  pageValues(
    chunk: ParquetChunk,
    page: PageSpot,
    from: number,
    to: number,
    signal?: AbortSignal,
  ): Promise<{ values: DecodedArray; base: number }>;
  /** True when the page is kept decoded or decompressed (its bytes need no fetch). */
  pageKept(page: PageSpot): boolean;
}

/** Page values over `spans`, within `budget` bytes (half decoded pages, a quarter decompressed ones). */
export function parquetPageValues(spans: ParquetByteSpans, budget: number): ParquetPageValues {
  const decodedPages = lruCacheCreate<string, Decoded>({ maxCost: budget / 2 });
  const unpackedPages = lruCacheCreate<string, PageUnpacked | null>({ maxCost: budget / 4 });

  async function dictionaryOf(chunk: ParquetChunk, signal?: AbortSignal): Promise<DecodedArray | undefined> {
    const page = chunk.pages?.find((p) => p.dictionary);
    if (!page) return undefined;
    const key = `d${page.offset}`;
    const hit = decodedPages.get(key);
    if (hit) return hit.values;
    const bytes = await spans.bytesOf(page.offset, page.offset + page.size, signal);
    const values = parquetAt({ ...chunk.place, page: page.offset, step: 'dictionary page' }, () =>
      parquetDictionaryDecode(bytes, chunk.decoder),
    );
    if (values) decodedPages.set(key, { values, rows: values.length }, page.size * 4 + values.length * 16);
    return values;
  }

  async function pageValues(
    chunk: ParquetChunk,
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
      const bytes = await spans.bytesOf(page.offset, page.offset + page.size, signal);
      unpacked = at(() => parquetPageUnpack(bytes, chunk.decoder));
      unpackedPages.set(key, unpacked, unpacked ? unpacked.page.length : 0);
    }
    const done = unpacked;
    if (done) return { values: at(() => parquetPageWindow(done, chunk.decoder, dictionary, from, to)), base: from };
    const bytes = await spans.bytesOf(page.offset, page.offset + page.size, signal);
    const values = at(() => parquetPageDecode(bytes, chunk.decoder, dictionary));
    decodedPages.set(key, { values, rows: values.length }, page.size * 4 + values.length * 16);
    return { values, base: 0 };
  }

  function pageKept(page: PageSpot): boolean {
    const key = `${page.dictionary ? 'd' : 'p'}${page.offset}`;
    return Boolean(decodedPages.get(key)) || Boolean(unpackedPages.get(key));
  }

  return { pageValues, pageKept };
}
