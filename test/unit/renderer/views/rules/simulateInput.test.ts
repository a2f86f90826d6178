import { describe, expect, it } from 'vitest';
import { base64Bytes, logsParse, sampleLogsFor } from '../../../../../renderer/views/rules/simulateInput';
import { shippingRuleDefault } from '../../../../../core/shipping/rule';

const rule = shippingRuleDefault();

describe('sampleLogsFor', () => {
  it('writes three JSON logs with the reserved fields and nginx-like fields for a JSON rule', () => {
    const logs = sampleLogsFor({ ...rule, format: 'json' })
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logs).toHaveLength(3);
    expect(logs[0]).toEqual({
      __time__: 1484913000,
      __topic__: 'nginx',
      __source__: '10.0.0.1',
      method: 'method-0',
      status: '200',
      path: 'path-0',
    });
    expect(logs[2]).toMatchObject({ __time__: 1484913014, __source__: '10.0.0.3', status: '400' });
  });

  it("fills a CSV or Parquet rule's own columns, never overwriting a reserved field", () => {
    const csv = { ...rule, format: 'csv' as const, csv: { ...rule.csv!, columns: ['__topic__', 'host'] } };
    expect(JSON.parse(sampleLogsFor(csv).split('\n')[1]!)).toEqual({
      __time__: 1484913007,
      __topic__: 'nginx',
      __source__: '10.0.0.2',
      host: 'host-1',
    });
    const parquet = { ...rule, format: 'parquet' as const, parquet: { columns: [{ name: 'status', type: 'string' as const }] } };
    expect(JSON.parse(sampleLogsFor(parquet).split('\n')[0]!)).toMatchObject({ status: '200' });
  });
});

describe('logsParse', () => {
  it('reads one object a non-blank line', () => {
    expect(logsParse('{"a":1}\n\n  \n{"b":"x"}')).toEqual([{ a: 1 }, { b: 'x' }]);
    expect(logsParse('')).toEqual([]);
  });

  it('throws on a line that is not JSON', () => {
    expect(() => logsParse('{"a":1}\nnot json')).toThrow(SyntaxError);
  });
});

describe('base64Bytes', () => {
  it('decodes base64 to bytes, high bytes included', () => {
    expect([...base64Bytes('AAEC/w==')]).toEqual([0, 1, 2, 255]);
    expect(base64Bytes('')).toHaveLength(0);
  });
});
