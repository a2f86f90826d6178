import { describe, expect, it } from 'vitest';
import { listKeyTarget, listPageRows } from '../../../../../renderer/views/browse/listKeyTarget';

describe('listPageRows', () => {
  it('is the rows a view shows less one, at least one', () => {
    expect(listPageRows(280)).toBe(9);
    expect(listPageRows(10)).toBe(1);
  });
});

describe('listKeyTarget', () => {
  it('moves by one, by a page, to the ends', () => {
    expect(listKeyTarget('ArrowDown', 3, 50, 9)).toBe(4);
    expect(listKeyTarget('ArrowUp', 3, 50, 9)).toBe(2);
    expect(listKeyTarget('PageDown', 3, 50, 9)).toBe(12);
    expect(listKeyTarget('PageUp', 12, 50, 9)).toBe(3);
    expect(listKeyTarget('Home', 12, 50, 9)).toBe(0);
    expect(listKeyTarget('End', 12, 50, 9)).toBe(49);
  });

  it('stays within the rows', () => {
    expect(listKeyTarget('ArrowUp', 0, 50, 9)).toBe(0);
    expect(listKeyTarget('PageDown', 45, 50, 9)).toBe(49);
    expect(listKeyTarget('End', 0, 0, 9)).toBe(0);
  });

  it('is null for a key that does not move (Enter opens, Backspace goes up: the caller handles them)', () => {
    expect(listKeyTarget('Enter', 3, 50, 9)).toBeNull();
    expect(listKeyTarget('Backspace', 3, 50, 9)).toBeNull();
    expect(listKeyTarget('a', 3, 50, 9)).toBeNull();
  });
});
