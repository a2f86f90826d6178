import { describe, expect, it } from 'vitest';
import type { JsonCell, TableInfo } from '../../../../../core/model';
import { FrameError, tableFrameCreate } from '../../../../../renderer/views/inspect/tableFrame';
import type { RowsRead } from '../../../../../renderer/views/inspect/tableFrame';

function tableOf(numRows: number | null): TableInfo {
  return {
    tableId: 't1',
    key: 'x',
    columns: [{ name: 'n', type: 'int64' }],
    numRows,
    format: 'csv',
    compression: 'none',
    warnings: [],
    hasRaw: true,
  } as unknown as TableInfo;
}

/** A table of `total` rows [i] served at most `pageMax` rows a call; records each call. */
function source(total: number, pageMax: number) {
  const calls: [number, number][] = [];
  const read: RowsRead = (offset, limit) => {
    calls.push([offset, limit]);
    const rows: JsonCell[][] = [];
    for (let i = offset; i < Math.min(total, offset + Math.min(limit, pageMax)); i++) rows.push([i]);
    return Promise.resolve({ ok: true, value: { rows } });
  };
  return { read, calls };
}

describe('table data frame', () => {
  it('names its columns and row count, and fetches a range page by page from row 0', async () => {
    const { read, calls } = source(25, 10);
    const frame = tableFrameCreate(tableOf(25), read, 10, 1000);
    expect(frame.header).toEqual(['n']);
    expect(frame.numRows).toBe(25);
    expect(await frame.fetch({ rowStart: 5, rowEnd: 15 })).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14].map((i) => [i]));
    expect(calls).toEqual([
      [0, 10],
      [10, 10],
    ]);
    expect(frame.loaded()).toBe(20);
    expect(frame.done()).toBe(false);
  });

  it('serves fetched rows without asking again, and stops at the row count', async () => {
    const { read, calls } = source(25, 10);
    const frame = tableFrameCreate(tableOf(25), read, 10, 1000);
    await frame.fetch({ rowStart: 0, rowEnd: 100 });
    const asked = calls.length;
    expect(await frame.fetch({ rowStart: 20, rowEnd: 30 })).toEqual([20, 21, 22, 23, 24].map((i) => [i]));
    expect(calls.length).toBe(asked);
    expect(frame.done()).toBe(true);
  });

  it('reads short pages (wide rows) by offset when the row count is known', async () => {
    const { read, calls } = source(9, 3);
    const frame = tableFrameCreate(tableOf(9), read, 10, 1000);
    await frame.fetch({ rowStart: 0, rowEnd: 10 });
    expect(calls.map((c) => c[0])).toEqual([0, 3, 6]);
    expect(frame.rowsLoaded()).toEqual([[0], [1], [2], [3], [4], [5], [6], [7], [8]]);
    expect(frame.done()).toBe(true);
  });

  it('ends an unknown-length table at a short page', async () => {
    const { read } = source(7, 100);
    const frame = tableFrameCreate(tableOf(null), read, 5, 1000);
    await frame.fetch({ rowStart: 0, rowEnd: 5 });
    expect(frame.done()).toBe(false);
    await frame.fetch({ rowStart: 5, rowEnd: 10 });
    expect(frame.loaded()).toBe(7);
    expect(frame.done()).toBe(true);
  });

  it('keeps at most cap rows', async () => {
    const { read } = source(100, 10);
    const frame = tableFrameCreate(tableOf(100), read, 10, 25);
    expect((await frame.fetch({ rowStart: 0, rowEnd: 100 })).length).toBe(25);
    expect(frame.loaded()).toBe(25);
    expect(frame.done()).toBe(true);
  });

  it('fails with the API error and keeps what it had', async () => {
    let fail = false;
    const ok = source(50, 10);
    const read: RowsRead = (offset, limit) =>
      fail ? Promise.resolve({ ok: false, error: { code: 'TABLE_CLOSED', message: 'closed' } } as never) : ok.read(offset, limit);
    const frame = tableFrameCreate(tableOf(50), read, 10, 1000);
    await frame.fetch({ rowStart: 0, rowEnd: 10 });
    fail = true;
    const error = await frame.fetch({ rowStart: 10, rowEnd: 20 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FrameError);
    expect((error as FrameError).info.message).toBe('closed');
    expect(frame.loaded()).toBe(10);
  });

  it('stops when its signal is aborted', async () => {
    const { read, calls } = source(50, 10);
    const frame = tableFrameCreate(tableOf(50), read, 10, 1000);
    const abort = new AbortController();
    abort.abort();
    await expect(frame.fetch({ rowStart: 0, rowEnd: 10, signal: abort.signal })).rejects.toThrow();
    expect(calls).toEqual([]);
  });
});
