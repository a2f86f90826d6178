import { describe, expect, it } from 'vitest';
import { csvHybridDbPreset, shippingRuleDefault } from '../../../../core/shipping/rule';
import { shippingSimulate } from '../../../../core/shipping/simulator';
import { ruleValidate } from '../../../../core/shipping/ruleValidate';

describe('csvHybridDbPreset', () => {
  it('is the document\'s HybridDB dialect: , " empty invalid-key value, no header, keeping the columns', () => {
    expect(csvHybridDbPreset(['__time__', 'ip', 'msg'])).toEqual({
      columns: ['__time__', 'ip', 'msg'],
      delimiter: ',',
      quote: '"',
      nullValue: '',
      header: false,
    });
  });

  it('ships rows a HybridDB COPY … CSV reads: a missing key is an empty field, no header line', async () => {
    const rule = {
      ...shippingRuleDefault(),
      bucket: 'test-bucket',
      format: 'csv' as const,
      csv: { ...csvHybridDbPreset(['__time__', 'ip', 'msg']), delimiter: '|' },
    };
    const preset = { ...rule, csv: csvHybridDbPreset(rule.csv.columns) };
    expect(ruleValidate(preset).filter((i) => i.severity === 'error' && i.field.startsWith('csv'))).toEqual([]);
    const [object] = await shippingSimulate(
      preset,
      [
        { __time__: 1484913043, ip: '10.0.0.1', msg: 'a "b", c' },
        { __time__: 1484913044, msg: 'x' },
      ],
      1484913043351525351n,
      0,
      {
        parquetWrite: async () => new Uint8Array(0),
        compressRaw: (b) => b,
      },
    );
    expect(new TextDecoder().decode(object?.bytes)).toBe('1484913043,10.0.0.1,"a ""b"", c"\n1484913044,,x\n');
  });
});
