import { describe, expect, it } from 'vitest';
import type { JsonCell } from '../../../../core/model';
import { cellCopyText, rowsJson, rowsTsv, tsvField } from '../../../../renderer/util/gridCopy';

const names = ['a', 'b', 'c'];
const rows: JsonCell[][] = [
  ['1', null, ''],
  ['x\ty', 'say "hi"', 'two\nlines'],
];

describe('grid copy', () => {
  it('writes TSV with Excel quoting, null and "" as empty fields', () => {
    expect(tsvField('plain')).toBe('plain');
    expect(rowsTsv(rows, [0, 1, 2])).toBe('1\t\t\n"x\ty"\t"say ""hi"""\t"two\nlines"');
    expect(rowsTsv(rows, [2, 0], names)).toBe('c\ta\n\t1\n"two\nlines"\t"x\ty"');
  });

  it('writes JSON that keeps null apart from ""; one row is one object', () => {
    expect(rowsJson([rows[0] ?? []], [0, 1, 2], names)).toBe('{\n  "a": "1",\n  "b": null,\n  "c": ""\n}');
    expect(JSON.parse(rowsJson(rows, [1], names))).toEqual([{ b: null }, { b: 'say "hi"' }]);
  });

  it('copies one cell as shown', () => {
    expect([cellCopyText('37273'), cellCopyText(12), cellCopyText(''), cellCopyText(null)]).toEqual(['37273', '12', '', '']);
  });
});
