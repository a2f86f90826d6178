// The export dialog's file names: the object's base name with the chosen format's extension.
import { describe, expect, it } from 'vitest';
import { exportFileName, exportNameFor } from '../../../../../renderer/views/inspect/ExportDialog';

describe('export file names', () => {
  it('names the file after the object, with the format as extension', () => {
    expect(exportFileName('a/b/log_1_2.snappy.parquet')).toBe('log_1_2.csv');
    expect(exportFileName('a/b/log_1_2.snappy.json', 'jsonl')).toBe('log_1_2.jsonl');
    expect(exportFileName('a/b/log_1_2.csv', 'parquet')).toBe('log_1_2.parquet');
    expect(exportFileName('x.json', 'jsonl')).toBe('x.jsonl');
  });

  it('switches the extension of a typed name when the format changes', () => {
    expect(exportNameFor('view.csv', 'parquet')).toBe('view.parquet');
    expect(exportNameFor('view.PARQUET', 'jsonl')).toBe('view.jsonl');
    expect(exportNameFor('my.log', 'csv')).toBe('my.log.csv');
    expect(exportNameFor('  ', 'csv')).toBe('export.csv');
  });
});
