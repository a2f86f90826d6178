import { describe, expect, it } from 'vitest';
import type { JsonCell } from '../../../../core/model';
import { cellNumber, columnLooksNumeric, compareCells, rowFilterParse, sortByColumn } from '../../../../renderer/util/gridValues';

describe('compareCells', () => {
  it('sorts Log Service number strings by value, not as text (issue 18 defect 3)', () => {
    const cells = ['0', '1648', '1805', '204020', '207011', '229004', '37273'];
    expect([...cells].sort(compareCells)).toEqual(['0', '1648', '1805', '37273', '204020', '207011', '229004']);
  });

  it('puts numbers before text, text in code-unit order and null last; "" is text, not null', () => {
    const cells: JsonCell[] = [null, 'b', '', '10', 2, 'a', '-3.5'];
    expect([...cells].sort(compareCells)).toEqual(['-3.5', 2, '10', '', 'a', 'b', null]);
  });
});

describe('cellNumber', () => {
  it('reads plain decimals only', () => {
    expect(['12', '-0.5', '1e3', '007', '0x10', ' 1', '', 'Infinity', '1.', true, null, 4].map((c) => cellNumber(c as JsonCell))).toEqual([
      12,
      -0.5,
      1000,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      4,
    ]);
  });
});

describe('rowFilterParse', () => {
  const columns = ['status', 'size', 'msg'];
  const rows: JsonCell[][] = [
    ['200', '37273', 'ok'],
    ['404', '1805', 'Not Found'],
    ['500', null, ''],
    ['503', '204020', 'slow 500'],
  ];
  const keep = (text: string) => {
    const f = rowFilterParse(text, columns);
    return f ? rows.filter(f).map((r) => r[0]) : 'none';
  };

  it('compares by value in a named column or any column', () => {
    expect(keep('status>=500')).toEqual(['500', '503']);
    expect(keep('size < 40000')).toEqual(['200', '404']);
    expect(keep('>200000')).toEqual(['503']);
    expect(keep('STATUS=404')).toEqual(['404']);
    expect(keep('status!=200')).toEqual(['404', '500', '503']);
  });

  it('searches text otherwise, finds null cells by "null", and no filter for blank input', () => {
    expect(keep('not f')).toEqual(['404']);
    expect(keep('500')).toEqual(['500', '503']);
    expect(keep('null')).toEqual(['500']);
    expect(keep('nosuch>3')).toEqual([]);
    expect(keep('  ')).toBe('none');
  });
});

describe('columnLooksNumeric', () => {
  it('is true when every non-empty cell is a number', () => {
    expect(columnLooksNumeric([['1'], [null], [''], ['2.5']], 0)).toBe(true);
    expect(columnLooksNumeric([['1'], ['x']], 0)).toBe(false);
    expect(columnLooksNumeric([[null]], 0)).toBe(false);
  });
});

describe('sortByColumn', () => {
  const list = ['37273', null, '0', 'b', '1805', '', '1805', 'a'].map((v, index) => ({ row: [v] as JsonCell[], index }));
  it('sorts by value, keeps file order for ties and null last in both directions', () => {
    expect(sortByColumn(list, 0, false).map((e) => e.index)).toEqual([2, 4, 6, 0, 5, 7, 3, 1]);
    expect(sortByColumn(list, 0, true).map((e) => e.index)).toEqual([3, 7, 5, 0, 4, 6, 2, 1]);
  });
});
