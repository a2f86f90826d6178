/**
 * One column chunk read forward page by page (export): each page is decompressed only when
 * reached, and only one window of its values exists at a time.
 */
import type { ColumnDecoder, DecodedArray } from './hyparquetInternals';
import { parquetAt, parquetPlaced } from './parquetErrors';
import type { ParquetPlace } from './parquetErrors';
import { parquetDictionaryDecode, parquetPageCursor, parquetPageDecode, parquetPageUnpack } from './parquetPages';
import type { PageSpot, ParquetPageCursor } from './parquetPages';

/** The next values of one column chunk, page after page, decompressing each page only when reached. */
export function parquetColumnStream(
  chunk: { place: ParquetPlace; decoder: ColumnDecoder },
  pages: PageSpot[],
  slice: (start: number, end: number) => Uint8Array,
): (count: number) => ArrayLike<unknown> {
  const { decoder } = chunk;
  let dictionary: DecodedArray | undefined;
  let index = 0;
  let cursor: ParquetPageCursor | null = null;
  let left = 0;
  const nextPage = (): void => {
    for (;;) {
      const page = pages[index++];
      if (!page) throw parquetPlaced(chunk.place, 'parquet column chunk has fewer rows than its row group');
      const bytes = slice(page.offset, page.offset + page.size);
      const place = { ...chunk.place, page: page.offset, step: page.dictionary ? 'dictionary page' : 'data page' };
      if (page.dictionary) {
        dictionary = parquetAt(place, () => parquetDictionaryDecode(bytes, decoder));
        continue;
      }
      cursor = parquetAt(place, () => {
        const unpacked = parquetPageUnpack(bytes, decoder);
        return unpacked ? parquetPageCursor(unpacked, decoder, dictionary) : arrayCursor(parquetPageDecode(bytes, decoder, dictionary));
      });
      left = cursor.rows;
      if (left > 0) return;
    }
  };
  return (count) => {
    if (left === 0) nextPage();
    if (count <= left) {
      left -= count;
      return parquetAt(chunk.place, () => (cursor as ParquetPageCursor).next(count));
    }
    const out: unknown[] = [];
    while (out.length < count) {
      if (left === 0) nextPage();
      const n = Math.min(left, count - out.length);
      left -= n;
      const part = parquetAt(chunk.place, () => (cursor as ParquetPageCursor).next(n));
      for (let i = 0; i < part.length; i++) out.push(part[i]);
    }
    return out;
  };
}

function arrayCursor(values: DecodedArray): ParquetPageCursor {
  let at = 0;
  return {
    rows: values.length,
    next(count) {
      const part = Array.prototype.slice.call(values, at, at + count) as unknown[];
      at += count;
      return part;
    },
  };
}
