import { describe, expect, it } from 'vitest';
import type { ShippingRule } from '../../../../../main/api/contract';
import { shippingRuleDefault } from '../../../../../core/shipping/rule';
import { csvDialectDefault } from '../../../../../core/model';
import { csvDialectIsDefault, ruleCsvDialect } from '../../../../../renderer/views/inspect/ruleCsvDialect';

const csvRule = (prefix: string, columns: string[], header = false): ShippingRule => ({
  ...shippingRuleDefault(),
  prefix,
  partitionFormat: 'ds=%Y%m%d/%H',
  format: 'csv',
  compression: 'snappy',
  csv: { columns, delimiter: '|', quote: "'", nullValue: '-', header },
});

const key = 'nginx-access-csv/ds=20261123/00_1795363217782631709_3170000.snappy.csv';

describe('a shipped CSV read with its rule', () => {
  it('takes the column list, delimiter, quote and invalid-key value of a CSV rule whose prefix covers the key', () => {
    expect(ruleCsvDialect([csvRule('nginx-access-csv', ['__time__', 'ip', 'status'])], key)).toEqual({
      delimiter: '|',
      quote: "'",
      header: false,
      columns: ['__time__', 'ip', 'status'],
      nullValue: '-',
    });
    expect(ruleCsvDialect([csvRule('/nginx-access-csv/', ['ip'])], key)?.columns).toEqual(['ip']);
  });

  it('takes the first rule that covers the key (the imported one before the editor’s)', () => {
    const rules = [csvRule('other', ['a']), csvRule('nginx-access-csv', ['b']), csvRule('', ['c'])];
    expect(ruleCsvDialect(rules, key)?.columns).toEqual(['b']);
    expect(ruleCsvDialect([null, undefined, csvRule('', ['c'])], key)?.columns).toEqual(['c']);
  });

  it('reads the header line when the rule writes one, and gives nothing without a usable CSV rule', () => {
    expect(ruleCsvDialect([csvRule('nginx-access-csv', ['ip'], true)], key)).toEqual({
      delimiter: '|',
      quote: "'",
      header: true,
      nullValue: '-',
    });
    expect(ruleCsvDialect([csvRule('nginx-access', ['ip'])], key)).toBeNull();
    expect(ruleCsvDialect([csvRule('nginx-access-csv', [])], key)).toBeNull();
    expect(ruleCsvDialect([{ ...shippingRuleDefault(), prefix: 'nginx-access-csv' }], key)).toBeNull();
    expect(ruleCsvDialect([], key)).toBeNull();
  });

  it('tells the default dialect (nothing chosen) from a chosen or named one', () => {
    expect(csvDialectIsDefault({ ...csvDialectDefault })).toBe(true);
    expect(csvDialectIsDefault({ ...csvDialectDefault, columns: [] })).toBe(true);
    expect(csvDialectIsDefault({ ...csvDialectDefault, header: true })).toBe(false);
    expect(csvDialectIsDefault({ ...csvDialectDefault, columns: ['ip'] })).toBe(false);
    expect(csvDialectIsDefault({ ...csvDialectDefault, delimiter: ';' })).toBe(false);
  });
});
