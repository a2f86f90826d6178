// Issue 12 item 1: export writes in chunks bounded by cells, yields so a cancel lands during a
// long loop, and its own field writer matches papaparse's unparse byte for byte.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvExport } from '../../../../core/export/csvExport';
import { csvRowsText } from '../../../../core/export/csvRows';
import type { Cell } from '../../../../core/model/cells';
import type { TableReader } from '../../../../core/formats/table';

function readerOf(width: number, batches: number, batchRows: number, each?: () => void): TableReader {
  const row = (r: number): Cell[] => Array.from({ length: width }, (_v, c) => (c === r % width ? String(r) : null));
  return {
    columns: Array.from({ length: width }, (_v, i) => ({ name: `c${i}`, type: 'string' })),
    numRows: batches * batchRows,
    async readRows() {
      return [];
    },
    async *rowBatches() {
      for (let b = 0; b < batches; b++) {
        each?.();
        yield Array.from({ length: batchRows }, (_v, i) => row(b * batchRows + i));
      }
    },
  };
}

const tricky: Cell[] = [
  '',
  ' a',
  'b ',
  'x,y',
  'q"q',
  'l\nm',
  'c\rr',
  '\uFEFFbom',
  '=1',
  '-1',
  '+',
  '@',
  '\tt',
  '中文',
  '😀',
  null,
  0,
  -2.5,
  1e21,
  true,
  false,
  12345678901234567890n,
  -1n,
];

describe('csvRowsText', () => {
  it.each([
    [',', true],
    [';', false],
    ['.', true],
    ['-', true],
    ['\t', true],
  ])('writes what Papa.unparse writes (delimiter %j, formula guard %s)', (delimiter, guard) => {
    const rows = [tricky, [...tricky].reverse(), ['a', null, null, 'b'], [null, null, 'x', null], [null, null], ['', null, ''], [null]];
    const formula = /^[=+\-@\t\r]/;
    const papa = `${Papa.unparse(rows, { delimiter, newline: '\r\n', quoteChar: '"', header: false, escapeFormulae: guard ? formula : false })}\r\n`;
    expect(csvRowsText(rows, null, { delimiter, formulaGuard: guard ? formula : null })).toBe(papa);
  });

  it('selects columns by index and writes nothing for no rows', () => {
    expect(csvRowsText([['a', 'b', 'c']], [2, 0], { delimiter: ',', formulaGuard: null })).toBe('c,a\r\n');
    expect(csvRowsText([], null, { delimiter: ',', formulaGuard: null })).toBe('');
  });
});

describe('csvExport bounds', () => {
  it('writes a wide table in chunks of about 100,000 cells', async () => {
    const chunks: string[] = [];
    const result = await csvExport(readerOf(2001, 1, 100), (c) => {
      chunks.push(c);
    });
    // header, then 100 rows as 49 + 49 + 2 (floor(100,000 / 2,001) = 49 rows per chunk)
    expect(chunks.map((c) => c.split('\r\n').length - 1)).toEqual([1, 49, 49, 2]);
    expect(result.rows).toBe(100);
    expect(chunks[1]?.startsWith(`0${','.repeat(2000)}\r\n,1${','.repeat(1999)}\r\n`)).toBe(true);
  });

  it('lets a cancel from a timer land during a loop that never waits for I/O', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 0);
    // Each batch costs 5 ms of synchronous work: 400 batches never leave the microtask queue
    // unless the exporter yields to the event loop.
    const busy = () => {
      const until = Date.now() + 5;
      while (Date.now() < until);
    };
    let rows = 0;
    const run = csvExport(readerOf(3, 400, 10, busy), () => undefined, {
      signal: controller.signal,
      onProgress: (r) => {
        rows = r;
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(rows).toBeLessThan(4000);
  });
});
