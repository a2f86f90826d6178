import { beforeAll, describe, expect, it } from 'vitest';
import { csvDialectDefault } from '../../../../core/model/csvDialect';
import { shippedCsvTable } from '../../../../core/formats/shippedCsv';
import { fixtureBytes, fixtureJson, fixturesEnsure, textDir, textNames } from './fixtureFiles';

beforeAll(() => fixturesEnsure('genText'));

const dialect = (over: Partial<typeof csvDialectDefault> = {}) => ({ ...csvDialectDefault, ...over });

describe('shippedCsvTable', () => {
  it('reads the generated header-less fixture with the rule columns and a `-` invalid-key value', async () => {
    const text = new TextDecoder().decode(fixtureBytes(textDir, textNames.csv));
    const expected = fixtureJson<{ columns: string[]; rows: string[][] }>(textDir, `${textNames.csv}.expected.json`);
    const { reader, warnings } = shippedCsvTable(text, dialect({ columns: expected.columns, nullValue: '-' }));
    expect(warnings).toEqual([]);
    expect(reader.columns.map((c) => c.name)).toEqual(expected.columns);
    expect(reader.numRows).toBe(200);
    const rows = await reader.readRows(0, 500);
    expect(rows).toEqual(expected.rows.map((r) => r.map((v) => (v === '-' ? null : v))));
    expect(await reader.readRows(9, 1)).toEqual([['1484913052', '10.0.0.9', 'multi\nline', '200']]);
  });

  it('names columns column1..N without names, and takes names from a header row', async () => {
    const plain = shippedCsvTable('a,b,c\n1,2,3\n');
    expect(plain.reader.columns.map((c) => c.name)).toEqual(['column1', 'column2', 'column3']);
    expect(plain.reader.numRows).toBe(2);
    const headed = shippedCsvTable('a,b,c\r\n1,2,3\r\n', dialect({ header: true, columns: ['x'] }));
    expect(headed.reader.columns.map((c) => c.name)).toEqual(['a', 'b', 'c']);
    expect(await headed.reader.readRows(0, 5)).toEqual([['1', '2', '3']]);
  });

  it('honours delimiter and quote, doubling as escape, with delimiters and line breaks inside fields', async () => {
    const text = "1|'a|b'|'it''s'\n2|'x\r\ny'|''\n";
    const { reader } = shippedCsvTable(text, dialect({ delimiter: '|', quote: "'" }));
    expect(await reader.readRows(0, 5)).toEqual([
      ['1', 'a|b', "it's"],
      ['2', 'x\r\ny', ''],
    ]);
  });

  it('keeps empty cells as "" with the empty invalid-key value, null only for a non-empty one', async () => {
    expect(await shippedCsvTable('a,,null\n').reader.readRows(0, 1)).toEqual([['a', '', 'null']]);
    expect(await shippedCsvTable('a,,null\n', dialect({ nullValue: 'null' })).reader.readRows(0, 1)).toEqual([['a', '', null]]);
  });

  it('pads short rows with null, adds columns for wide rows, and warns about both', async () => {
    const { reader, warnings } = shippedCsvTable('\uFEFFa,b\nc\nd,e,f\n', dialect({ columns: ['x', 'y'] }));
    expect(reader.columns.map((c) => c.name)).toEqual(['x', 'y', 'column3']);
    expect(await reader.readRows(0, 3)).toEqual([
      ['a', 'b', null],
      ['c', null, null],
      ['d', 'e', 'f'],
    ]);
    expect(warnings).toEqual([
      { line: 1, message: 'Row 1 has 2 fields, expected 3.' },
      { line: 2, message: 'Row 2 has 1 fields, expected 3.' },
    ]);
  });

  it('pages through many rows and batches them', async () => {
    const text = Array.from({ length: 12_345 }, (_v, i) => `${i},"v${i}"`).join('\n');
    const { reader } = shippedCsvTable(text);
    expect(await reader.readRows(12_340, 10)).toEqual([12_340, 12_341, 12_342, 12_343, 12_344].map((i) => [String(i), `v${i}`]));
    let total = 0;
    for await (const batch of reader.rowBatches()) total += batch.length;
    expect(total).toBe(12_345);
  });

  it('rejects a dialect whose delimiter equals its quote', () => {
    expect(() => shippedCsvTable('a', dialect({ delimiter: '"' }))).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
