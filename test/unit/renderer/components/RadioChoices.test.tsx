import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RadioChoices } from '../../../../renderer/components/RadioChoices';
import type { RadioChoice } from '../../../../renderer/components/RadioChoices';

const noop = () => undefined;
const plain: RadioChoice<'a' | 'b'>[] = [
  { value: 'a', label: 'First' },
  { value: 'b', label: 'Second' },
];
const rows: RadioChoice<'all' | 'view'>[] = [
  { value: 'all', label: 'All', testId: 'rows-all' },
  { value: 'view', label: 'View', disabled: true, testId: 'rows-view' },
];

describe('RadioChoices', () => {
  it('writes one radio per choice, the chosen one checked, with its caption after a space', () => {
    expect(renderToStaticMarkup(<RadioChoices value="b" choices={plain} onChange={noop} />)).toBe(
      '<label class="check"><input type="radio"/> First</label><label class="check"><input type="radio" checked=""/> Second</label>',
    );
  });

  it('passes the shared name, a disabled choice and the test ids through', () => {
    expect(renderToStaticMarkup(<RadioChoices name="rows" value="all" choices={rows} onChange={noop} />)).toBe(
      '<label class="check"><input type="radio" data-testid="rows-all" name="rows" checked=""/> All</label>' +
        '<label class="check"><input type="radio" disabled="" data-testid="rows-view" name="rows"/> View</label>',
    );
  });
});
