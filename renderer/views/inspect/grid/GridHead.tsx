/** The grid's sticky header: a sort button and a resize handle (drag, double-click to fit) per column. */
import type { PointerEvent as ReactPointerEvent } from 'react';
import type { TableInfo } from '../../../../main/api/contract';
import { useT } from '../../../i18n';
import { numberColumn } from './gridTypes';
import type { GridSort } from './gridTypes';

interface Props {
  table: TableInfo;
  visible: readonly number[];
  widths: readonly number[];
  totalWidth: number;
  sort: GridSort | null;
  onSort(sort: GridSort): void;
  onResizeStart(col: number, e: ReactPointerEvent<HTMLDivElement>): void;
  onFit(col: number): void;
}

/** The header row. */
export function GridHead({ table, visible, widths, totalWidth, sort, onSort, onResizeStart, onFit }: Props) {
  const t = useT();
  return (
    <div className="vgrid-head" role="row" style={{ position: 'sticky', top: 0, zIndex: 2, width: totalWidth }}>
      <div className="cell num muted" style={{ width: numberColumn }}>
        #
      </div>
      {visible.map((col) => {
        const column = table.columns[col];
        if (!column) return null;
        return (
          <div
            key={column.name}
            className="cell"
            role="columnheader"
            data-column={column.name}
            style={{ width: widths[col] }}
            aria-sort={sort?.col === col ? (sort.desc ? 'descending' : 'ascending') : 'none'}
          >
            <button
              type="button"
              className="sort"
              title={`${column.name} (${column.type})`}
              onClick={() => onSort(sort?.col === col ? { col, desc: !sort.desc } : { col, desc: false })}
            >
              {column.name} <span className="muted small">{column.type}</span>
              {sort?.col === col ? (sort.desc ? ' ▼' : ' ▲') : ''}
            </button>
            <div
              className="resize"
              role="separator"
              aria-orientation="vertical"
              aria-label={t('inspect.resizeColumn', { name: column.name })}
              title={t('grid.fitHint')}
              onPointerDown={(e) => onResizeStart(col, e)}
              onDoubleClick={() => onFit(col)}
            />
          </div>
        );
      })}
    </div>
  );
}
