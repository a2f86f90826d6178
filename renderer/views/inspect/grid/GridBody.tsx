/** The scrolling grid: the header row and the virtual rows of the shown (filtered, sorted) rows. */
import type { KeyboardEvent, MouseEvent as ReactMouseEvent, RefObject } from 'react';
import type { VirtualItem } from '@tanstack/react-virtual';
import type { TableInfo } from '../../../../main/api/contract';
import { useT } from '../../../i18n';
import { GridHead } from './GridHead';
import { GridRow } from './GridRow';
import type { Block, Pos } from './gridTypes';
import type { GridData } from './useGridData';
import type { GridSizing } from './useGridSizing';

interface Props {
  table: TableInfo;
  data: GridData;
  sizing: GridSizing;
  items: VirtualItem[];
  totalSize: number;
  totalWidth: number;
  bodyRef: RefObject<HTMLDivElement | null>;
  active: Pos;
  block: Block | null;
  onKeyDown(e: KeyboardEvent<HTMLDivElement>): void;
  onCellClick(e: ReactMouseEvent, row: number, pos: number): void;
}

/** The grid element with its header and rows. */
export function GridBody({ table, data, sizing, items, totalSize, totalWidth, bodyRef, active, block, onKeyDown, onCellClick }: Props) {
  const t = useT();
  const { cols } = sizing;
  return (
    <div className="vgrid" role="grid" aria-label={t('inspect.rows')} aria-rowcount={data.view.count} aria-colcount={cols.visible.length}>
      <div className="vgrid-body" ref={bodyRef} tabIndex={0} onKeyDown={onKeyDown} data-testid="data-table">
        <GridHead
          table={table}
          visible={cols.visible}
          widths={cols.widths}
          totalWidth={totalWidth}
          sort={data.sort}
          onSort={data.setSort}
          onResizeStart={sizing.startResize}
          onFit={(col) => cols.widthSet(col, sizing.fit(col))}
        />
        <div style={{ height: totalSize, position: 'relative', width: totalWidth }}>
          {items.map((item) => {
            const entry = data.view.at(item.index);
            // A row of the whole-object view not fetched yet: its place, until its page arrives.
            if (!entry)
              return <div key={item.key} className="vrow pending" style={{ top: item.start, height: item.size, width: totalWidth }} />;
            return (
              <GridRow
                key={item.key}
                entry={entry}
                at={item.index}
                top={item.start}
                height={item.size}
                totalWidth={totalWidth}
                visible={cols.visible}
                widths={cols.widths}
                names={data.names}
                kinds={data.kinds}
                activeCol={item.index === active.row ? active.col : -1}
                block={block}
                shown={data.shown}
                onCellClick={onCellClick}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
