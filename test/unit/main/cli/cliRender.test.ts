// Issue 12 item 6: terminal cells are cut by UTF-16 units before escaping (a 100 MB cell was
// spread into an array of characters and aborted V8), never inside a surrogate pair.
import { describe, expect, it } from 'vitest';
import { cellText, rowsTable } from '../../../../main/cli/cliRender';

describe('cellText', () => {
  it('shows NULL, numbers and short text as they are, control characters escaped', () => {
    expect(cellText(null)).toBe('NULL');
    expect(cellText(12n)).toBe('12');
    expect(cellText('a\tb\nc\\')).toBe('a\\tb\\nc\\\\');
    expect(cellText('x'.repeat(60))).toBe('x'.repeat(60));
  });

  it('cuts long text to 59 units and an ellipsis', () => {
    expect(cellText('x'.repeat(61))).toBe(`${'x'.repeat(59)}…`);
    expect(cellText(`${'\n'.repeat(40)}`)).toBe(`${'\\n'.repeat(29)}\\…`);
  });

  it('does not split a surrogate pair at the cut', () => {
    expect(cellText(`${'x'.repeat(58)}😀yy`)).toBe(`${'x'.repeat(58)}…`);
    expect(cellText(`${'x'.repeat(57)}😀yy`)).toBe(`${'x'.repeat(57)}😀…`);
  });

  it('shows 60 units of a 16 MB cell', () => {
    expect(cellText('z'.repeat(16 << 20))).toBe(`${'z'.repeat(59)}…`);
  });
});

describe('rowsTable', () => {
  it('cuts a long column name like a cell', () => {
    expect(rowsTable([{ name: 'k'.repeat(100), type: 'string' }], [['v']])).toBe(`${'k'.repeat(59)}…\nv\n`);
  });
});
