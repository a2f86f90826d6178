import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byteSourceFromBytes } from '../../core/bytes/byteSource';
import { snappyCompressRaw } from '../../core/codecs/snappy';
import { tableOpen } from '../../core/formats/tableOpen';
import type { Cell } from '../../core/model/cells';
import type { TableReader } from '../../core/formats/table';
import { TableRegistry } from '../../main/services/tableRegistry';
import { tableWorkerOpen } from '../../main/workers/tableWorkerClient';
import { workerBuild } from './serverHelpers';

let workerPath = '';
beforeAll(async () => {
  workerPath = await workerBuild();
});

const lines = Array.from({ length: 25_003 }, (_, i) =>
  i === 7 ? 'not json' : JSON.stringify({ __time__: 1700000000 + i, __topic__: i % 2 ? 'a' : '', msg: `m${i} "q"`, n: i }),
);
const jsonBytes = new TextEncoder().encode(`${lines.join('\n')}\n`);
const csvBytes = new TextEncoder().encode('a,b\r\n1,"x,y"\r\n2,\r\n3,z\r\n');

async function all(reader: TableReader): Promise<Cell[][]> {
  const rows: Cell[][] = [];
  for await (const batch of reader.rowBatches()) rows.push(...batch);
  return rows;
}

const opened: { close(): void }[] = [];
afterAll(() => opened.forEach((t) => t.close()));

describe('tableWorkerOpen (JSON/CSV decoded, indexed and held in a worker thread)', () => {
  it.each([
    { name: 'logs/13_1700000000000000000_1', bytes: jsonBytes },
    { name: 'logs/13_1700000000000000000_1.snappy', bytes: snappyCompressRaw(jsonBytes) },
  ])('$name: the same columns, rows, warnings and text as tableOpen inline; text is shared memory', async ({ name, bytes }) => {
    const inline = await tableOpen(byteSourceFromBytes(bytes, name), { maxDecodeBytes: 1 << 30 });
    const progress: number[] = [];
    const table = await tableWorkerOpen(workerPath, {
      request: { bytes, name, maxDecodeBytes: 1 << 30 },
      onProgress: (done) => progress.push(done),
    });
    opened.push(table);
    expect(table.reader.columns).toEqual(inline.reader.columns);
    expect(table.reader.numRows).toBe(25_002);
    expect(table).toMatchObject({ format: inline.format, compression: inline.compression, warnings: inline.warnings });
    expect(table.snappyVariant).toBe(inline.snappyVariant);
    expect(table.text?.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Buffer.from(table.text as Uint8Array).equals(Buffer.from(jsonBytes))).toBe(true);
    expect(await table.reader.readRows(5, 4)).toEqual(await inline.reader.readRows(5, 4));
    expect(await table.reader.readRows(25_000, 100)).toEqual(await inline.reader.readRows(25_000, 100));
    expect(await all(table.reader)).toEqual(await all(inline.reader));
  });

  it('opens CSV with a dialect and reports corrupt snappy as the typed error', async () => {
    const dialect = { delimiter: ',', quote: '"', header: true, nullValue: '' };
    const table = await tableWorkerOpen(workerPath, { request: { bytes: csvBytes, name: 'x.csv', maxDecodeBytes: 1 << 20, dialect } });
    opened.push(table);
    expect(await table.reader.readRows(0, 10)).toEqual(
      await (await tableOpen(byteSourceFromBytes(csvBytes, 'x.csv'), { dialect })).reader.readRows(0, 10),
    );
    const corrupt = snappyCompressRaw(jsonBytes).slice(0, 5000);
    await expect(
      tableWorkerOpen(workerPath, { request: { bytes: corrupt, name: 'c.snappy', maxDecodeBytes: 1 << 30 } }),
    ).rejects.toMatchObject({ code: 'TRUNCATED', source: 'c.snappy' });
    await expect(
      tableWorkerOpen(workerPath, {
        request: { bytes: jsonBytes, name: 'big.json', maxDecodeBytes: 1 << 30 },
        signal: AbortSignal.abort(),
      }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    await expect(table.reader.readRows(-1, 2)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('the registry closes the worker: later reads are refused, not hung', async () => {
    const table = await tableWorkerOpen(workerPath, { request: { bytes: jsonBytes, name: 'a.json', maxDecodeBytes: 1 << 30 } });
    const registry = new TableRegistry(1);
    const id = registry.add({ key: 'a.json', opened: table });
    registry.add({ key: 'b.json', opened: { ...table, close: undefined } }); // evicts and closes the first
    expect(() => registry.get(id)).toThrow();
    await expect(table.reader.readRows(0, 1)).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
