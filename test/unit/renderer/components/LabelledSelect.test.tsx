import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LabelledSelect, compressionOptions, formatOptions } from '../../../../renderer/components/LabelledSelect';

const noop = () => undefined;

describe('LabelledSelect', () => {
  it('writes the caption as bare text and names the select with it', () => {
    const html = renderToStaticMarkup(
      <LabelledSelect label="Format" value="csv" options={formatOptions} onChange={noop} testId="rule-format" />,
    );
    expect(html).toBe(
      '<label class="field">Format<select aria-label="Format" data-testid="rule-format">' +
        '<option value="json">JSON</option><option value="csv" selected="">CSV</option><option value="parquet">Parquet</option>' +
        '</select></label>',
    );
  });

  it('puts the caption in a span without aria-label when spanned (query and forward forms)', () => {
    const html = renderToStaticMarkup(
      <LabelledSelect label="Compression" value="none" options={compressionOptions} onChange={noop} spanned testId="query-compression" />,
    );
    expect(html).toBe(
      '<label class="field"><span>Compression</span><select data-testid="query-compression">' +
        '<option value="none" selected="">none</option><option value="snappy">snappy</option></select></label>',
    );
  });

  it('keeps a row class, a style and disabled placeholder options', () => {
    const html = renderToStaticMarkup(
      <LabelledSelect
        label="Logstore"
        value=""
        options={[
          { value: '', label: '—', disabled: true },
          { value: 'access', label: 'access' },
        ]}
        onChange={noop}
        className="row small"
        style={{ minWidth: 160 }}
      />,
    );
    expect(html).toContain('<label class="row small" style="min-width:160px">Logstore<select aria-label="Logstore">');
    expect(html).toContain('<option value="" disabled="" selected="">—</option><option value="access">access</option>');
  });
});
