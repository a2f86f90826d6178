import { describe, expect, it } from 'vitest';
import { compressionText } from '../../../../../renderer/views/inspect/InspectView';
import { translate } from '../../../../../renderer/i18n';

const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('en', key, vars);

describe('compressionText', () => {
  it('names the column codecs of a Parquet file instead of "none"', () => {
    expect(compressionText({ format: 'parquet', compression: 'none' }, ['SNAPPY'], t)).toBe('columns SNAPPY');
    expect(compressionText({ format: 'parquet', compression: 'none' }, ['UNCOMPRESSED', 'SNAPPY', 'ZSTD'], t)).toBe('columns SNAPPY, ZSTD');
    expect(compressionText({ format: 'parquet', compression: 'none' }, ['UNCOMPRESSED'], t)).toBe('columns uncompressed');
  });

  it('keeps the whole-file compression and snappy variant for other formats, and before the schema is read', () => {
    expect(compressionText({ format: 'json', compression: 'snappy', snappyVariant: 'raw' }, undefined, t)).toBe('snappy (raw)');
    expect(compressionText({ format: 'parquet', compression: 'none' }, undefined, t)).toBe('none');
  });
});
