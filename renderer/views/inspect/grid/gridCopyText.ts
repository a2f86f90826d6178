/** What Copy puts on the clipboard: the active cell, its row, its column or the selected block. */
import type { CopyFormat, CopyWhat } from '../../../components/GridToolbar';
import type { JsonCell } from '../../../../main/api/contract';
import { cellCopyText, rowsJson, rowsTsv } from '../../../util/gridCopy';
import { blockOf } from './gridTypes';
import type { GridRows } from './gridRows';
import type { Pos } from './gridTypes';

export interface CopySource {
  /** The rows shown (of a whole-object view, the fetched ones: its column is copied by useGridCopy). */
  view: GridRows;
  visible: readonly number[];
  names: readonly string[];
  active: Pos;
  anchor: Pos | null;
}

/** A column's values as TSV (its name first) or as a JSON array. */
export function columnCopyText(format: CopyFormat, values: readonly JsonCell[], name: string): string {
  return format === 'tsv'
    ? rowsTsv(
        values.map((v) => [v]),
        [0],
        [name],
      )
    : JSON.stringify(values, null, 2);
}

/** The text for one copy; the selection without an anchor is the active cell. */
export function gridCopyText(what: CopyWhat, format: CopyFormat, s: CopySource): string {
  const entry = s.view.at(s.active.row);
  const all = () => s.view.list(0, s.view.count);
  const col = s.visible[s.active.col] ?? 0;
  if (what === 'cell') return format === 'tsv' ? cellCopyText(entry?.row[col]) : JSON.stringify(entry?.row[col] ?? null);
  if (what === 'row') {
    const rows = entry ? [entry.row] : [];
    return format === 'tsv' ? rowsTsv(rows, s.visible) : rowsJson(rows, s.visible, s.names);
  }
  if (what === 'column') {
    return columnCopyText(
      format,
      all().map((e) => e.row[col] ?? null),
      s.names[col] ?? '',
    );
  }
  const block = blockOf(s.anchor ?? s.active, s.active);
  const rows = s.view.list(block.r0, block.r1 + 1).map((e) => e.row);
  const cols = s.visible.slice(block.c0, block.c1 + 1);
  return format === 'tsv' ? rowsTsv(rows, cols) : rowsJson(rows, cols, s.names);
}
