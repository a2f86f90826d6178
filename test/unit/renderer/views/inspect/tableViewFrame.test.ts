import { describe, expect, it } from 'vitest';
import { FrameError } from '../../../../../renderer/views/inspect/tableFrame';
import { viewFrameOpen } from '../../../../../renderer/views/inspect/tableViewFrame';
import type { ViewRead, ViewRequest } from '../../../../../renderer/views/inspect/tableViewFrame';

/**
 * A view of `total` file rows kept by `keep`, in descending file order (so a position and a
 * file row differ), served at most `pageMax` rows a call; records each call.
 */
function view(total: number, pageMax: number, keep: (row: number) => boolean = () => true) {
  const order = Array.from({ length: total }, (_, i) => total - 1 - i).filter(keep);
  const calls: ViewRequest[] = [];
  const read: ViewRead = (request) => {
    calls.push(request);
    const rowIndexes = order.slice(request.rowStart, Math.min(request.rowEnd, request.rowStart + pageMax));
    const located = request.locate === undefined ? undefined : order.indexOf(request.locate);
    return Promise.resolve({
      ok: true,
      value: {
        rows: rowIndexes.map((i) => [i, `r${i}`]),
        rowIndexes,
        numRows: order.length,
        totalRows: total,
        ...(located === undefined ? {} : { located: located < 0 ? null : located }),
      },
    });
  };
  return { read, calls, order };
}

const header = ['n', 's'];

describe('whole-object view frame', () => {
  it('takes its row count from the query and keeps each row with its file row number', async () => {
    const { read, calls } = view(1000, 100, (i) => i % 2 === 0);
    const { frame } = await viewFrameOpen(header, read, { pageSize: 50, cap: 10_000 });
    expect([frame.numRows, frame.totalRows]).toEqual([500, 1000]);
    expect(calls).toEqual([{ rowStart: 0, rowEnd: 50 }]);
    expect(frame.rows().at(0)).toEqual({ row: [998, 'r998'], index: 998 });
    expect(frame.rows().at(49)).toEqual({ row: [900, 'r900'], index: 900 });
    expect(frame.rows().at(50)).toBeUndefined();
  });

  it('fetches a window far from the start by position, a page at least, and only the missing rows', async () => {
    const { read, calls } = view(100_000, 1000);
    const { frame } = await viewFrameOpen(header, read, { pageSize: 200, cap: 10_000 });
    const rows = await frame.fetch({ rowStart: 70_000, rowEnd: 70_030 });
    expect(rows).toHaveLength(30);
    expect(rows[0]).toEqual([29_999, 'r29999']);
    expect(calls.slice(1)).toEqual([{ rowStart: 70_000, rowEnd: 70_200 }]);
    await frame.fetch({ rowStart: 70_100, rowEnd: 70_150 });
    expect(calls).toHaveLength(2);
    expect(
      frame
        .rows()
        .list(69_999, 70_002)
        .map((e) => e.index),
    ).toEqual([29_999, 29_998]);
  });

  it('reads short pages (wide rows) by offset, and stops at the view end', async () => {
    const { read, calls } = view(25, 7);
    const { frame } = await viewFrameOpen(header, read, { pageSize: 10, cap: 1000 });
    expect(frame.rows().list(0, 25)).toHaveLength(7);
    const rows = await frame.fetch({ rowStart: 5, rowEnd: 40 });
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 20 }, (_, i) => 19 - i));
    expect(calls.map((c) => c.rowStart)).toEqual([0, 7, 14, 21]);
  });

  it('keeps at most cap rows, the oldest fetched going first', async () => {
    const { read } = view(1000, 100);
    const { frame } = await viewFrameOpen(header, read, { pageSize: 100, cap: 150 });
    await frame.fetch({ rowStart: 500, rowEnd: 600 });
    expect(frame.rows().at(0)).toBeUndefined();
    expect(frame.rows().at(60)).toBeDefined();
    expect(frame.rows().list(0, 1000)).toHaveLength(150);
  });

  it('says where a file row sits in the order, or null when the filter leaves it out', async () => {
    const { read, calls } = view(1000, 100, (i) => i % 3 !== 0);
    const { frame, located } = await viewFrameOpen(header, read, { pageSize: 10, cap: 100, locate: 997 });
    expect(located).toBe(1);
    expect(calls[0]).toEqual({ rowStart: 0, rowEnd: 10, locate: 997 });
    // Rows 6…999 come first, less the 332 multiples of 3 among them.
    expect(await frame.locate(5)).toBe(662);
    expect(await frame.locate(6)).toBeNull();
  });

  it('fails with the API error, and not at all once its signal is aborted', async () => {
    const failing: ViewRead = () => Promise.resolve({ ok: false, error: { code: 'INVALID_ARGUMENT', message: 'bad filter' } });
    const error = await viewFrameOpen(header, failing, { pageSize: 10, cap: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FrameError);
    expect((error as FrameError).info.code).toBe('INVALID_ARGUMENT');
    const { read, calls } = view(100, 10);
    const abort = new AbortController();
    abort.abort();
    await expect(viewFrameOpen(header, read, { pageSize: 10, cap: 100, signal: abort.signal })).rejects.toThrow();
    expect(calls).toEqual([]);
  });

  it('reads a whole column of the view in its order, 10,000 rows a call, without touching the fetched rows', async () => {
    const { read, calls, order } = view(25_000, 10_000, (i) => i % 5 !== 0);
    const { frame } = await viewFrameOpen(header, read, { pageSize: 100, cap: 1000 });
    const column = await frame.column(1, 100_000);
    expect(column).toEqual(order.map((i) => `r${i}`));
    expect(column).toHaveLength(20_000);
    expect(calls.slice(1)).toEqual([
      { rowStart: 0, rowEnd: 10_000 },
      { rowStart: 10_000, rowEnd: 20_000 },
    ]);
    expect(frame.rows().at(100)).toBeUndefined();
  });

  it('stops a column at `max` rows and goes on after a short page', async () => {
    const { read, calls, order } = view(30_000, 7_000);
    const { frame } = await viewFrameOpen(header, read, { pageSize: 100, cap: 1000 });
    const column = await frame.column(0, 12_000);
    expect(column).toEqual(order.slice(0, 12_000));
    expect(calls.slice(1)).toEqual([
      { rowStart: 0, rowEnd: 10_000 },
      { rowStart: 7_000, rowEnd: 12_000 },
    ]);
  });
});
