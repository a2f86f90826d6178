import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ShiplensBridge } from '../../../../../main/api/contract';
import type { RangeQueryInfo } from '../../../../../main/api/rangeContract';
import { queryGridSource } from '../../../../../renderer/views/query/queryFrame';

// An answer of 25,000 rows [n, "r<n>"]: the first 3 came with it, the rest from range.rows.
const count = 25_000;
const rowOf = (n: number) => [String(n), `r${n}`];
let calls: { rowStart: number; rowEnd: number }[] = [];
const bridge: ShiplensBridge = {
  invoke: (method, arg) => {
    const a = arg as { resultId: string; rowStart: number; rowEnd: number };
    if (method !== 'range.rows' || a.resultId !== '00112233445566ff')
      return Promise.resolve({ ok: false, error: { code: 'X', message: 'x' } }) as never;
    calls.push({ rowStart: a.rowStart, rowEnd: a.rowEnd });
    const rows = Array.from({ length: Math.max(0, Math.min(a.rowEnd, count) - a.rowStart) }, (_, i) => rowOf(a.rowStart + i));
    return Promise.resolve({ ok: true, value: { rows, rowCount: count } }) as never;
  },
  on: () => () => undefined,
};
beforeEach(() => {
  calls = [];
  vi.stubGlobal('window', { shiplens: bridge });
});
afterEach(() => vi.unstubAllGlobals());

const answer: RangeQueryInfo = {
  columns: [
    { name: 'n', type: 'BIGINT' },
    { name: 'name', type: 'VARCHAR' },
  ],
  rows: [rowOf(0), rowOf(1), rowOf(2)],
  rowCount: count,
  truncated: true,
  objects: 1,
  reads: 1,
  failed: [],
  windowed: true,
  resultId: '00112233445566ff',
};

describe('queryGridSource', () => {
  it('shows every row of the answer by position: the first rows given, the rest fetched from range.rows', async () => {
    const { table, frame, fixed } = queryGridSource(answer);
    expect(table.columns).toEqual([
      { name: 'n', type: 'int64' },
      { name: 'name', type: 'string' },
    ]);
    expect(frame.rowsLoaded()).toEqual(answer.rows);
    expect(fixed.numRows).toBe(count);
    expect(
      fixed
        .rows()
        .list(0, 5)
        .map((e) => e.row),
    ).toEqual(answer.rows);
    expect(await fixed.fetch({ rowStart: count - 2, rowEnd: count + 3 })).toEqual([rowOf(count - 2), rowOf(count - 1)]);
    expect(fixed.rows().at(count - 1)).toEqual({ row: rowOf(count - 1), index: count - 1 });
    expect(await fixed.fetch({ rowStart: 3, rowEnd: 6 })).toEqual([rowOf(3), rowOf(4), rowOf(5)]);
    expect(calls.every((c) => c.rowStart >= 3 && c.rowEnd <= count)).toBe(true);
  });
});
