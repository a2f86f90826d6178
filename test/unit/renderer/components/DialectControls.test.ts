import { describe, expect, it } from 'vitest';
import { dialectWithNames } from '../../../../renderer/components/DialectControls';

const draft = { delimiter: ';', quote: "'", header: false, nullValue: 'NULL', columns: ['old'] };

describe('dialectWithNames', () => {
  it('takes the typed names, trimmed, skipping empty ones', () => {
    expect(dialectWithNames(draft, ' __time__, ,__topic__ ,')).toEqual({ ...draft, columns: ['__time__', '__topic__'] });
  });

  it('drops the names when none are typed', () => {
    expect(dialectWithNames(draft, ' , ')).toEqual({ ...draft, columns: undefined });
  });
});
