import { describe, expect, it } from 'vitest';
import { csvExport } from '../../../../core/export/csvExport';
import type { TableReader } from '../../../../core/formats/table';

// Regression: the byte count undercounted characters outside the BMP (emoji) by 2 each.
describe('csvExport byte count', () => {
  it('counts 4 UTF-8 bytes for every astral-plane character', async () => {
    const rows = [
      ['😀', 'a😀b', '中文'],
      ['𝄞𝄞', 'é', ''],
    ];
    const reader: TableReader = {
      columns: ['x', 'y', 'z'].map((name) => ({ name, type: 'string' as const })),
      numRows: rows.length,
      async readRows(offset, limit) {
        return rows.slice(offset, offset + limit);
      },
      async *rowBatches() {
        yield rows;
      },
    };
    const chunks: string[] = [];
    const { bytes } = await csvExport(
      reader,
      (c) => {
        chunks.push(c);
      },
      { bom: true },
    );
    expect(bytes).toBe(new TextEncoder().encode(chunks.join('')).length);
    expect(chunks.join('')).toBe('\uFEFFx,y,z\r\n😀,a😀b,中文\r\n𝄞𝄞,é,\r\n');
  });
});
