import { describe, expect, it } from 'vitest';
import { hiveColumns } from '../../../../../renderer/views/browse/objectListColumns';

const entry = (key: string) => ({ key, size: 1, lastModified: '2026-11-24T10:00:00.000Z' });

describe('hiveColumns', () => {
  it('sizes each partition column to its name and values instead of a fixed 52 px', () => {
    const { names, widths } = hiveColumns([
      entry('logs/ds=20261124/h=9/19_1484913043351525351_2850008.snappy'),
      entry('logs/ds=20261125/h=10/19_1484913043351525351_2850009.snappy'),
    ]);
    expect(names).toEqual(['ds', 'h']);
    // "20261124": 8 characters → 76 px; "h"/"10": the 52 px minimum.
    expect(widths).toEqual([76, 52]);
  });

  it('caps a very long value', () => {
    expect(hiveColumns([entry(`p/k=${'x'.repeat(100)}/a_1484913043351525351_1`)]).widths).toEqual([220]);
  });
});
