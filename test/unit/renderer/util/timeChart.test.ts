import { describe, expect, it } from 'vitest';
import { timeChartMaxBars, timeChartPick, timeChartRects } from '../../../../renderer/util/timeChart';

const cols = [
  { name: 'hour', type: 'TIMESTAMP WITH TIME ZONE' },
  { name: 'n', type: 'BIGINT' },
];

describe('timeChartPick', () => {
  it('draws one time and one number column, ordered by instant across offsets, BIGINT digits as numbers', () => {
    const chart = timeChartPick(cols, [
      ['2026-11-24 11:00:00+08:00', '7'],
      ['2026-11-24 02:30:00+00:00', '3'], // 10:30+08:00: between the other two
      ['2026-11-24 10:00:00+08:00', '12'],
      [null, '4'],
      ['2026-11-24 12:00:00+08:00', null],
    ]);
    expect(chart).toEqual({
      timeColumn: 'hour',
      valueColumn: 'n',
      bars: [
        { label: '2026-11-24 10:00:00+08:00', value: 12 },
        { label: '2026-11-24 02:30:00+00:00', value: 3 },
        { label: '2026-11-24 11:00:00+08:00', value: 7 },
      ],
      max: 12,
      dropped: 2,
    });
  });

  it('takes the columns in either order, DATE and DOUBLE / DECIMAL too', () => {
    expect(
      timeChartPick(
        [
          { name: 'avg', type: 'DOUBLE' },
          { name: 'day', type: 'DATE' },
        ],
        [
          [1.5, '2026-11-24'],
          [0.5, '2026-11-23'],
        ],
      )?.bars,
    ).toEqual([
      { label: '2026-11-23', value: 0.5 },
      { label: '2026-11-24', value: 1.5 },
    ]);
    expect(
      timeChartPick(
        [
          { name: 't', type: 'TIMESTAMP' },
          { name: 's', type: 'DECIMAL(18,3)' },
        ],
        [['2026-11-24 10:00:00', '2.250']],
      )?.max,
    ).toBe(2.25);
  });

  it('leaves other shapes to the table', () => {
    expect(timeChartPick([...cols, { name: 'status', type: 'VARCHAR' }], [['2026-11-24 10:00:00+08:00', '1', '200']])).toBeNull();
    expect(
      timeChartPick(
        [
          { name: 'status', type: 'VARCHAR' },
          { name: 'n', type: 'BIGINT' },
        ],
        [['200', '1']],
      ),
    ).toBeNull();
    expect(
      timeChartPick(
        [
          { name: 'a', type: 'TIMESTAMP' },
          { name: 'b', type: 'TIMESTAMP' },
        ],
        [['2026-11-24 10:00:00', '2026-11-24 10:00:00']],
      ),
    ).toBeNull();
    expect(timeChartPick(cols, [])).toBeNull();
    expect(timeChartPick(cols, [[null, '1']])).toBeNull();
    const many = Array.from({ length: timeChartMaxBars + 1 }, (_, i) => [new Date(i * 60_000).toISOString(), i]);
    expect(timeChartPick(cols, many)).toBeNull();
    expect(timeChartPick(cols, many.slice(1))?.bars).toHaveLength(timeChartMaxBars);
  });
});

describe('timeChartRects', () => {
  it('scales bars to the largest value in equal slots; negatives and an all-zero result draw nothing', () => {
    const chart = timeChartPick(cols, [
      ['2026-11-24 10:00:00+08:00', 10],
      ['2026-11-24 11:00:00+08:00', 5],
      ['2026-11-24 12:00:00+08:00', -2],
      ['2026-11-24 13:00:00+08:00', 0],
    ]);
    expect(chart && timeChartRects(chart, 400, 100)).toEqual([
      { x: 10, y: 0, w: 80, h: 100 },
      { x: 110, y: 50, w: 80, h: 50 },
      { x: 210, y: 100, w: 80, h: 0 },
      { x: 310, y: 100, w: 80, h: 0 },
    ]);
    const zero = timeChartPick(cols, [['2026-11-24 10:00:00+08:00', 0]]);
    expect(zero && timeChartRects(zero, 400, 100)).toEqual([{ x: 40, y: 100, w: 320, h: 0 }]);
  });
});
