import { describe, expect, it } from 'vitest';
import { gridRowsLoaded } from '../../../../../../renderer/views/inspect/grid/gridRows';
import { columnCopyText, gridCopyText } from '../../../../../../renderer/views/inspect/grid/gridCopyText';
import { keyTarget } from '../../../../../../renderer/views/inspect/grid/useGridCursor';

describe('grid cursor keys', () => {
  it('moves by one, by a page, and to the ends, inside the grid', () => {
    const at = { row: 5, col: 1 };
    expect(keyTarget('ArrowDown', false, at, 10, 100, 3)).toEqual({ row: 6, col: 1 });
    expect(keyTarget('ArrowRight', false, { row: 5, col: 2 }, 10, 100, 3)).toEqual({ row: 5, col: 2 });
    expect(keyTarget('PageUp', false, at, 10, 100, 3)).toEqual({ row: 0, col: 1 });
    expect(keyTarget('End', true, at, 10, 100, 3)).toEqual({ row: 99, col: 2 });
    expect(keyTarget('Home', false, at, 10, 100, 3)).toEqual({ row: 5, col: 0 });
    expect(keyTarget('x', false, at, 10, 100, 3)).toBeUndefined();
  });
});

describe('grid copy text', () => {
  const view = gridRowsLoaded([
    [1, 'a', null],
    [2, 'b', true],
  ]);
  const source = { view, visible: [0, 1, 2], names: ['n', 's', 'f'] };

  it('copies the active cell, its row and its column', () => {
    const active = { row: 1, col: 1 };
    expect(gridCopyText('cell', 'tsv', { ...source, active, anchor: null })).toBe('b');
    expect(gridCopyText('row', 'json', { ...source, active, anchor: null })).toContain('"s": "b"');
    expect(gridCopyText('column', 'json', { ...source, active, anchor: null })).toBe(JSON.stringify(['a', 'b'], null, 2));
  });

  it('copies a column as TSV under its name (null as an empty field) or as a JSON array keeping null', () => {
    expect(gridCopyText('column', 'tsv', { ...source, active: { row: 0, col: 2 }, anchor: null })).toBe('f\n\ntrue');
    expect(columnCopyText('tsv', ['x\ty', null, 3], 'name')).toBe('name\n"x\ty"\n\n3');
    expect(columnCopyText('json', ['', null, 3], 'name')).toBe('[\n  "",\n  null,\n  3\n]');
  });

  it('copies the block between anchor and active cell', () => {
    expect(gridCopyText('selection', 'tsv', { ...source, active: { row: 1, col: 1 }, anchor: { row: 0, col: 0 } })).toBe('1\ta\n2\tb');
  });
});
