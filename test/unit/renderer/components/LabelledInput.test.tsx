import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LabelledInput, LabelledTextarea } from '../../../../renderer/components/LabelledInput';

const noop = () => undefined;

describe('LabelledInput', () => {
  it('writes the caption as bare text and names the input with it; other attributes pass through', () => {
    const html = renderToStaticMarkup(
      <LabelledInput label="Table" className="mono" value="t1" placeholder="logs" onValue={noop} testId="ddl-table" />,
    );
    expect(html).toBe(
      '<label class="field">Table<input aria-label="Table" class="mono" placeholder="logs" data-testid="ddl-table" value="t1"/></label>',
    );
  });

  it('puts the caption in a span without aria-label when spanned, with the label class asked for', () => {
    const html = renderToStaticMarkup(
      <LabelledInput label="Prefix" labelClass="field wide" type="text" value="" onValue={noop} testId="query-prefix" spanned />,
    );
    expect(html).toBe('<label class="field wide"><span>Prefix</span><input type="text" data-testid="query-prefix" value=""/></label>');
  });
});

describe('LabelledTextarea', () => {
  it('is the textarea form of the same field', () => {
    expect(renderToStaticMarkup(<LabelledTextarea label="Columns" rows={4} value="a" onValue={noop} />)).toBe(
      '<label class="field">Columns<textarea aria-label="Columns" rows="4">a</textarea></label>',
    );
    expect(renderToStaticMarkup(<LabelledTextarea label="Rule" value="" onValue={noop} testId="query-rule" spanned />)).toBe(
      '<label class="field"><span>Rule</span><textarea data-testid="query-rule"></textarea></label>',
    );
  });
});
