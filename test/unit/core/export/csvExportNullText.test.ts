// Issue 18 feature 8: a null marker keeps null apart from '' in exported CSV.
import { describe, expect, it } from 'vitest';
import { csvExport } from '../../../../core/export/csvExport';
import { csvRowsText } from '../../../../core/export/csvRows';
import type { Cell } from '../../../../core/model/cells';
import type { TableReader } from '../../../../core/formats/table';

const rows: Cell[][] = [
  ['a', null, ''],
  [null, '=x', null],
  [null, null, null],
];

function readerOf(cells: Cell[][]): TableReader {
  return {
    columns: [
      { name: 'x', type: 'string' },
      { name: 'y', type: 'string' },
      { name: 'z', type: 'string' },
    ],
    numRows: cells.length,
    async readRows(offset, limit) {
      return cells.slice(offset, offset + limit);
    },
    async *rowBatches() {
      yield cells;
    },
  };
}

describe('csv null marker', () => {
  it('writes the marker for null and nothing for "", quoting it like text but never formula-guarding it', () => {
    const guard = /^[=+\-@\t\r]/;
    expect(csvRowsText(rows, null, { delimiter: ',', formulaGuard: guard, nullText: 'NULL' })).toBe(
      'a,NULL,\r\nNULL,"\'=x",NULL\r\nNULL,NULL,NULL\r\n',
    );
    expect(csvRowsText(rows, [1, 0], { delimiter: ';', formulaGuard: guard, nullText: '-' })).toBe('-;a\r\n"\'=x";-\r\n-;-\r\n');
    expect(csvRowsText([[null, 'b']], null, { delimiter: ',', formulaGuard: null, nullText: 'a,b' })).toBe('"a,b",b\r\n');
    // Without a marker null and '' both stay empty fields (papaparse's output, unchanged).
    expect(csvRowsText(rows, null, { delimiter: ',', formulaGuard: null })).toBe('a,,\r\n,=x,\r\n,,\r\n');
  });

  it('reaches csvExport', async () => {
    const chunks: string[] = [];
    const result = await csvExport(
      readerOf(rows),
      (c) => {
        chunks.push(c);
      },
      { nullText: '\\N', formulaGuard: false },
    );
    expect(chunks.join('')).toBe('x,y,z\r\na,\\N,\r\n\\N,=x,\\N\r\n\\N,\\N,\\N\r\n');
    expect(result).toEqual({ rows: 3, bytes: 34 });
  });
});
