// Issue 12 item 1 for shipped CSV: one row of 100,000 fields must not make every row 100,000
// cells. Fields beyond `maxColumns` share one "(other columns)" column as JSON, with a warning.
import { describe, expect, it } from 'vitest';
import { csvDialectDefault } from '../../../../core/model/csvDialect';
import { shippedCsvTable } from '../../../../core/formats/shippedCsv';

const dialect = (over: Partial<typeof csvDialectDefault> = {}) => ({ ...csvDialectDefault, ...over });

describe('shippedCsvTable column limit', () => {
  it('keeps fields beyond maxColumns as a JSON object keyed by their column names', async () => {
    const { reader, warnings } = shippedCsvTable('a,b,c,d\n1\n', csvDialectDefault, { maxColumns: 2, source: 'w.csv' });
    expect(reader.columns).toEqual([
      { name: 'column1', type: 'string' },
      { name: 'column2', type: 'string' },
      { name: '(other columns)', type: 'json' },
    ]);
    expect(await reader.readRows(0, 5)).toEqual([
      ['a', 'b', '{"column3":"c","column4":"d"}'],
      ['1', null, null],
    ]);
    expect(warnings[0]).toEqual({
      message:
        'w.csv has rows of 4 fields, over the 2-column limit; the fields beyond it are kept as JSON in the "(other columns)" column (the column limit is a setting).',
    });
    expect(warnings.slice(1)).toEqual([{ line: 2, message: 'Row 2 has 1 fields, expected 4.' }]);
  });

  it('uses header names and the invalid-key value in the JSON, and a free name for the column', async () => {
    const text = 'x,(other columns),y,z\n1,2,-,"q,r"\n';
    const { reader } = shippedCsvTable(text, dialect({ header: true, nullValue: '-' }), { maxColumns: 2 });
    expect(reader.columns.map((c) => c.name)).toEqual(['x', '(other columns)', '(other columns) 2']);
    expect(await reader.readRows(0, 1)).toEqual([['1', '2', '{"y":null,"z":"q,r"}']]);
  });

  it('reads one row of 100,000 fields among 2,000 short rows as 2,001 columns in batches of 49 rows', async () => {
    const text = `${'f,'.repeat(99_999)}f\n${'s\n'.repeat(2000)}`;
    const { reader } = shippedCsvTable(text);
    expect(reader.columns).toHaveLength(2001);
    let rows = 0;
    let largest = 0;
    for await (const batch of reader.rowBatches()) {
      if (rows === 0) expect(JSON.parse(String(batch[0]?.[2000]))).toMatchObject({ column2001: 'f', column100000: 'f' });
      rows += batch.length;
      largest = Math.max(largest, batch.length);
    }
    expect([rows, largest]).toEqual([2001, 49]);
  });
});
