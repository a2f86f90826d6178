import { describe, expect, it } from 'vitest';
import { indexedTableReader } from '../../../../core/formats/indexedTable';
import type { Cell } from '../../../../core/model/cells';

function numbered(count: number) {
  const calls: Array<[number, number]> = [];
  const reader = indexedTableReader(
    [{ name: 'n', type: 'int32' }],
    count,
    (first, end) => {
      calls.push([first, end]);
      const rows: Cell[][] = [];
      for (let i = first; i < end; i++) rows.push([i]);
      return rows;
    },
    'n.json',
  );
  return { reader, calls };
}

describe('indexedTableReader', () => {
  it('reads a page clipped to the row count and never asks for an empty range', async () => {
    const { reader, calls } = numbered(3);
    expect(reader.numRows).toBe(3);
    expect(await reader.readRows(1, 10)).toEqual([[1], [2]]);
    expect(await reader.readRows(3, 5)).toEqual([]);
    expect(await reader.readRows(0, 0)).toEqual([]);
    expect(calls).toEqual([[1, 3]]);
  });

  it('rejects a bad range with INVALID_ARGUMENT naming the source', async () => {
    const { reader } = numbered(3);
    await expect(reader.readRows(-1, 2)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', source: 'n.json' });
    await expect(reader.readRows(0, 1.5)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('stops with CANCELLED when the signal is aborted', async () => {
    const { reader } = numbered(3);
    const controller = new AbortController();
    controller.abort();
    await expect(reader.readRows(0, 1, controller.signal)).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('yields every row in batches of 5000', async () => {
    const { reader, calls } = numbered(12_001);
    let rows = 0;
    for await (const batch of reader.rowBatches()) rows += batch.length;
    expect(rows).toBe(12_001);
    expect(calls).toEqual([
      [0, 5000],
      [5000, 10_000],
      [10_000, 12_001],
    ]);
  });
});
