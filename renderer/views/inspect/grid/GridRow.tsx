/** One virtual row of the grid: its number and its visible cells (active, selected, times shown). */
import type { MouseEvent as ReactMouseEvent } from 'react';
import type { JsonCell } from '../../../../main/api/contract';
import { CellValue } from '../../../components/CellValue';
import { useT } from '../../../i18n';
import { numberColumn } from './gridTypes';
import type { Block, ColumnKind, GridEntry } from './gridTypes';

interface Props {
  entry: GridEntry;
  /** Position in the shown (filtered, sorted) rows. */
  at: number;
  top: number;
  height: number;
  totalWidth: number;
  visible: readonly number[];
  widths: readonly number[];
  names: readonly string[];
  kinds: readonly ColumnKind[];
  /** The active column position when this row is the active one, else -1. */
  activeCol: number;
  block: Block | null;
  shown(cell: JsonCell, col: number): string | null;
  onCellClick(e: ReactMouseEvent, row: number, pos: number): void;
}

/** A grid row. */
export function GridRow(p: Props) {
  const t = useT();
  const inRows = p.block !== null && p.at >= p.block.r0 && p.at <= p.block.r1;
  return (
    <div
      role="row"
      aria-rowindex={p.at + 1}
      className={`vrow${p.activeCol >= 0 ? ' active' : ''}`}
      style={{ top: p.top, height: p.height, width: p.totalWidth }}
    >
      <div className="cell num muted" style={{ width: numberColumn }}>
        {p.entry.index + 1}
      </div>
      {p.visible.map((col, pos) => {
        const cell = p.entry.row[col] ?? null;
        const isActive = pos === p.activeCol;
        const selected = inRows && p.block !== null && pos >= p.block.c0 && pos <= p.block.c1;
        const text = p.shown(cell, col);
        return (
          <div
            key={p.names[col]}
            role="gridcell"
            data-column={p.names[col]}
            aria-selected={isActive || selected}
            className={`cell mono${p.kinds[col]?.numeric && !text ? ' num' : ''}${selected ? ' selected' : ''}`}
            style={{ width: p.widths[col], outline: isActive ? '1px solid var(--accent)' : undefined }}
            onClick={(e) => p.onCellClick(e, p.at, pos)}
            title={text ? String(cell) : t('inspect.cellExpand')}
          >
            <CellValue cell={cell} shown={text} />
          </div>
        );
      })}
    </div>
  );
}
