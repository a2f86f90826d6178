// Issue 12 items 1 and 6: a table.rows page is bounded by cells and by text, and a long cell
// is cut with a marker (never inside a surrogate pair) instead of crossing the API whole.
import { describe, expect, it } from 'vitest';
import { cellClip, rowsForView, rowsPage, rowsPageChars } from '../../../../main/api/cells';
import { indexedTableReader } from '../../../../core/formats/indexedTable';
import type { Cell } from '../../../../core/model/cells';

function tableOf(width: number, count: number, cell: (row: number, col: number) => Cell) {
  const columns = Array.from({ length: width }, (_v, i) => ({ name: `c${i}`, type: 'string' as const }));
  return indexedTableReader(columns, count, (first, end) => {
    const rows: Cell[][] = [];
    for (let r = first; r < end; r++) rows.push(Array.from({ length: width }, (_v, c) => cell(r, c)));
    return rows;
  });
}

describe('rowsPage', () => {
  it('answers 10,000 rows of 2,001 columns with 49 rows (about 100,000 cells)', async () => {
    const page = await rowsPage(
      tableOf(2001, 50_000, (r, c) => (c === 0 ? String(r) : null)),
      100,
      10_000,
    );
    expect(page).toHaveLength(49);
    expect(page[0]?.[0]).toBe('100');
    expect(page[48]?.[0]).toBe('148');
  });

  it('keeps narrow pages as asked, turns bigint into digits and ends with an empty page', async () => {
    const reader = tableOf(2, 600, (r, c) => (c === 0 ? BigInt(r) : null));
    expect(await rowsPage(reader, 0, 500)).toHaveLength(500);
    expect(await rowsPage(reader, 599, 500)).toEqual([['599', null]]);
    expect(await rowsPage(reader, 600, 500)).toEqual([]);
  });

  it('ends a page early once its text passes the page bound, but always sends one row', async () => {
    const long = 'x'.repeat(1 << 20);
    const page = await rowsPage(
      tableOf(1, 40, () => long),
      0,
      40,
    );
    expect(page).toHaveLength(rowsPageChars / (1 << 20));
    const huge = 'y'.repeat((1 << 20) + 5);
    expect(
      await rowsPage(
        tableOf(20, 2, () => huge),
        0,
        2,
      ),
    ).toHaveLength(1);
  });
});

describe('rowsForView', () => {
  it('is the page rule for rows read elsewhere (table.query): digits for bigint, clipped text, the text bound', () => {
    expect(rowsForView([[1n, 'a', null, 2.5, true]])).toEqual([['1', 'a', null, 2.5, true]]);
    const long = 'x'.repeat((1 << 20) + 1);
    const [first] = rowsForView([[long]])[0] ?? [];
    expect(first).toBe(cellClip(long));
    const rows = Array.from({ length: 40 }, () => ['x'.repeat(1 << 20)]);
    expect(rowsForView(rows)).toHaveLength(rowsPageChars / (1 << 20));
    expect(rowsForView([])).toEqual([]);
  });
});

describe('cellClip', () => {
  it('leaves short text alone and cuts long text with a marker naming its length', () => {
    expect(cellClip('abc', 3)).toBe('abc');
    expect(cellClip('abcdef', 3)).toBe('abc… [cut: 6 characters in all; export the table for the whole value]');
  });

  it('never cuts inside a surrogate pair', () => {
    expect(cellClip('ab😀cd', 3)).toBe('ab… [cut: 6 characters in all; export the table for the whole value]');
    expect(cellClip('ab😀cd', 4)).toBe('ab😀… [cut: 6 characters in all; export the table for the whole value]');
  });
});
