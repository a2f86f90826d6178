import { describe, expect, it } from 'vitest';
import { mcIsConstant, mcMappingRows, mcSampleLogs } from '../../../../../renderer/views/rules/mcMapping';

describe('mcSampleLogs', () => {
  it('makes two JSON logs with the reserved fields filled plausibly and constants left out', () => {
    const lines = mcSampleLogs(['__time__', '__source__', '__topic__', 'status', "'x'"]).split('\n');
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([
      { __time__: '1484913043', __source__: '10.0.0.1', __topic__: '', status: 'status-1' },
      { __time__: '1484913103', __source__: '10.0.0.2', __topic__: '', status: 'status-2' },
    ]);
  });
});

describe('mcMappingRows', () => {
  it('maps each log to the reader columns: constants unquoted, missing fields null, bad JSON null', () => {
    const text = '{"a":1,"b":"x"}\n\n{"b":2}\nnot json';
    expect(mcMappingRows(text, ['a', "'k'", 'b'])).toEqual([['1', 'k', 'x'], [null, 'k', '2'], null]);
  });

  it('keeps at most 20 rows', () => {
    expect(mcMappingRows(Array.from({ length: 30 }, () => '{}').join('\n'), ['a'])).toHaveLength(20);
  });

  it('tells constants from fields', () => {
    expect([mcIsConstant("'x'"), mcIsConstant('x'), mcIsConstant("'")]).toEqual([true, false, false]);
  });
});
