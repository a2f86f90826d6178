import { describe, expect, it } from 'vitest';
import { csvExport } from '../../../../core/export/csvExport';
import type { Cell } from '../../../../core/model/cells';
import type { TableReader } from '../../../../core/formats/table';

function tableOf(names: string[], rows: Cell[][], batch = 2): TableReader {
  return {
    columns: names.map((name) => ({ name, type: 'string' })),
    numRows: rows.length,
    async readRows(offset, limit) {
      return rows.slice(offset, offset + limit);
    },
    async *rowBatches() {
      for (let i = 0; i < rows.length; i += batch) yield rows.slice(i, i + batch);
    },
  };
}

async function exportText(reader: TableReader, options: Parameters<typeof csvExport>[2] = {}) {
  const chunks: string[] = [];
  const result = await csvExport(
    reader,
    (c) => {
      chunks.push(c);
    },
    options,
  );
  return { text: chunks.join(''), chunks, ...result };
}

const rows: Cell[][] = [
  ['=1+1', 9223372036854775807n, null, ''],
  ['-2', -1n, -2.5, true],
  ['a,b', 'say "hi"', 'line\nbreak', ' pad '],
  ['@x', '+y', '\tz', '\rw'],
  ['=multi\nline', '中文', false, 0],
];

describe('csvExport', () => {
  it('writes RFC 4180 CSV with the formula guard on by default', async () => {
    const { text, rows: count, bytes } = await exportText(tableOf(['a', 'b', 'c', 'd'], rows));
    expect(text).toBe(
      'a,b,c,d\r\n' +
        `"'=1+1",9223372036854775807,,\r\n` +
        `"'-2",-1,-2.5,true\r\n` +
        '"a,b","say ""hi""","line\nbreak"," pad "\r\n' +
        `"'@x","'+y","'\tz","'\rw"\r\n` +
        `"'=multi\nline",中文,false,0\r\n`,
    );
    expect(count).toBe(5);
    expect(bytes).toBe(new TextEncoder().encode(text).length);
  });

  it('never guards DECIMAL digits (Parquet decimals are exact text): -0.001 stays a number, text "-2" does not', async () => {
    const reader = {
      ...tableOf(
        ['d', 's'],
        [
          ['-0.001', '-2'],
          ['1.50', '=x'],
        ],
      ),
      columns: [
        { name: 'd', type: 'decimal' as const },
        { name: 's', type: 'string' as const },
      ],
    };
    expect((await exportText(reader)).text).toBe(`d,s\r\n-0.001,"'-2"\r\n1.50,"'=x"\r\n`);
    expect((await exportText(reader, { columns: ['s', 'd'] })).text).toBe(`s,d\r\n"'-2",-0.001\r\n"'=x",1.50\r\n`);
  });

  it('leaves formulas alone when the guard is off, and writes a BOM on request', async () => {
    const { text } = await exportText(
      tableOf(
        ['a', 'b'],
        [
          ['=1+1', '@x'],
          ['-2', '+y'],
        ],
      ),
      { formulaGuard: false, bom: true },
    );
    expect(text).toBe('\uFEFFa,b\r\n=1+1,@x\r\n-2,+y\r\n');
  });

  it('selects and orders columns, and uses another delimiter', async () => {
    const { text } = await exportText(tableOf(['a', 'b', 'c'], [['1', '2', '3;4']]), { columns: ['c', 'a'], delimiter: ';' });
    expect(text).toBe('c;a\r\n"3;4";1\r\n');
  });

  it('writes in chunks and reports progress', async () => {
    const many = Array.from({ length: 12 }, (_v, i): Cell[] => [String(i)]);
    const progress: number[] = [];
    const { chunks, rows: count } = await exportText(tableOf(['n'], many, 5), { chunkRows: 3, onProgress: (r) => progress.push(r) });
    expect(count).toBe(12);
    // header + batches of 5, 5, 2 rows cut into chunks of at most 3: 3+2, 3+2, 2
    expect(chunks).toEqual(['n\r\n', '0\r\n1\r\n2\r\n', '3\r\n4\r\n', '5\r\n6\r\n7\r\n', '8\r\n9\r\n', '10\r\n11\r\n']);
    expect(progress).toEqual([3, 5, 8, 10, 12]);
  });

  it('rejects an unknown column and a bad delimiter with INVALID_ARGUMENT', async () => {
    await expect(exportText(tableOf(['a'], []), { columns: ['zz'] })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(exportText(tableOf(['a'], []), { delimiter: '"' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('stops with CANCELLED when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(exportText(tableOf(['a'], [['1']]), { signal: controller.signal })).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
